// electron-builder.yml as electron-builder 26 itself reads and validates it: every security
// fuse set, each required target and field present, and every file it names existing, so
// a regression in packaging fails here rather than in a release.
// (The packaged build itself cannot run here: electron-builder downloads Electron.)

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import type { Configuration } from 'electron-builder';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const inRoot = (path: string): string => fileURLToPath(new URL(path, `file://${root}`));
const packageJson = JSON.parse(readFileSync(inRoot('package.json'), 'utf8')) as { main: string };

let config: Configuration;
beforeAll(async () => {
  config = await getConfig(root, null, null);
});

/** A target list as written in the yml: a name, a list of names, or target objects. */
function targetNames(target: unknown): string[] {
  const list = Array.isArray(target) ? target : [target];
  return list.map((item) => (typeof item === 'object' && item !== null && 'target' in item ? String(item.target) : String(item)));
}

/** The glob patterns of `files`, which the loader turns into `{ filter: [...] }` sets. */
function filePatterns(files: Configuration['files']): string[] {
  const list = Array.isArray(files) ? files : files == null ? [] : [files];
  return list.flatMap((entry) => {
    if (typeof entry === 'string') return [entry];
    const filter = entry.filter ?? [];
    return Array.isArray(filter) ? filter : [filter];
  });
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('names the app', () => {
    expect(config.appId).toBe('dev.sts-tray.app');
    expect(config.productName).toBe('sts-tray');
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    // Integrity validation needs the asar and its recorded hash.
    expect(config.asar).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true);
  });

  it('packs the bundles package.json points at, the preload, the renderer and the tray icons', () => {
    const patterns = filePatterns(config.files);
    expect(patterns).toEqual(
      expect.arrayContaining(['package.json', 'dist/main/**', 'dist/preload/**', 'dist/renderer/**', 'assets/tray*']),
    );
    expect(patterns).not.toContain('dist/**');
    expect(packageJson.main).toBe('dist/main/index.js');
  });

  it('unpacks keytar’s native module from the asar', () => {
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/build/Release/*.node']);
    // The pattern names where keytar really keeps its addon.
    expect(readdirSync(inRoot('node_modules/keytar/build/Release')).some((name) => name.endsWith('.node'))).toBe(true);
  });

  it('builds a tray-only, hardened macOS dmg', () => {
    const mac = config.mac ?? {};
    expect(targetNames(mac.target)).toEqual(['dmg']);
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.extendInfo).toMatchObject({ LSUIElement: true });
    expect(mac.entitlements).toBe('build/entitlements.mac.plist');
    const entitlements = readFileSync(inRoot(mac.entitlements ?? ''), 'utf8');
    expect(entitlements).toContain('<key>com.apple.security.cs.allow-jit</key>');
    // The broader exceptions stay off (see the comment in the plist).
    expect(entitlements).not.toContain('<key>com.apple.security.cs.allow-unsigned-executable-memory</key>');
    expect(entitlements).not.toContain('<key>com.apple.security.cs.disable-library-validation</key>');
  });

  it('signs and notarises the macOS release; the local package script turns both off', () => {
    expect(config.mac?.notarize).toBe(true);
    const pkg = JSON.parse(readFileSync(inRoot('package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.release).toMatch(/^node scripts\/release\/check-signing\.mjs && /);
    expect(pkg.scripts.package).toContain('-c.mac.identity=null');
    expect(pkg.scripts.package).toContain('-c.mac.notarize=false');
  });

  it('builds a Windows nsis installer', () => {
    expect(targetNames(config.win?.target)).toEqual(['nsis']);
  });

  it('builds only a deb on Linux (an AppImage cannot bring the AppArmor profile Ubuntu 24.04 needs), depending on libsecret and Electron’s own dependencies', () => {
    expect(targetNames(config.linux?.target)).toEqual(['deb']);
    const depends = config.deb?.depends ?? [];
    expect(depends).toContain('libsecret-1-0');
    // A custom `depends` replaces electron-builder's list: without these the app would not start.
    expect(depends).toEqual(expect.arrayContaining(['libgtk-3-0', 'libnss3', 'libnotify4']));
  });

  it('has the metadata electron-builder refuses to build a deb without', () => {
    // FpmTarget: "Please specify project homepage" / "Please specify author 'email'".
    const pkg = JSON.parse(readFileSync(inRoot('package.json'), 'utf8')) as { homepage?: string; author?: { email?: string } | string };
    expect(pkg.homepage, 'package.json "homepage"').toMatch(/^https:\/\//);
    const authorEmail = typeof pkg.author === 'string' ? /<[^>]+@[^>]+>/.test(pkg.author) : Boolean(pkg.author?.email);
    expect(authorEmail || Boolean(config.linux?.maintainer), 'package.json "author" with an email, or linux.maintainer').toBe(true);
  });

  it('has every icon it names, the app icon at 512 px', () => {
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(icon).toBeTruthy();
      expect(existsSync(inRoot(icon ?? '')), String(icon)).toBe(true);
    }
    const png = readFileSync(inRoot('assets/icon.png'));
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 512]);
  });
});
