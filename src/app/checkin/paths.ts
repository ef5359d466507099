/** The check-in screens' addresses. */
export const NEW_CHECKIN_PATH = '/checkin/new';

export function checkinPath(id: string): string {
  return `/checkin/${encodeURIComponent(id)}`;
}

export function checkinPrintPath(id: string): string {
  return `/checkin/${encodeURIComponent(id)}/print`;
}
