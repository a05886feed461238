/**
 * Calendar dates as whole days since 1970-01-01 (UTC). Analytics count days between
 * dates, and an integer day number is exact, cheap to store in an Int32Array and free
 * of time-zone and daylight-saving surprises.
 */
const MS_PER_DAY = 86_400_000;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Parses YYYY-MM-DD, YYYYMMDD (CDNOW) or an ISO date-time (its calendar date in its own
 * offset, as the order was placed) into a day number; undefined when the text is not a
 * real calendar date (2021-02-30 is rejected, not rolled over).
 */
export function parseDayNumber(text: string): number | undefined {
  const trimmed = text.trim();
  const m = ISO_DATE.exec(trimmed) ?? COMPACT_DATE.exec(trimmed);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return undefined;
  }
  return ms / MS_PER_DAY;
}

export function dayNumberOf(date: Date): number {
  return Math.floor(date.getTime() / MS_PER_DAY);
}

export function formatDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}
