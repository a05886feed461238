// Fitting the customer-base models on CDNOW (2,357 customers) in Node, each figure with a
// baseline measured in the same run: one evaluation of the model's log-likelihood at the
// published parameters (so the ratio reads as "the fit costs N likelihood evaluations").
import { bgNbdLogLikelihood, fitBgNbd } from '../src/models/bg-nbd.ts';
import { prepareCohort } from '../src/models/customer-history.ts';
import { fitGammaGamma, gammaGammaLogLikelihood } from '../src/models/gamma-gamma.ts';
import { fitParetoNbd, paretoNbdLogLikelihood } from '../src/models/pareto-nbd.ts';
import { cdnowSpend, cdnowSummary } from './shared-data.ts';

/** One figure with its in-run baseline and their ratio, in the layout of scripts/bench.mjs. */
function print(name: string, ms: number, baseline: { name: string; value: number }, note: string) {
  const ratio = ms / baseline.value;
  console.log(
    `  ${name}: ${ms.toFixed(2)} ms  (baseline ${baseline.name}: ${baseline.value.toPrecision(3)} ms; ratio ${ratio.toFixed(0)}×)  ${note}`,
  );
}

/** Median of `rounds` timed runs after `warmup` untimed ones (the JIT settles first). */
function time(run: () => unknown, rounds = 30, warmup = 5): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(rounds / 2)] as number;
}

const summary = cdnowSummary();
const spend = cdnowSpend();
const cohort = prepareCohort(summary);

const fits = [
  {
    name: 'BG/NBD fit on CDNOW (goal < 50 ms)',
    fit: () => fitBgNbd(summary),
    once: () => bgNbdLogLikelihood({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, cohort),
  },
  {
    name: 'Gamma-Gamma fit on the 946 CDNOW repeat buyers',
    fit: () => fitGammaGamma(spend),
    once: () => gammaGammaLogLikelihood({ p: 6.25, q: 3.74, gamma: 15.44 }, spend),
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
  const baseline = { name: 'one log-likelihood evaluation', value: time(once, 200, 20) };
  print(name, time(fit), baseline, note);
}
