// Which Electron APIs and events are limited to some platforms, read from the @platform tags
// of Electron's own type docs (node_modules/electron/electron.d.ts), and where the shell
// (electron/main) uses one without a platform guard or a documented reason. Run by
// scripts/electron-platforms.test.ts in npm test.
//
// A use counts as guarded when, within the GUARD_LINES lines before it, a comparison names a
// platform (platform === 'win32', process.platform !== 'linux', …), or a comment says
// `platform-limited: <why it is harmless elsewhere>`.

export const GUARD_LINES = 12;

/**
 * Maps `event:<name>` and `method:<name>` to the platforms every declaration of it is
 * limited to (a name declared anywhere without a tag is not limited).
 * @param {string} dts
 * @returns {Map<string, string[]>}
 */
export function platformLimits(dts) {
  /** @type {Map<string, Set<string> | null>} */
  const seen = new Map();
  const lines = dts.split('\n');
  let platforms = null;
  let inDoc = false;
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed.startsWith('/**')) {
      inDoc = true;
      platforms = null;
    }
    if (inDoc) {
      const tag = /@platform\s+([a-z0-9,]+)/.exec(trimmed);
      if (tag) platforms = tag[1].split(',');
      if (trimmed.endsWith('*/')) inDoc = false;
      continue;
    }
    const event = /^(?:on|once|addListener)\(event: '([a-z-]+)'/.exec(trimmed);
    const method = /^(?:static\s+)?([a-zA-Z]+)\(/.exec(trimmed);
    const key = event ? `event:${event[1]}` : method && !/^(on|once|off|addListener|removeListener|constructor)$/.test(method[1]) ? `method:${method[1]}` : null;
    if (key) {
      const before = seen.get(key);
      if (platforms === null) seen.set(key, null);
      else if (before === undefined) seen.set(key, new Set(platforms));
      else if (before !== null) for (const p of platforms) before.add(p);
    }
    if (trimmed !== '' && !trimmed.startsWith('//')) platforms = trimmed.startsWith('*') ? platforms : null;
  }
  /** @type {Map<string, string[]>} */
  const limits = new Map();
  for (const [key, value] of seen) if (value !== null) limits.set(key, [...value].sort());
  return limits;
}

const GUARD = /platform\s*[!=]==?\s*'(darwin|win32|linux|freebsd|openbsd)'|'(darwin|win32|linux)'\s*[!=]==?\s*[a-zA-Z.]*platform/;
const REASON = /platform-limited:\s*\S/;

/**
 * The unguarded uses of platform-limited names in one source file.
 * @param {string} source
 * @param {Map<string, string[]>} limits
 * @returns {{ line: number, name: string, platforms: string[] }[]}
 */
export function unguardedUses(source, limits) {
  const lines = source.split('\n');
  const found = [];
  lines.forEach((text, index) => {
    if (/^\s*(\/\/|\*)/.test(text)) return;
    const uses = [
      ...[...text.matchAll(/\.(?:on|once)\(\s*'([a-z-]+)'/g)].map((m) => `event:${m[1]}`),
      ...[...text.matchAll(/\.([a-zA-Z]+)\(/g)].map((m) => `method:${m[1]}`),
    ];
    for (const key of uses) {
      const platforms = limits.get(key);
      if (!platforms) continue;
      const context = lines.slice(Math.max(0, index - GUARD_LINES), index + 1).join('\n');
      if (GUARD.test(context) || REASON.test(context)) continue;
      found.push({ line: index + 1, name: key, platforms });
    }
  });
  return found;
}
