import { existsSync, readFileSync } from 'node:fs';

/** The lines of one month file, and whether it ends in the middle of a line (an interrupted write). */
export interface MonthFileLines {
  readonly lines: string[];
  /** The last line has no newline: it was never completed. */
  readonly partial: boolean;
}

export function readMonthFile(path: string): MonthFileLines {
  if (!existsSync(path)) return { lines: [], partial: false };
  const text = readFileSync(path, 'utf8');
  if (text === '') return { lines: [], partial: false };
  const lines = text.split('\n');
  const partial = lines[lines.length - 1] !== '';
  if (!partial) lines.pop();
  return { lines, partial };
}
