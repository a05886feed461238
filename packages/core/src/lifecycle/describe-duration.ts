/** A number of days in the words a rep reads at a glance: days, then weeks, then months, then years. */
export function describeDuration(days: number): string {
  const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (days < 14) return plural(Math.max(0, Math.round(days)), 'day');
  if (days < 7 * 26) return plural(Math.round(days / 7), 'week');
  if (days < 730) return plural(Math.round(days / 30.44), 'month');
  return plural(Math.round(days / 365.25), 'year');
}
