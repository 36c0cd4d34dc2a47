/** Draws the add-in icon (Fluent blue tile with a white check mark) as PNGs. Run once: tsx scripts/make-icons.ts */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('../assets/', import.meta.url));
mkdirSync(dir, { recursive: true });

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size: number, pixel: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
function distToSegment(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
for (const size of [16, 32, 64, 80, 128]) {
  const s = 4; // supersampling
  const buf = png(size, (x, y) => {
    let inside = 0;
    let white = 0;
    for (let i = 0; i < s; i++)
      for (let j = 0; j < s; j++) {
        const u = (x + (i + 0.5) / s) / size;
        const v = (y + (j + 0.5) / s) / size;
        const r = 0.18;
        const cx = Math.min(Math.max(u, r), 1 - r);
        const cy = Math.min(Math.max(v, r), 1 - r);
        if (Math.hypot(u - cx, v - cy) <= r) {
          inside++;
          const d = Math.min(distToSegment(u, v, 0.24, 0.52, 0.43, 0.7), distToSegment(u, v, 0.43, 0.7, 0.78, 0.32));
          if (d < 0.075) white++;
        }
      }
    const a = inside / (s * s);
    const w = inside ? white / inside : 0;
    const mix = (c: number): number => Math.round(c * (1 - w) + 255 * w);
    return [mix(0x0f), mix(0x6c), mix(0xbd), Math.round(a * 255)];
  });
  writeFileSync(`${dir}icon-${size}.png`, buf);
}
console.log('icons written to', dir);
