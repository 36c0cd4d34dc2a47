/**
 * Test data only: the ISO 7064 MOD 11-2 check character of an 18-digit ID
 * number, for generators that need valid IDs (bad-input corpus, benchmarks).
 * Written apart from @ce/roster's reader on purpose, so each checks the other.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}
