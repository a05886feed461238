import { summarizeCalibration } from '../../models/calibration-summary.ts';
import { valueCohort } from '../../models/customer-value.ts';
import { parseDayNumber } from '../../rfm/day-number.ts';
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
  name: 'clv',
  summary: 'P(alive), expected purchases and lifetime value per customer (BG/NBD + Gamma-Gamma)',
  usage: `cordial clv ORDERS.csv --calibration-end YYYY-MM-DD [--horizon-weeks 39] [--discount-rate 0.1]
                  [--customer COL --date COL --amount COL] [--format csv|json]

  Fits BG/NBD and Gamma-Gamma on the orders up to --calibration-end with the CDNOW conventions
  (time in weeks, orders on the same day merged, x = repeat purchases) and values every customer
  over the next --horizon-weeks, discounting at the annual --discount-rate.
  JSON: { models: { bgnbd, gammaGamma }, customers: [...], totals: { expected_purchases, customer_equity } }.`,
  options: {
    'calibration-end': { type: 'string' },
    'horizon-weeks': { type: 'string' },
    'discount-rate': { type: 'string' },
    ...ORDER_FILE_OPTIONS,
  },
  async run({ positionals, values }, io) {
    const calibrationEnd = dayOption('calibration-end', values['calibration-end'], parseDayNumber);
    const horizon = numberOption('horizon-weeks', values['horizon-weeks'], 39);
    const discountRate = numberOption('discount-rate', values['discount-rate'], 0.1);
    const format = formatOption(values.format, 'csv');
    if (!(horizon > 0 && horizon <= 10_000))
      throw new UsageError('--horizon-weeks must be above 0 (and at most 10000).');
    if (!(discountRate >= 0 && discountRate <= 10))
      throw new UsageError('--discount-rate is an annual rate from 0 to 10.');
    const table = await readOrdersFor('clv', positionals[0], values, io);
    if (!table.ok) {
      io.stderr(`cordial clv: ${table.message}\n`);
      return 1;
    }
    const summaries = summarizeCalibration(table.purchases, { calibrationEnd, unitDays: 7 });
    const value = valueCohort(summaries, { horizon, discountRate, unitsPerYear: 52 });
    if (!value.ok) {
      const model = value.model === 'bgnbd' ? 'BG/NBD' : 'Gamma-Gamma';
      io.stderr(`cordial clv: cannot fit ${model} (${value.reason}): ${value.message}\n`);
      return 1;
    }
    const customers = value.customers.map((c) => ({
      customer_id: c.customerId,
      x: c.x,
      t_x: round(c.tx),
      T: round(c.T),
      p_alive: round(c.pAlive),
      expected_purchases: round(c.expectedPurchases),
      expected_avg_spend: round(c.expectedAvgSpend),
      clv: round(c.clv),
    }));
    const models = {
      bgnbd: { params: value.bgNbd.params, logLikelihood: value.bgNbd.logLikelihood },
      gammaGamma: { params: value.gammaGamma.params, logLikelihood: value.gammaGamma.logLikelihood },
    };
    const totals = {
      expected_purchases: round(value.totals.expectedPurchases),
      customer_equity: round(value.totals.customerEquity),
    };
    if (format === 'json') {
      const settings = {
        calibration_end: values['calibration-end'],
        horizon_weeks: horizon,
        discount_rate: discountRate,
      };
      io.stdout(`${JSON.stringify({ settings, models, customers, totals }, null, 2)}\n`);
      return 0;
    }
    const { r, alpha, a, b } = models.bgnbd.params;
    const { p, q, gamma } = models.gammaGamma.params;
    io.stderr(
      `cordial clv: BG/NBD r=${round(r, 4)} alpha=${round(alpha, 4)} a=${round(a, 4)} b=${round(b, 4)} LL=${round(models.bgnbd.logLikelihood, 2)}; ` +
        `Gamma-Gamma p=${round(p, 4)} q=${round(q, 4)} gamma=${round(gamma, 4)} LL=${round(models.gammaGamma.logLikelihood, 2)}; ` +
        `expected purchases ${totals.expected_purchases}, customer equity ${totals.customer_equity}\n`,
    );
    const header = 'customer_id,x,t_x,T,p_alive,expected_purchases,expected_avg_spend,clv\n';
    io.stdout(header + customers.map((c) => Object.values(c).map(csvField).join(',')).join('\n') + '\n');
    return 0;
  },
});
