/**
 * The run count of a property test: `n`, scaled by the one setting `LICHHOP_PROPERTY_RUNS` (a
 * factor, default 1; CI runs the full count, `LICHHOP_PROPERTY_RUNS=0.1` gives a quick local run).
 */
export function runs(n: number): number {
  const factor = Number(process.env.LICHHOP_PROPERTY_RUNS ?? 1);
  if (!(factor > 0)) throw new Error(`LICHHOP_PROPERTY_RUNS=${process.env.LICHHOP_PROPERTY_RUNS}: expected a positive factor`);
  return Math.max(1, Math.round(n * factor));
}
