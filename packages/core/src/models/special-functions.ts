/**
 * Special functions the customer-base models need, written for accuracy first:
 * the likelihoods subtract large log-gamma values, so a sloppy approximation shows
 * up directly in the fitted parameters.
 */

// Lanczos approximation with g = 7, n = 9 (Numerical Recipes / Boost coefficients):
// about 15 significant digits for x > 0.5, which is what double precision offers.
const LANCZOS_G = 7;
const LANCZOS = [
  0.9999999999998099, 676.5203681218851, -1259.1392167224028, 771.3234287776531, -176.6150291621406, 12.507343278686905,
  -0.13857109526572012, 9.984369578019572e-6, 1.5056327351493116e-7,
];
const HALF_LOG_TWO_PI = 0.9189385332046728;

/** ln Γ(x) for x > 0 (the models never need negative arguments). */
export function logGamma(x: number): number {
  if (!(x > 0)) return Number.NaN;
  // The Lanczos sum loses digits below 0.5; the reflection formula maps there from above.
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = LANCZOS[0] as number;
  for (let i = 1; i < LANCZOS_G + 2; i++) sum += (LANCZOS[i] as number) / (z + i);
  const t = z + LANCZOS_G + 0.5;
  return HALF_LOG_TWO_PI + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b). */
export function logBeta(a: number, b: number): number {
  return logGamma(a) + logGamma(b) - logGamma(a + b);
}

/** ln(e^a + e^b) without overflow or underflow. */
export function logSumExp(a: number, b: number): number {
  if (a === Number.NEGATIVE_INFINITY) return b;
  if (b === Number.NEGATIVE_INFINITY) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/**
 * The Gaussian hypergeometric function ₂F₁(a, b; c; z) for 0 ≤ z < 1 and c > 0, by its
 * power series. Every caller in these models has a, b, c > 0, so the terms are positive
 * and the partial sums increase: we stop when a term no longer changes the sum. Near
 * z = 1 the series converges slowly (like zⁿ), hence the generous term budget; a z
 * outside [0, 1) returns NaN so a caller cannot mistake it for a value.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1) || !(c > 0)) return Number.NaN;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 1_000_000; n++) {
    term *= ((a + n) * (b + n) * z) / ((c + n) * (n + 1));
    const next = sum + term;
    if (next === sum || Math.abs(term) <= Math.abs(sum) * 1e-17) return next;
    sum = next;
  }
  return Number.NaN;
}
