/**
 * CSV text → grid, and CSV bytes → text with the decoders every browser and
 * Node have (UTF-8 ± BOM, UTF-16 with BOM, GB18030 via TextDecoder). No Node
 * APIs: the offline page and the add-in import this module (`@ce/files/text`);
 * csv.ts adds iconv-lite for Node builds without full ICU.
 */
import type { Grid } from '@ce/roster';

/**
 * UTF-8 (BOM optional), UTF-16LE/BE with BOM, else GB18030 if the bytes are not valid UTF-8.
 * `gb18030` decodes the last case (default: TextDecoder('gb18030')).
 */
export function decodeCsvBytes(bytes: Uint8Array, gb18030: (b: Uint8Array) => string = (b) => new TextDecoder('gb18030').decode(b)): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return gb18030(bytes);
  }
}

/** The delimiter of the first line: tab for Excel's "Unicode text", semicolon for some locales, else comma. */
function sniffDelimiter(text: string): string {
  let inQuotes = false;
  const counts: Record<string, number> = { ',': 0, '\t': 0, ';': 0 };
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && ch in counts) counts[ch]!++;
  }
  if (counts[',']! > 0) return ',';
  if (counts['\t']! > 0) return '\t';
  if (counts[';']! > 0) return ';';
  return ',';
}

/**
 * RFC 4180: quoted fields, doubled quotes, embedded newlines, CRLF/LF/CR line
 * ends. A leading BOM is dropped. All cells are strings; a trailing newline
 * does not make an extra row.
 */
export function parseCsv(text: string, delimiter?: string): Grid {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const sep = delimiter ?? sniffDelimiter(text);
  const rows: Grid = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let inQuotes = false;
  let fieldStarted = false;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      inQuotes = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === sep) {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (fieldStarted || field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
