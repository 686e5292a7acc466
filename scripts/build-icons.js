// Draws the add-in's icons (assets/icon-16/32/64/80.png): a white tick over a score bar on a
// green rounded square. Generated rather than drawn by hand so every size is the same picture and
// no image library is needed: PNG is zlib-deflated scanlines behind a few CRC-checked chunks.
// Run `npm run icons` after changing the drawing; a test checks the committed files still match.
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80];
// Close to Excel's own green, so the group reads as belonging to the spreadsheet.
const BACKGROUND = [0x1e, 0x7a, 0x46];
const FOREGROUND = [0xff, 0xff, 0xff];
// Supersampling per axis: enough for smooth edges at 16 px without a real rasteriser.
const SAMPLES = 4;

/** Distance from point (x, y) to the segment a–b, in the unit square's coordinates. */
function distanceToSegment(x, y, a, b) {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const t = Math.max(0, Math.min(1, ((x - a[0]) * dx + (y - a[1]) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (a[0] + t * dx), y - (a[1] + t * dy));
}

function insideRoundedSquare(x, y, margin, radius) {
  const low = margin + radius;
  const high = 1 - margin - radius;
  const cx = Math.min(Math.max(x, low), high);
  const cy = Math.min(Math.max(y, low), high);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** Which layer covers a point of the unit square: 0 transparent, 1 background, 2 glyph. */
function layerAt(x, y, size) {
  // Small icons get a thicker stroke and less margin, or the tick dissolves into the green.
  const margin = size <= 16 ? 0.03 : 0.06;
  if (!insideRoundedSquare(x, y, margin, 0.18)) return 0;
  const stroke = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const tick =
    distanceToSegment(x, y, [0.25, 0.46], [0.43, 0.63]) <= stroke ||
    distanceToSegment(x, y, [0.43, 0.63], [0.76, 0.27]) <= stroke;
  const bar = y >= 0.73 && y <= 0.73 + stroke * 1.6 && x >= 0.25 && x <= 0.76;
  return tick || bar ? 2 : 1;
}

/** RGBA pixels of the icon at a size, row by row. */
function drawIcon(size) {
  const pixels = Buffer.alloc(size * size * 4);
  for (let row = 0; row < size; row++) {
    for (let column = 0; column < size; column++) {
      const counts = [0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (column + (sx + 0.5) / SAMPLES) / size;
          const y = (row + (sy + 0.5) / SAMPLES) / size;
          counts[layerAt(x, y, size)]++;
        }
      }
      const covered = counts[1] + counts[2];
      const offset = (row * size + column) * 4;
      for (let channel = 0; channel < 3; channel++) {
        const sum = counts[1] * BACKGROUND[channel] + counts[2] * FOREGROUND[channel];
        pixels[offset + channel] = covered === 0 ? 0 : Math.round(sum / covered);
      }
      pixels[offset + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
  return pixels;
}

// zlib.crc32 arrived in Node 20.15; engines allows any Node 20.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

/** The icon at a size as PNG bytes (8-bit RGBA, no interlace), the same bytes on every run. */
function renderIcon(size) {
  const pixels = drawIcon(size);
  const scanlines = Buffer.alloc(size * (size * 4 + 1));
  for (let row = 0; row < size; row++) {
    // Filter type 0 (none) in the first byte of each scanline.
    pixels.copy(scanlines, row * (size * 4 + 1) + 1, row * size * 4, (row + 1) * size * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(scanlines, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function iconPath(size) {
  return path.join(__dirname, "..", "assets", "icon-" + size + ".png");
}

module.exports = { SIZES, renderIcon, iconPath };

if (require.main === module) {
  for (const size of SIZES) {
    fs.writeFileSync(iconPath(size), renderIcon(size));
    console.log("wrote " + path.relative(process.cwd(), iconPath(size)));
  }
}
