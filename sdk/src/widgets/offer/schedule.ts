import type { Offer } from './config';
import type { Reason } from './decide';

/**
 * When an offer is scheduled: start and end instants, weekdays and local hours. A separate chunk, imported only with
 * configurations that have a schedule.
 */
export function scheduleMisses(offer: Offer, now: number): Reason[] {
  const s = offer.schedule;
  if (!s) return [];
  const date = new Date(now);
  if (s.start && now < Date.parse(s.start)) return [['start', s.start]];
  if (s.end && now >= Date.parse(s.end)) return [['end', s.end]];
  if (s.weekdays && !s.weekdays.includes(date.getDay())) return [['weekday']];
  const hour = date.getHours() + date.getMinutes() / 60;
  if (s.hours && !(hour >= s.hours[0] && hour < s.hours[1])) return [['hours', s.hours[0], s.hours[1]]];
  return [];
}
