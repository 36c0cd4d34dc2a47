/**
 * A minimal .xlsx (zip) reader for the tests: entries by name, inflated with node:zlib.
 * Used to compare the cell styles of the original and the downloaded workbook straight
 * from their XML, independent of both ExcelJS (the writer) and SheetJS.
 */
import { inflateRawSync } from 'node:zlib';

export function unzip(b: Uint8Array): Map<string, string> {
  const u16 = (o: number): number => b[o]! | (b[o + 1]! << 8);
  const u32 = (o: number): number => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;
  let eocd = b.length - 22;
  while (eocd >= 0 && u32(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip');
  const out = new Map<string, string>();
  let p = u32(eocd + 16);
  for (let n = u16(eocd + 10); n > 0; n--) {
    const method = u16(p + 10);
    const csize = u32(p + 20);
    const nameLen = u16(p + 28);
    const name = new TextDecoder().decode(b.subarray(p + 46, p + 46 + nameLen));
    const local = u32(p + 42);
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    const data = b.subarray(start, start + csize);
    out.set(name, new TextDecoder().decode(method === 8 ? inflateRawSync(data) : data));
    p += 46 + nameLen + u16(p + 30) + u16(p + 32);
  }
  return out;
}

/** XML fragment → canonical text: attributes sorted, children sorted (order does not change a style). */
export function canonicalXml(xml: string): string {
  interface Node {
    tag: string;
    attrs: string;
    kids: Node[];
  }
  const root: Node = { tag: '#', attrs: '', kids: [] };
  const stack = [root];
  for (const m of xml.matchAll(/<(\/?)([\w:]+)((?:\s+[\w:]+="[^"]*")*)\s*(\/?)>/g)) {
    const [, close, tag, attrs, self] = m;
    if (close) {
      stack.pop();
      continue;
    }
    const sorted = [...attrs!.matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => `${a[1]}=${a[2]}`).sort().join(' ');
    const node: Node = { tag: tag!, attrs: sorted, kids: [] };
    stack[stack.length - 1]!.kids.push(node);
    if (!self) stack.push(node);
  }
  const show = (n: Node): string => `${n.tag}(${n.attrs})[${n.kids.map(show).sort().join(',')}]`;
  return root.kids.map(show).join('');
}

const elements = (xml: string, parent: string, child: string): string[] => {
  const block = new RegExp(`<${parent}[^>]*>([\\s\\S]*?)</${parent}>`).exec(xml)?.[1] ?? '';
  return [...block.matchAll(new RegExp(`<${child}\\b[^>]*?(?:/>|>[\\s\\S]*?</${child}>)`, 'g'))].map((m) => m[0]);
};

/** Each cell's resolved style (font, fill, border, number format, alignment, protection) per sheet name. */
export function cellStyles(files: Map<string, string>): Map<string, Map<string, string>> {
  const styles = files.get('xl/styles.xml') ?? '';
  const fonts = elements(styles, 'fonts', 'font').map(canonicalXml);
  const fills = elements(styles, 'fills', 'fill').map(canonicalXml);
  const borders = elements(styles, 'borders', 'border').map(canonicalXml);
  const numFmts = new Map(elements(styles, 'numFmts', 'numFmt').map((x) => [/numFmtId="(\d+)"/.exec(x)![1]!, /formatCode="([^"]*)"/.exec(x)![1]!]));
  const xfs = elements(styles, 'cellXfs', 'xf').map((x) => {
    const a = (k: string): string => new RegExp(`\\b${k}="(\\d+)"`).exec(x)?.[1] ?? '0';
    const inner = canonicalXml(x.replace(/^<xf[^>]*?\/?>/, '').replace(/<\/xf>$/, ''));
    const fmt = a('numFmtId');
    return [fonts[Number(a('fontId'))], fills[Number(a('fillId'))], borders[Number(a('borderId'))], numFmts.get(fmt) ?? `builtin:${fmt}`, inner].join(' | ');
  });
  const book = files.get('xl/workbook.xml') ?? '';
  const rels = files.get('xl/_rels/workbook.xml.rels') ?? '';
  const out = new Map<string, Map<string, string>>();
  for (const s of book.matchAll(/<sheet\b[^>]*?name="([^"]*)"[^>]*?r:id="([^"]*)"/g)) {
    const target = new RegExp(`Id="${s[2]}"[^>]*?Target="([^"]*)"|Target="([^"]*)"[^>]*?Id="${s[2]}"`).exec(rels);
    const path = `xl/${(target?.[1] ?? target?.[2] ?? '').replace(/^\/?xl\//, '')}`;
    const xml = files.get(path) ?? '';
    const cells = new Map<string, string>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>)/g)) {
      const r = /\br="([A-Z]+\d+)"/.exec(c[1]!)?.[1];
      const st = /\bs="(\d+)"/.exec(c[1]!)?.[1] ?? '0';
      if (r) cells.set(r, xfs[Number(st)] ?? `missing xf ${st}`);
    }
    out.set(s[1]!.replace(/&amp;/g, '&'), cells);
  }
  return out;
}
