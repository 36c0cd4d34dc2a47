/** Hours shown to at most one decimal (RULES.md §7), no trailing ".0". */
export function fmtHours(n: number): string {
  const r = Math.round(n * 10) / 10;
  return Object.is(r, -0) ? '0' : String(r);
}

/** A person's per-year gaps, one line a year that has one: `2024：公需缺 10，专业缺 20`. */
export function yearGapLines(years: readonly { year: number; short: { public: number; professional: number } }[]): string[] {
  const lines: string[] = [];
  for (const y of years) {
    const parts: string[] = [];
    if (y.short.public > 0) parts.push(`公需缺 ${fmtHours(y.short.public)}`);
    if (y.short.professional > 0) parts.push(`专业缺 ${fmtHours(y.short.professional)}`);
    if (parts.length > 0) lines.push(`${y.year}：${parts.join('，')}`);
  }
  return lines;
}

/** Money in 元 with two decimals. */
export function fmtYuan(n: number): string {
  return (Math.round(n * 100) / 100).toFixed(2);
}

/**
 * Mask an ID number for print: first 6 and last 4 characters kept
 * (`152921********1234`). Values too short to keep both ends are masked whole.
 */
export function maskId(id: string): string {
  const s = id.trim();
  if (s.length === 0) return '';
  if (s.length <= 10) return '*'.repeat(s.length);
  return s.slice(0, 6) + '*'.repeat(s.length - 10) + s.slice(-4);
}

/**
 * Mask every ID number inside a line of text (15 digits, or 17 digits and a
 * check digit/X), for warnings printed on a terminal.
 */
export function maskIdsInText(text: string): string {
  return text.replace(/(?<![0-9A-Za-z])(\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g, (id) => maskId(id));
}

/** A place (platform) as one line: `公需：内蒙古专业技术人员继续教育在线学习（nmg.chinahrt.com）`. */
export function placeLine(p: { name: string; url?: string; categoryLabel?: string }): string {
  return `${p.categoryLabel ? `${p.categoryLabel}：` : ''}${p.name}${p.url ? `（${p.url}）` : ''}`;
}

/**
 * Place lists laid out as text, each list once: action items share their
 * lists (one per set of platforms), so a renderer makes one PlaceText per
 * document and asks it for every row. `line` formats a line (e.g. escapes
 * it for HTML), `sep` joins them.
 */
export class PlaceText {
  private readonly byList = new Map<readonly { name: string; url?: string; categoryLabel?: string }[], string>();

  constructor(
    private readonly sep: string,
    private readonly line: (text: string) => string = (text) => text,
  ) {}

  of(where: readonly { name: string; url?: string; categoryLabel?: string }[]): string {
    let text = this.byList.get(where);
    if (text === undefined) this.byList.set(where, (text = where.map((p) => this.line(placeLine(p))).join(this.sep)));
    return text;
  }
}
