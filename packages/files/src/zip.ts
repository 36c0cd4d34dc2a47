/**
 * One pass over a zip (.xlsx / .ods): read the central directory, inflate
 * every entry once and check its CRC-32. The inflated entries are both the
 * integrity check (SheetJS can loop forever on a truncated or damaged zip, so
 * a broken one must be refused before SheetJS sees it) and the input of the
 * lean .xlsx reader, so an .xlsx is decompressed exactly once.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export type ZipResult =
  /** every entry inflated and its CRC-32 matched */
  | { kind: 'ok'; entries: Map<string, Uint8Array> }
  /** truncated, a broken directory, or an entry whose bytes do not match its CRC */
  | { kind: 'damaged' }
  /** zip64 or a compression method other than stored/deflate: leave it to SheetJS */
  | { kind: 'unsupported' };

const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16)) + b[o + 3]! * 0x1000000;

/** Offset of the End Of Central Directory record (in the last 22 + 65 535 bytes), or -1. */
function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return i;
  }
  return -1;
}

/** Inflate every entry of a zip once, checking each entry's size and CRC-32. */
export function unzipChecked(b: Uint8Array): ZipResult {
  try {
    const eocd = findEocd(b);
    if (eocd < 0) return { kind: 'damaged' };
    const count = u16(b, eocd + 10);
    const size = u32(b, eocd + 12);
    let p = u32(b, eocd + 16);
    if (count === 0xffff || size === 0xffffffff || p === 0xffffffff) return { kind: 'unsupported' };
    if (p + size > eocd) return { kind: 'damaged' };
    const entries = new Map<string, Uint8Array>();
    const dec = new TextDecoder();
    let unsupported = false;
    for (let n = 0; n < count; n++) {
      if (p + 46 > eocd || u32(b, p) !== 0x02014b50) return { kind: 'damaged' };
      const method = u16(b, p + 10);
      const crc = u32(b, p + 16);
      const csize = u32(b, p + 20);
      const usize = u32(b, p + 24);
      const nameLen = u16(b, p + 28);
      const local = u32(b, p + 42);
      const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
      p += 46 + nameLen + u16(b, p + 30) + u16(b, p + 32);
      if (local + 30 > b.length || u32(b, local) !== 0x04034b50) return { kind: 'damaged' };
      const start = local + 30 + u16(b, local + 26) + u16(b, local + 28);
      if (start + csize > b.length) return { kind: 'damaged' };
      const data = b.subarray(start, start + csize);
      let out: Uint8Array;
      if (method === 0) out = data;
      else if (method === 8) out = inflateRawSync(data, { maxOutputLength: Math.max(usize, 1) });
      else {
        unsupported = true; // keep checking the rest: a damaged entry still means damaged
        continue;
      }
      if (out.length !== usize || (crc32(out) >>> 0) !== crc) return { kind: 'damaged' };
      entries.set(name, out);
    }
    return unsupported ? { kind: 'unsupported' } : { kind: 'ok', entries };
  } catch {
    return { kind: 'damaged' };
  }
}
