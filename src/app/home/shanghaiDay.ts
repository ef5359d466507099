/** The dealership's working day. China has kept UTC+8 all year, without daylight saving, since 1991. */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface DayRange {
  /** First instant of the day (inclusive). */
  start: Date;
  /** First instant of the next day (exclusive). */
  end: Date;
}

/** Returns the Asia/Shanghai calendar day containing `now`. */
export function shanghaiDayRange(now: Date): DayRange {
  const shanghaiMs = now.getTime() + SHANGHAI_OFFSET_MS;
  const startMs = Math.floor(shanghaiMs / DAY_MS) * DAY_MS - SHANGHAI_OFFSET_MS;
  return { start: new Date(startMs), end: new Date(startMs + DAY_MS) };
}

/** Checks whether an ISO timestamp (any offset) falls within the range. */
export function isWithin(range: DayRange, iso: string): boolean {
  const time = Date.parse(iso);
  return time >= range.start.getTime() && time < range.end.getTime();
}
