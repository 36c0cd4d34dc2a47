/**
 * Test and sample data only: make 18-digit resident ID numbers with a correct
 * ISO 7064 MOD 11-2 check character. (Reading and checking IDs is @ce/roster's
 * job; this is written independently so the two can be checked against each other.)
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function checkChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error(`need 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** region: 6 digits; birth: YYYYMMDD; seq: 0–999 (odd = male, even = female in the last digit). */
export function makeId(region: string, birth: string, seq: number): string {
  const body = `${region}${birth}${String(seq).padStart(3, '0')}`;
  return body + checkChar(body);
}

/** The same ID with a wrong check character. */
export function breakCheck(id: string): string {
  const right = id[17]!;
  const wrong = CHECK.split('').find((c) => c !== right && c !== 'X')!;
  return id.slice(0, 17) + wrong;
}
