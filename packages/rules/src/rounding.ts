/**
 * Display rounding of hours (RULES.md §7, r3.24): at most one decimal, half up
 * (四舍五入) on the exact value. Hours are sums and differences of decimals a
 * clerk typed (29.85, 10.65) and thirds; in binary floats 30 − 29.85 is
 * 0.14999…, which plain Math.round(x × 10) takes down. Twelve significant
 * digits are far more than any roster figure carries and far fewer than the
 * float noise, so cutting there first recovers the decimal the clerk meant.
 */
export function roundHours(x: number): number {
  // whole hours (nearly every figure) need no work; toPrecision is slow on the hot path
  if (Number.isInteger(x)) return x;
  const exact = Number(x.toPrecision(12));
  return Math.round(Number((exact * 10).toPrecision(12))) / 10;
}
