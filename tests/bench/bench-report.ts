// How a browser benchmark talks to scripts/bench.mjs: one `BENCH {json}` console line per figure
// (printed there with its baseline and the ratio), then `BENCH_DONE`.

export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** Measured in the same run, so the ratio compares like with like. */
  baseline?: { name: string; value: number };
  note?: string;
}

export function report(figure: Figure): void {
  console.log(`BENCH ${JSON.stringify(figure)}`);
}

export function done(): void {
  console.log('BENCH_DONE');
}
