/** Both audit APIs return at most one year of events per request; 365 days is within a year even across a leap day. */
export const MAX_WINDOW_MS = 365 * 24 * 60 * 60 * 1000;

export interface TimeWindow {
  readonly from: Date;
  readonly to: Date;
}

/** [from, to) cut into consecutive windows of at most `maxMs`, oldest first. */
export function splitWindows(from: Date, to: Date, maxMs: number = MAX_WINDOW_MS): TimeWindow[] {
  if (!(from.getTime() < to.getTime())) return [];
  const windows: TimeWindow[] = [];
  for (let start = from.getTime(); start < to.getTime(); start += maxMs) {
    windows.push({ from: new Date(start), to: new Date(Math.min(start + maxMs, to.getTime())) });
  }
  return windows;
}
