/**
 * A small, dependency-free Nelder–Mead minimiser (Lagarias et al. 1998 coefficients),
 * with restarts: a simplex can collapse on a ridge of a likelihood, and restarting from
 * the best point with a fresh simplex is the standard remedy (as R's optim users do by hand).
 */

export interface MinimizeOptions {
  /** Relative size of the initial simplex around the start point (in the optimiser's coordinates). */
  readonly step?: number;
  /** Stop when the function values of the simplex agree to this tolerance, relative to 1 + |best value|. */
  readonly tolerance?: number;
  readonly maxEvaluations?: number;
  /** Restarts from the best point; the search ends early when a restart no longer improves. */
  readonly restarts?: number;
}

export interface MinimizeResult {
  readonly point: number[];
  readonly value: number;
  readonly evaluations: number;
  readonly converged: boolean;
}

export function minimizeNelderMead(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const { step = 0.5, tolerance = 1e-10, maxEvaluations = 20_000, restarts = 2 } = options;
  let evaluations = 0;
  // Non-finite values (a parameter overflowed) count as +∞ so the simplex moves away from them.
  const value = (x: readonly number[]) => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Number.POSITIVE_INFINITY;
  };
  let best = { point: [...start], value: value(start) };
  let converged = false;
  for (let round = 0; round <= restarts; round++) {
    const run = simplexSearch(value, best.point, step, tolerance, () => evaluations < maxEvaluations);
    const improved = best.value - run.value;
    if (run.value <= best.value) best = run;
    converged = run.converged;
    if (!run.converged || (round > 0 && improved <= tolerance * (1 + Math.abs(best.value)))) break;
  }
  return { point: best.point, value: best.value, evaluations, converged };
}

function simplexSearch(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  step: number,
  tolerance: number,
  budgetLeft: () => boolean,
): { point: number[]; value: number; converged: boolean } {
  const n = start.length;
  const points: number[][] = [[...start]];
  for (let i = 0; i < n; i++) {
    const p = [...start];
    p[i] = (p[i] as number) + (p[i] === 0 ? step : step * Math.max(1, Math.abs(p[i] as number)));
    points.push(p);
  }
  const values = points.map(f);
  const order = points.map((_, i) => i);
  const centroid = new Array<number>(n);
  const along = (t: number, worst: number[]) => centroid.map((c, j) => c + t * ((worst[j] as number) - c));

  while (budgetLeft()) {
    order.sort((i, j) => (values[i] as number) - (values[j] as number));
    const bestI = order[0] as number;
    const worstI = order[n] as number;
    const secondWorst = values[order[n - 1] as number] as number;
    const spread = Math.abs((values[worstI] as number) - (values[bestI] as number));
    if (spread <= tolerance * (1 + Math.abs(values[bestI] as number))) {
      return { point: points[bestI] as number[], value: values[bestI] as number, converged: true };
    }
    centroid.fill(0);
    for (const i of order.slice(0, n))
      for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + ((points[i] as number[])[j] as number);
    for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) / n;
    const worst = points[worstI] as number[];
    const reflected = along(-1, worst);
    const fr = f(reflected);
    if (fr < (values[bestI] as number)) {
      const expanded = along(-2, worst);
      const fe = f(expanded);
      [points[worstI], values[worstI]] = fe < fr ? [expanded, fe] : [reflected, fr];
    } else if (fr < secondWorst) {
      [points[worstI], values[worstI]] = [reflected, fr];
    } else {
      const outside = fr < (values[worstI] as number);
      const contracted = along(outside ? -0.5 : 0.5, worst);
      const fc = f(contracted);
      if (fc < (outside ? fr : (values[worstI] as number))) {
        [points[worstI], values[worstI]] = [contracted, fc];
      } else {
        // Shrink every point towards the best one.
        const b = points[bestI] as number[];
        for (const i of order.slice(1)) {
          points[i] = b.map((bj, j) => bj + 0.5 * (((points[i] as number[])[j] as number) - bj));
          values[i] = f(points[i] as number[]);
        }
      }
    }
  }
  order.sort((i, j) => (values[i] as number) - (values[j] as number));
  const b = order[0] as number;
  return { point: points[b] as number[], value: values[b] as number, converged: false };
}
