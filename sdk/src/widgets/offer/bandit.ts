/**
 * Thompson sampling over an offer's variants: each variant's click-through rate has a
 * Beta(1 + clicks, 1 + impressions − clicks) posterior; we draw one sample from each and
 * show the variant with the highest draw. Variants that do well get shown more, and a
 * variant with few impressions still gets explored.
 */
export interface Arm {
  id: string;
  impressions: number;
  clicks: number;
}

export function chooseArm(arms: Arm[], random: () => number): { id: string; draws: Record<string, number> } {
  const draws: Record<string, number> = {};
  let best = arms[0]?.id ?? '';
  let bestDraw = -1;
  for (const arm of arms) {
    const clicks = Math.min(arm.clicks, arm.impressions);
    const draw = sampleBeta(1 + clicks, 1 + arm.impressions - clicks, random);
    draws[arm.id] = draw;
    if (draw > bestDraw) {
      bestDraw = draw;
      best = arm.id;
    }
  }
  return { id: best, draws };
}

/** Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). */
export function sampleBeta(a: number, b: number, random: () => number): number {
  const x = sampleGamma(a, random);
  return x / (x + sampleGamma(b, random));
}

/** Marsaglia and Tsang (2000), for shape ≥ 1 (ours always is). */
function sampleGamma(shape: number, random: () => number): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Standard normal by Box–Muller. */
function normal(random: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Records the evidence of `arm` (`${offerId}/${variantId}` → [impressions, clicks]): an impression, or the first click
 * on one (at most one click per impression, so that the click rate stays a rate).
 */
export function learn(arms: Record<string, [number, number]>, arm: string, click: boolean): void {
  const counts = arms[arm] ?? [0, 0];
  if (click) counts[1] = Math.min(counts[1] + 1, counts[0]);
  else counts[0]++;
  arms[arm] = counts;
}
