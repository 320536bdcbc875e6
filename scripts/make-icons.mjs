// Draws every icon in assets/ from code, so they can be regenerated, reviewed as code and
// checked for drift: `npm run icons` writes them, `node scripts/make-icons.mjs --check`
// fails when a committed file no longer matches what this script draws.
// No dependencies: shapes are coverage functions sampled on a grid (anti-aliasing by
// supersampling), written by a small PNG encoder (zlib + CRC-32) and wrapped in .ico files.
//
// Design (see assets/README.md for the file list):
//   tray badge   tes: green circle "T"; stg: amber circle "S"; prd: red OCTAGON "P" (a stop
//                sign: prd must be unmistakable even to red–green colour-blind users, so it
//                differs in shape as well as colour); none (no live role): grey ring, no letter.
//   state mark   bottom-right disc, cut out from the badge by a transparent gap:
//                ok: none; renewing: blue disc with a circular arrow; needs-mfa: purple disc
//                with "!"; failed: near-black disc with "×".
//   app icon     a dark rounded square with a three-colour gauge (tes/stg/prd) and a clock hand.

import { deflateSync, inflateSync } from 'node:zlib';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ASSETS = fileURLToPath(new URL('../assets/', import.meta.url));
const ENVS = ['tes', 'stg', 'prd', 'none'];
const STATES = ['ok', 'renewing', 'needs-mfa', 'failed'];

// ---------------------------------------------------------------- colours (RGBA 0..255)
const rgb = (hex, alpha = 255) => [
  Number.parseInt(hex.slice(1, 3), 16),
  Number.parseInt(hex.slice(3, 5), 16),
  Number.parseInt(hex.slice(5, 7), 16),
  alpha,
];
const BLACK = rgb('#000000');
const WHITE = rgb('#ffffff');
const INK = rgb('#1b1b1b');
const ENV_STYLE = {
  tes: { fill: rgb('#2e7d32'), letter: 'T', ink: WHITE },
  // Amber is light: a dark letter keeps the contrast a white one would lose.
  stg: { fill: rgb('#f9a825'), letter: 'S', ink: INK },
  prd: { fill: rgb('#e00000'), letter: 'P', ink: WHITE },
  none: { fill: rgb('#8c8c8c'), letter: null, ink: WHITE },
};
const MARK_STYLE = {
  renewing: { fill: rgb('#1565c0'), ink: WHITE },
  'needs-mfa': { fill: rgb('#7b1fa2'), ink: WHITE },
  failed: { fill: rgb('#1b1b1b'), ink: WHITE },
};

// ---------------------------------------------------------------- shapes: (x, y) => inside?
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (cx, cy, r, width) => {
  const outer = r + width / 2;
  const inner = r - width / 2;
  return (x, y) => {
    const d = (x - cx) ** 2 + (y - cy) ** 2;
    return d <= outer * outer && d >= inner * inner;
  };
};
/** A regular octagon with flat top and bottom, `r` from centre to each flat side. */
const octagon = (cx, cy, r) => (x, y) => {
  const dx = Math.abs(x - cx);
  const dy = Math.abs(y - cy);
  return dx <= r && dy <= r && dx + dy <= r * Math.SQRT2;
};
const roundedSquare = (x0, y0, size, radius) => (x, y) => {
  const qx = Math.max(Math.abs(x - (x0 + size / 2)) - (size / 2 - radius), 0);
  const qy = Math.max(Math.abs(y - (y0 + size / 2)) - (size / 2 - radius), 0);
  return qx * qx + qy * qy <= radius * radius;
};
/** Distance from a point to a segment. */
function segmentDistance(x, y, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy || 1)));
  return Math.hypot(x - (ax + t * vx), y - (ay + t * vy));
}
/** Strokes with round caps and joins along polylines. */
function strokes(polylines, width) {
  // A bounding box first: most samples of a 512 px icon are far from any stroke.
  const points = polylines.flat();
  const [minX, maxX] = [Math.min(...points.map((p) => p[0])) - width, Math.max(...points.map((p) => p[0])) + width];
  const [minY, maxY] = [Math.min(...points.map((p) => p[1])) - width, Math.max(...points.map((p) => p[1])) + width];
  return (x, y) =>
    x >= minX &&
    x <= maxX &&
    y >= minY &&
    y <= maxY &&
    polylines.some((line) => line.some((point, i) => i > 0 && segmentDistance(x, y, line[i - 1], point) <= width / 2));
}
const union = (...shapes) => (x, y) => shapes.some((shape) => shape(x, y));
/** Points along an ellipse arc, angles in degrees, y pointing down. */
function arc(cx, cy, rx, ry, fromDeg, toDeg, steps = 24) {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const angle = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180;
    return [cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)];
  });
}
const triangle = (a, b, c) => (x, y) => {
  const side = (p, q) => (q[0] - p[0]) * (y - p[1]) - (q[1] - p[1]) * (x - p[0]);
  const s1 = side(a, b);
  const s2 = side(b, c);
  const s3 = side(c, a);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
};

/** Letter strokes in a box (x, y, width, height), as polylines. */
function letter(char, x, y, w, h) {
  const at = (u, v) => [x + u * w, y + v * h];
  switch (char) {
    case 'T':
      return [[at(0, 0), at(1, 0)], [at(0.5, 0), at(0.5, 1)]];
    case 'P': {
      const bowl = arc(x + w * 0.5, y + h * 0.27, w * 0.5, h * 0.27, -90, 90, 16);
      return [[at(0, 1), at(0, 0), [x + w * 0.5, y], ...bowl, [x + w * 0.5, y + h * 0.54], at(0, 0.54)]];
    }
    case 'S': {
      const upper = arc(x + w / 2, y + h / 4, w / 2, h / 4, -25, -270, 24);
      const lower = arc(x + w / 2, y + (h * 3) / 4, w / 2, h / 4, -90, 155, 24);
      return [[...upper, ...lower]];
    }
    default:
      throw new Error(`no glyph for ${char}`);
  }
}

// ---------------------------------------------------------------- raster
/**
 * Renders layers into RGBA pixels. A layer paints `color` where `shape` covers, or with
 * `erase` clears what is below (the gap around a state mark, the letter of a template).
 */
function render(size, layers, samples = 4) {
  const pixels = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied colour, composited layer by layer.
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            if (layer.shape(px + (sx + 0.5) / samples, py + (sy + 0.5) / samples)) hits++;
          }
        }
        if (hits === 0) continue;
        const coverage = hits / n;
        if (layer.erase) {
          [r, g, b, a] = [r, g, b, a].map((c) => c * (1 - coverage));
        } else {
          const alpha = (layer.color[3] / 255) * coverage;
          r = layer.color[0] * alpha + r * (1 - alpha);
          g = layer.color[1] * alpha + g * (1 - alpha);
          b = layer.color[2] * alpha + b * (1 - alpha);
          a = alpha * 255 + a * (1 - alpha);
        }
      }
      const i = (py * size + px) * 4;
      const unpremultiply = a > 0 ? 255 / a : 0;
      pixels[i] = Math.round(r * unpremultiply);
      pixels[i + 1] = Math.round(g * unpremultiply);
      pixels[i + 2] = Math.round(b * unpremultiply);
      pixels[i + 3] = Math.round(a);
    }
  }
  return pixels;
}

// ---------------------------------------------------------------- tray design
/**
 * The layers of one tray icon at `size` px (16 or 32). `template` draws black + alpha only,
 * for macOS to tint: the letter and the mark's symbol are cut out instead of painted white.
 */
function trayLayers(env, state, size, template) {
  const k = size / 16;
  const style = ENV_STYLE[env];
  const fill = template ? BLACK : style.fill;
  const c = size / 2;
  const layers = [];
  if (env === 'none') {
    layers.push({ shape: ring(c, c, 6.25 * k, 1.6 * k), color: fill });
  } else {
    layers.push({ shape: env === 'prd' ? octagon(c, c, 7.75 * k) : circle(c, c, 7.75 * k), color: fill });
    // Strokes thicker than a pixel at 1x so the letter survives 16 px.
    const glyph = strokes(letter(style.letter, c - 2.6 * k, c - 3.9 * k, 5.2 * k, 7.8 * k), 1.9 * k);
    layers.push(template ? { shape: glyph, erase: true } : { shape: glyph, color: style.ink });
  }
  if (state !== 'ok') {
    const mark = MARK_STYLE[state];
    const r = 3.5 * k;
    const mx = size - r - 0.25 * k;
    const my = size - r - 0.25 * k;
    layers.push({ shape: circle(mx, my, r + 1 * k), erase: true });
    layers.push({ shape: circle(mx, my, r), color: template ? BLACK : mark.fill });
    const symbol = markSymbol(state, mx, my, r, k);
    layers.push(template ? { shape: symbol, erase: true } : { shape: symbol, color: mark.ink });
  }
  return layers;
}

/** The symbol inside a state mark centred on (x, y) with radius r. */
function markSymbol(state, x, y, r, k) {
  const w = Math.max(0.9, 1.1 * k);
  switch (state) {
    case 'failed': {
      const d = r * 0.45;
      return strokes([[[x - d, y - d], [x + d, y + d]], [[x - d, y + d], [x + d, y - d]]], w);
    }
    case 'needs-mfa':
      return union(strokes([[[x, y - r * 0.55], [x, y + r * 0.05]]], w), circle(x, y + r * 0.5, w * 0.6));
    case 'renewing': {
      // A circular arrow: an open arc and a head at its end; at 16 px it reads as a ring.
      const rr = r * 0.5;
      const head = [x + rr, y - rr * 0.1];
      return union(
        strokes([arc(x, y, rr, rr, 20, 300, 16)], w * 0.9),
        triangle([head[0] - 1.1 * k, head[1] - 0.2 * k], [head[0] + 1.1 * k, head[1] - 0.2 * k], [head[0], head[1] + 1.2 * k]),
      );
    }
    default:
      throw new Error(`no mark for ${state}`);
  }
}

// ---------------------------------------------------------------- app icon design
function appLayers(size) {
  const k = size / 512;
  const c = size / 2;
  const gaugeR = 150 * k;
  const gaugeW = 46 * k;
  // Three arcs of a gauge, one per environment, left to right: tes, stg, prd.
  const segment = (from, to) => strokes([arc(c, c + 20 * k, gaugeR, gaugeR, from, to, 32)], gaugeW);
  return [
    { shape: roundedSquare(16 * k, 16 * k, 480 * k, 96 * k), color: rgb('#1f2a44') },
    { shape: segment(150, 208), color: ENV_STYLE.tes.fill },
    { shape: segment(240, 300), color: ENV_STYLE.stg.fill },
    { shape: segment(332, 390), color: ENV_STYLE.prd.fill },
    { shape: strokes([[[c, c + 20 * k], [c + 56 * k, c - 64 * k]]], 26 * k), color: WHITE },
    { shape: circle(c, c + 20 * k, 30 * k), color: WHITE },
  ];
}

// ---------------------------------------------------------------- PNG and ICO encoding
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let bit = 0; bit < 8; bit++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** An 8-bit RGBA, non-interlaced PNG; every row with filter 0 (none). */
function encodePng(size, pixels) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // bit depth 8, colour type 6 (RGBA), deflate, filter 0, no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) raw.set(pixels.subarray(y * size * 4, (y + 1) * size * 4), y * (size * 4 + 1) + 1);
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Pixels of a PNG written by encodePng (filter 0 rows only), for --check. */
function decodeOwnPng(png) {
  if (!png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  const size = png.readUInt32BE(16);
  const idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    if (raw[y * (size * 4 + 1)] !== 0) throw new Error('row filter other than 0: not written by make-icons');
    pixels.set(raw.subarray(y * (size * 4 + 1) + 1, (y + 1) * (size * 4 + 1)), y * size * 4);
  }
  return { size, pixels };
}

/** An .ico holding PNG images (Windows Vista and later read PNG entries). */
function encodeIco(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

// ---------------------------------------------------------------- the file list
/** Every asset: file name → { size, pixels } for a PNG, or a list of them for an .ico. */
function iconSet() {
  const files = new Map();
  const tray = (env, state, size, template) => render(size, trayLayers(env, state, size, template));
  for (const env of ENVS) {
    for (const state of STATES) {
      const base = `tray-${env}-${state}`;
      const small = { size: 16, pixels: tray(env, state, 16, false) };
      const large = { size: 32, pixels: tray(env, state, 32, false) };
      files.set(`${base}.png`, small);
      files.set(`${base}@2x.png`, large);
      files.set(`${base}.ico`, [small, large]);
      // macOS tints template images to the menu bar; that would erase prd's red, so prd has
      // no template and stays coloured on macOS too.
      if (env !== 'prd') {
        files.set(`${base}Template.png`, { size: 16, pixels: tray(env, state, 16, true) });
        files.set(`${base}Template@2x.png`, { size: 32, pixels: tray(env, state, 32, true) });
      }
    }
  }
  // The neutral icon under generic names, for whatever needs "the tray icon" before state exists.
  files.set('tray.png', files.get('tray-none-ok.png'));
  files.set('tray@2x.png', files.get('tray-none-ok@2x.png'));
  files.set('tray.ico', files.get('tray-none-ok.ico'));
  const app = (size) => ({ size, pixels: render(size, appLayers(size), size >= 256 ? 2 : 4) });
  const app512 = app(512);
  files.set('icon.png', app512);
  files.set('icon.ico', [app(16), app(32), app(48), app(256)]);
  return files;
}

function encode(image) {
  return Array.isArray(image)
    ? encodeIco(image.map(({ size, pixels }) => ({ size, png: encodePng(size, pixels) })))
    : encodePng(image.size, image.pixels);
}

/** The PNG images inside an .ico written by encodeIco. */
function icoImages(ico) {
  const count = ico.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const length = ico.readUInt32LE(6 + 16 * i + 8);
    const offset = ico.readUInt32LE(6 + 16 * i + 12);
    return decodeOwnPng(ico.subarray(offset, offset + length));
  });
}

/** Compares pixels, not bytes: another zlib may compress the same pixels differently. */
function samePixels(file, image) {
  const committed = Array.isArray(image) ? icoImages(file) : [decodeOwnPng(file)];
  const drawn = Array.isArray(image) ? image : [image];
  return (
    committed.length === drawn.length &&
    committed.every((c, i) => c.size === drawn[i].size && Buffer.from(c.pixels).equals(Buffer.from(drawn[i].pixels)))
  );
}

function main() {
  const check = process.argv.includes('--check');
  const stale = [];
  const files = iconSet();
  if (!check) mkdirSync(ASSETS, { recursive: true });
  for (const [name, image] of files) {
    const path = join(ASSETS, name);
    if (check) {
      if (!existsSync(path) || !samePixels(readFileSync(path), image)) stale.push(name);
    } else {
      writeFileSync(path, encode(image));
    }
  }
  if (check && stale.length > 0) {
    console.error(`assets out of date (run npm run icons): ${stale.join(', ')}`);
    process.exitCode = 1;
  } else {
    console.log(`${check ? 'checked' : 'wrote'} ${files.size} files in assets/`);
  }
}

main();
