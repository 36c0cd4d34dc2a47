/**
 * CSV bytes → text → grid, as Excel and WPS write them: UTF-8 with or without
 * BOM, UTF-16 with BOM ("Unicode text", tab-separated), or GB18030/GBK (the
 * default "CSV" of Chinese Excel). The parsing is csv-text.ts (no Node APIs);
 * this adds iconv-lite for a Node built without full ICU.
 */
import iconv from 'iconv-lite';
import { decodeCsvBytes as decodeWith } from './csv-text.js';

export { parseCsv } from './csv-text.js';

/** UTF-8 (BOM optional), UTF-16LE/BE with BOM, else GB18030 if the bytes are not valid UTF-8. */
export function decodeCsvBytes(bytes: Uint8Array): string {
  return decodeWith(bytes, gb18030);
}

function gb18030(bytes: Uint8Array): string {
  try {
    return new TextDecoder('gb18030').decode(bytes); // Node with full ICU (the default build)
  } catch {
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'gb18030');
  }
}
