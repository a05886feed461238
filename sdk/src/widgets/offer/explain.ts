import type { Explanation } from '../../client';
import type { EventCondition } from './config';
import type { Decision, Fit, Reason } from './decide';

/**
 * The words for a decision's reasons. A separate chunk, imported only by `cordial.explain()`: the decisions
 * record their reasons as data, and no visitor who never asks pays for the sentences.
 */
export function explain(decision: Decision, decidedAt: string): Explanation {
  const chosen = decision.chosen;
  return {
    placement: decision.placement,
    control: decision.control,
    personalized: decision.personalized,
    decidedAt,
    chosen: chosen
      ? {
          id: chosen.offer.id,
          type: chosen.offer.type,
          placement: chosen.offer.placement,
          title: chosen.offer.content.title,
          ...(chosen.variant && { variant: chosen.variant }),
          score: round(chosen.score),
          reasons: chosen.reasons.map(reasonText),
        }
      : null,
    rejected: decision.rejected.map(({ id, reasons }) => ({ id, reasons: reasons.map(reasonText) })),
  };
}

export function reasonText(reason: Reason): string {
  switch (reason[0]) {
    case 'control':
      return `the visitor is in the control group (holdout ${reason[1]}%)`;
    case 'offer-control':
      return `the visitor is in this offer's control group (holdout ${reason[1]}%)`;
    case 'below':
      return `scored ${round(reason[1])}, below ${reason[2]} (${round(reason[3])})`;
    case 'start':
      return `scheduled to start ${reason[1]}`;
    case 'end':
      return `schedule ended ${reason[1]}`;
    case 'weekday':
      return 'not scheduled on this weekday';
    case 'hours':
      return `scheduled between ${reason[1]}:00 and ${reason[2]}:00`;
    case 'urls':
      return `page ${reason[1]} matches none of ${reason[2].join(', ')}`;
    case 'excluded':
      return `page ${reason[1]} is excluded`;
    case 'device':
      return `device is ${reason[1]}, not ${reason[2].join('/')}`;
    case 'consent':
      return 'needs personalization consent (audience uses the profile)';
    case 'visitor':
      return `the visitor is ${reason[1] ? 'returning' : 'new'}`;
    case 'segment':
      return `RFM segment is ${reason[1]}`;
    case 'stage':
      return `life-cycle stage is ${reason[1]}`;
    case 'churn':
      return `churn risk ${round(reason[1])} outside ${rangeText(reason[2])}`;
    case 'rfm':
      return `${reason[1].toUpperCase()} score ${reason[2]} outside ${rangeText(reason[3])}`;
    case 'trait':
      return `trait ${reason[1]} is not ${String(reason[2])}`;
    case 'events': {
      const [, c, n] = reason;
      const min = c.min ?? 1;
      return `${describe(c)}: ${n} time(s), needs ${c.max === undefined ? `≥ ${min}` : `${min}–${c.max}`}`;
    }
    case 'dismissed':
    case 'converted':
      return `${reason[0]} ${reason[1] === 'never' ? '(not shown again)' : `less than ${reason[1]} day(s) ago`}`;
    case 'session':
      return `shown ${reason[1]} time(s) this session (cap ${reason[2]})`;
    case 'day':
      return `shown ${reason[1]} time(s) today (cap ${reason[2]})`;
    case 'all-session':
      return `${reason[1]} offer(s) shown this session (global cap ${reason[2]})`;
    case 'all-day':
      return `${reason[1]} offer(s) shown today (global cap ${reason[2]})`;
    case 'priority':
      return `priority ${reason[1]}`;
    case 'not-personalized':
      return 'not personalized (no consent)';
    case 'fit': {
      const [, type, fit, ...why] = reason;
      return `${type} fit ${round(fit)}: ${fitText(why)}`;
    }
    case 'interest':
      return `interest in ${reason[1]} ${round(reason[2])}`;
    case 'variant':
      return `variant ${reason[1]} by Thompson sampling (${reason[2]
        .map((a) => `${a.id}: ${a.clicks}/${a.impressions} clicks, draw ${round(a.draw)}`)
        .join('; ')})`;
  }
}

function fitText(why: Fit): string {
  switch (why[0]) {
    case 'customer':
      return 'already a customer';
    case 'returning-prospect':
      return 'returning prospect';
    case 'new':
      return 'new visitor';
    case 'never-ordered':
      return 'never ordered';
    case 'churn':
      return `churn risk ${round(why[1])}`;
    case 'rfm':
      return `RFM ${why[1]}`;
    case 'bought':
      return 'has bought or has a cart';
    case 'browsed':
      return 'has browsed products';
    case 'no-history':
      return 'no product history';
    case 'viewed':
      return `viewed ${why[1]} product(s)`;
    case 'no-views':
      return 'no product views';
  }
}

const describe = (c: EventCondition) =>
  `${c.event}${c.category ? ` in ${c.category}` : ''}${c.productId ? ` of ${c.productId}` : ''}${c.withinDays === undefined ? '' : ` within ${c.withinDays} days`}`;

const rangeText = (r: { min?: number | undefined; max?: number | undefined }) => `${r.min ?? '…'}–${r.max ?? '…'}`;

const round = (x: number) => Math.round(x * 100) / 100;
