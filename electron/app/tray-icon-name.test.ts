// The tray icon picker names a real file for every environment, state and platform, and the
// files are what the shell needs: @2x twins, black-only templates on macOS, a red prd icon
// everywhere, 16 + 32 px in each .ico, and nothing drifted from scripts/make-icons.mjs.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trayIconName, type TrayIconEnv, type TrayIconState } from './tray-icon-name.js';

const assets = (name: string): string => fileURLToPath(new URL(`../../assets/${name}`, import.meta.url));
const ENVS: TrayIconEnv[] = ['tes', 'stg', 'prd', null];
const STATES: TrayIconState[] = ['ok', 'renewing', 'needs-mfa', 'failed'];
const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux', 'freebsd'];
const ALL = PLATFORMS.flatMap((platform) => ENVS.flatMap((env) => STATES.map((state) => ({ env, state, platform }))));

interface Png {
  width: number;
  height: number;
  /** RGBA, row after row. */
  pixels: Buffer;
}

/** Decodes the PNGs make-icons writes: 8-bit RGBA, unfiltered rows (anything else throws). */
function readPng(bytes: Buffer): Png {
  expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  expect([bytes[24], bytes[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < bytes.length; at += 12 + bytes.readUInt32BE(at)) {
    if (bytes.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + bytes.readUInt32BE(at)));
  }
  const raw = inflateSync(Buffer.concat(idat));
  const rows = Array.from({ length: height }, (_, y) => {
    const row = raw.subarray(y * (width * 4 + 1), (y + 1) * (width * 4 + 1));
    expect(row[0]).toBe(0);
    return row.subarray(1);
  });
  return { width, height, pixels: Buffer.concat(rows) };
}

/** Mean colour of the clearly opaque pixels. */
function meanOpaqueColour({ pixels }: Png): [number, number, number] {
  const sum = [0, 0, 0];
  let count = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if ((pixels[i + 3] ?? 0) < 200) continue;
    for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (pixels[i + c] ?? 0);
    count++;
  }
  expect(count).toBeGreaterThan(0);
  return [(sum[0] ?? 0) / count, (sum[1] ?? 0) / count, (sum[2] ?? 0) / count];
}

/** The [width, height] of each image in an .ico, from its directory. */
function icoSizes(bytes: Buffer): number[][] {
  expect(bytes.readUInt16LE(2)).toBe(1);
  return Array.from({ length: bytes.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + 16 * i;
    const image = bytes.subarray(bytes.readUInt32LE(entry + 12), bytes.readUInt32LE(entry + 12) + bytes.readUInt32LE(entry + 8));
    const png = readPng(image);
    // The directory's size byte must agree with the image (0 stands for 256).
    expect([bytes[entry] || 256, bytes[entry + 1] || 256]).toEqual([png.width, png.height]);
    return [png.width, png.height];
  });
}

describe('trayIconName', () => {
  it.each([
    ['tes', 'ok', 'darwin', 'tray-tes-okTemplate.png'],
    ['stg', 'needs-mfa', 'darwin', 'tray-stg-needs-mfaTemplate.png'],
    ['prd', 'renewing', 'darwin', 'tray-prd-renewing.png'],
    [null, 'failed', 'darwin', 'tray-none-failedTemplate.png'],
    ['prd', 'failed', 'win32', 'tray-prd-failed.ico'],
    [null, 'ok', 'win32', 'tray-none-ok.ico'],
    ['tes', 'renewing', 'linux', 'tray-tes-renewing.png'],
    ['prd', 'ok', 'linux', 'tray-prd-ok.png'],
  ] as const)('%s / %s on %s → %s', (env, state, platform, expected) => {
    expect(trayIconName(env, state, platform)).toBe(expected);
  });

  it('gives every environment × state its own icon on each platform', () => {
    for (const platform of PLATFORMS) {
      const names = ENVS.flatMap((env) => STATES.map((state) => trayIconName(env, state, platform)));
      expect(new Set(names).size).toBe(ENVS.length * STATES.length);
    }
  });

  it.each(ALL)('$env / $state on $platform names a file in assets/ with its sizes', ({ env, state, platform }) => {
    const name = trayIconName(env, state, platform);
    expect(name).not.toContain('@2x');
    const bytes = readFileSync(assets(name));
    if (name.endsWith('.ico')) {
      expect(icoSizes(bytes)).toEqual([
        [16, 16],
        [32, 32],
      ]);
      return;
    }
    const twin = name.replace(/\.png$/, '@2x.png');
    expect(existsSync(assets(twin)), twin).toBe(true);
    expect([readPng(bytes).width, readPng(readFileSync(assets(twin))).width]).toEqual([16, 32]);
  });

  it('gives macOS black-and-alpha template images for every environment but prd', () => {
    for (const env of ENVS.filter((e) => e !== 'prd')) {
      for (const state of STATES) {
        const name = trayIconName(env, state, 'darwin');
        // Electron treats an image as a template only when its name ends in "Template".
        expect(name).toMatch(/Template\.png$/);
        for (const file of [name, name.replace(/\.png$/, '@2x.png')]) {
          const { pixels } = readPng(readFileSync(assets(file)));
          const coloured = pixels.filter((value, i) => i % 4 !== 3 && value !== 0);
          expect(coloured.length, file).toBe(0);
        }
      }
    }
  });

  it('shows prd in red on every platform, macOS included', () => {
    for (const state of STATES) {
      for (const platform of ['darwin', 'linux'] as const) {
        const name = trayIconName('prd', state, platform);
        for (const file of [name, name.replace(/\.png$/, '@2x.png')]) {
          const [r, g, b] = meanOpaqueColour(readPng(readFileSync(assets(file))));
          expect(r, file).toBeGreaterThan(150);
          expect(Math.max(g, b), file).toBeLessThan(r / 2);
        }
      }
    }
  });

  it('has an app icon of 512 px and a Windows app .ico up to 256 px', () => {
    const icon = readPng(readFileSync(assets('icon.png')));
    expect([icon.width, icon.height]).toEqual([512, 512]);
    expect(icoSizes(readFileSync(assets('icon.ico'))).map(([w]) => w)).toEqual([16, 32, 48, 256]);
    expect(icoSizes(readFileSync(assets('tray.ico'))).map(([w]) => w)).toEqual([16, 32]);
  });

  it('matches what scripts/make-icons.mjs draws (the assets are reproducible)', () => {
    const script = fileURLToPath(new URL('../../scripts/make-icons.mjs', import.meta.url));
    const output = execFileSync(process.execPath, [script, '--check'], { encoding: 'utf8' });
    expect(output).toMatch(/^checked \d+ files in assets\//);
  });
});
