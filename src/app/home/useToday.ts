import { useEffect, useState } from 'react';
import { shanghaiDayRange, type DayRange } from './shanghaiDay';

/** Returns the current Asia/Shanghai day, rolling over at midnight while the screen stays open. */
export function useShanghaiToday(): DayRange {
  const [range, setRange] = useState(() => shanghaiDayRange(new Date()));

  useEffect(() => {
    // A second past midnight, so the timer never lands just before the day changes.
    const delayMs = range.end.getTime() - Date.now() + 1000;
    const timer = window.setTimeout(() => setRange(shanghaiDayRange(new Date())), delayMs);
    return () => window.clearTimeout(timer);
  }, [range]);

  return range;
}
