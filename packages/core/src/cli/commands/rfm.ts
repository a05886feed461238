import { parseDayNumber } from '../../rfm/day-number.ts';
import { scoreRfm } from '../../rfm/score-rfm.ts';
import { SegmentRulesSchema } from '../../segments/segment-rules.ts';
import { defineCommand, UsageError } from '../command.ts';
import {
  csvField,
  dayOption,
  formatOption,
  numberOption,
  ORDER_FILE_OPTIONS,
  readOrdersFor,
  round,
} from '../read-input.ts';

export default defineCommand({
  name: 'rfm',
  summary: 'RFM scores and segments per customer as of a date',
  usage: `cordial rfm ORDERS.csv --as-of YYYY-MM-DD [--customer COL --date COL --amount COL]
                  [--bins 5] [--segments RULES.json] [--format csv|json]

  One row per customer: customer_id, recency_days, frequency, monetary, r, f, m, segment.
  Scores 1..bins by quantile thresholds (equal values get equal scores, as in the R package rfm);
  segments by the first matching rule of the table (default: the rfm package's), else "Others".
  --segments takes a JSON array of {"name", "recency": [lo, hi], "frequency": [lo, hi], "monetary": [lo, hi]}.
  COL is a header name or a 1-based column number; common header names are recognised.`,
  options: {
    'as-of': { type: 'string' },
    bins: { type: 'string' },
    segments: { type: 'string' },
    ...ORDER_FILE_OPTIONS,
  },
  async run({ positionals, values }, io) {
    const asOfDay = dayOption('as-of', values['as-of'], parseDayNumber);
    const format = formatOption(values.format, 'csv');
    const bins = numberOption('bins', values.bins, 5);
    let rules: unknown;
    if (typeof values.segments === 'string') {
      try {
        rules = JSON.parse(await io.readText(values.segments));
      } catch (error) {
        throw new UsageError(`Cannot read the segment rules ${values.segments}: ${(error as Error).message}`);
      }
      const parsed = SegmentRulesSchema.safeParse(rules);
      if (!parsed.success) {
        throw new UsageError(
          `The segment rules in ${values.segments} are invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      }
      rules = parsed.data;
    }
    if (!Number.isInteger(bins) || bins < 2 || bins > 10)
      throw new UsageError('--bins is a whole number from 2 to 10.');
    const table = await readOrdersFor('rfm', positionals[0], values, io);
    if (!table.ok) {
      io.stderr(`cordial rfm: ${table.message}\n`);
      return 1;
    }
    const result = scoreRfm(table.purchases, { asOfDay, bins, ...(rules ? { rules: rules as never } : {}) });
    if (result.ignoredOrders > 0) io.stderr(`cordial rfm: ${result.ignoredOrders} orders after --as-of ignored\n`);
    if (result.rows.length === 0) {
      io.stderr('cordial rfm: no customer has an order on or before --as-of.\n');
      return 1;
    }
    const rows = result.rows.map((row) => ({
      customer_id: row.customerId,
      recency_days: row.recencyDays,
      frequency: row.frequency,
      monetary: round(row.monetary),
      r: row.r,
      f: row.f,
      m: row.m,
      segment: row.segment,
    }));
    if (format === 'json') {
      io.stdout(
        `${JSON.stringify({ asOf: values['as-of'], bins, thresholds: result.thresholds, customers: rows }, null, 2)}\n`,
      );
    } else {
      const header = 'customer_id,recency_days,frequency,monetary,r,f,m,segment\n';
      io.stdout(header + rows.map((row) => Object.values(row).map(csvField).join(',')).join('\n') + '\n');
    }
    return 0;
  },
});
