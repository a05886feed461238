// One benchmark figure as a readable line, shared by scripts/bench.mjs and the extension benchmarks.
/** `{ name, value, unit, baseline?: { name, value } }` → one readable line. */
export function formatLine({ name, value, unit, baseline, note }) {
  const fmt = (v) => (Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 1 ? v.toFixed(2) : v.toPrecision(3));
  let text = `  ${name}: ${fmt(value)} ${unit}`;
  if (baseline)
    text += `  (baseline ${baseline.name}: ${fmt(baseline.value)} ${unit}; ratio ${fmt(value / baseline.value)}×)`;
  if (note) text += `  ${note}`;
  return text;
}
