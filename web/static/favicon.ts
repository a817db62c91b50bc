/**
 * The site icon, drawn in code (Workers cannot read files): a tick on the site's blue, as SVG for
 * browsers that take it and as a 32×32 ICO for /favicon.ico.
 */

const BLUE = [0x0b, 0x3a, 0x78] as const;
const SIZE = 32;

export const faviconSvg = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
  + '<rect width="32" height="32" rx="6" fill="#0b3a78"/>'
  + '<path d="M8 17l6 6 10-13" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round" stroke-linejoin="round"/></svg>';

/** Distance from point p to the segment a–b. */
function toSegment(px: number, py: number, [ax, ay]: readonly [number, number], [bx, by]: readonly [number, number]): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Outside the rounded corners (radius 6) of the square. */
function outsideCorner(x: number, y: number): boolean {
  const r = 6;
  const cx = x < r ? r : x > SIZE - r ? SIZE - r : x;
  const cy = y < r ? r : y > SIZE - r ? SIZE - r : y;
  return Math.hypot(x - cx, y - cy) > r;
}

/** BGRA of one pixel, (x, y) from the top left, sampled at its centre. */
function pixel(x: number, y: number): [number, number, number, number] {
  const px = x + 0.5;
  const py = y + 0.5;
  if (outsideCorner(px, py)) return [0, 0, 0, 0];
  const tick = Math.min(toSegment(px, py, [8, 17], [14, 23]), toSegment(px, py, [14, 23], [24, 10]));
  return tick <= 2 ? [255, 255, 255, 255] : [BLUE[2], BLUE[1], BLUE[0], 255];
}

/** ICO: header, one directory entry, then a 32-bit BMP (bottom-up rows) and an empty AND mask. */
function buildIco(): Uint8Array<ArrayBuffer> {
  const pixels = SIZE * SIZE * 4;
  const mask = SIZE * 4; // 32 one-bit pixels a row: 4 bytes, already a multiple of 4
  const image = 40 + pixels + mask;
  const bytes = new Uint8Array(6 + 16 + image);
  const view = new DataView(bytes.buffer);
  view.setUint16(2, 1, true); // type: icon
  view.setUint16(4, 1, true); // one image
  bytes[6] = SIZE;
  bytes[7] = SIZE;
  view.setUint16(10, 1, true); // planes
  view.setUint16(12, 32, true); // bits per pixel
  view.setUint32(14, image, true);
  view.setUint32(18, 22, true); // image offset
  view.setUint32(22, 40, true); // BITMAPINFOHEADER size
  view.setInt32(26, SIZE, true);
  view.setInt32(30, SIZE * 2, true); // colour and mask together
  view.setUint16(34, 1, true);
  view.setUint16(36, 32, true);
  view.setUint32(42, pixels + mask, true);
  let at = 62;
  for (let row = SIZE - 1; row >= 0; row--) {
    for (let x = 0; x < SIZE; x++) {
      bytes.set(pixel(x, row), at);
      at += 4;
    }
  }
  return bytes;
}

export const faviconIco: Uint8Array<ArrayBuffer> = buildIco();
