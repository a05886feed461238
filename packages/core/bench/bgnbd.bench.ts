// Fitting the customer-base models on CDNOW (2,357 customers) in Node, each figure with a
// baseline measured in the same run: as many evaluations of the model's log-likelihood as
// the fit needs, and nothing else — so the ratio is the optimiser's and the data
// preparation's overhead on top of the unavoidable likelihood work.
import { bgNbdLogLikelihood, fitBgNbd } from '../src/models/bg-nbd.ts';
import { prepareCohort } from '../src/models/customer-history.ts';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../src/models/gamma-gamma.ts';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../src/models/pareto-nbd.ts';
import { cdnowSpend, cdnowSummary } from './shared-data.ts';

/** One figure with its in-run baseline and their ratio, in the layout of scripts/bench.mjs. */
function print(name: string, ms: number, baseline: { name: string; value: number }, note: string) {
  const ratio = ms / baseline.value;
  console.log(
    `  ${name}: ${ms.toFixed(2)} ms  (baseline ${baseline.name}: ${baseline.value.toFixed(2)} ms; ratio ${ratio.toFixed(2)}×)  ${note}`,
  );
}

/**
 * Best of `rounds` timed runs after `warmup` untimed ones (the JIT settles first); the best,
 * not the median, because on a shared machine every other figure includes other jobs' time.
 */
function time(run: () => unknown, rounds = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return Math.min(...times);
}

const summary = cdnowSummary();
const spend = cdnowSpend();
const cohort = prepareCohort(summary);
const repeatBuyers = spend.filter((h) => h.x > 0);

const fits = [
  {
    name: 'BG/NBD fit on CDNOW (goal < 50 ms)',
    fit: () => fitBgNbd(summary),
    once: () => bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cohort),
  },
  {
    name: 'Gamma-Gamma fit on the 946 CDNOW repeat buyers',
    fit: () => fitGammaGamma(spend),
    once: () => gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, repeatBuyers),
  },
  {
    name: 'Pareto/NBD fit on CDNOW',
    fit: () => fitParetoNbd(summary),
    once: () => paretoNbdLogLikelihood({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, cohort),
  },
];

for (const { name, fit, once } of fits) {
  const result = fit();
  const note = result.ok ? `(${result.evaluations} evaluations, LL ${result.logLikelihood.toFixed(2)})` : result.reason;
  const evaluations = result.ok ? result.evaluations : 1;
  const likelihoodWork = () => {
    for (let i = 0; i < evaluations; i++) once();
  };
  const baseline = { name: `its ${evaluations} log-likelihood evaluations alone`, value: time(likelihoodWork) };
  print(name, time(fit), baseline, note);
}
