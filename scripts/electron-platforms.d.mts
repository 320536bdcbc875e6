// Types of electron-platforms.mjs for its TypeScript test.

export const GUARD_LINES: number;
export function platformLimits(dts: string): Map<string, string[]>;
export function unguardedUses(source: string, limits: Map<string, string[]>): { line: number; name: string; platforms: string[] }[];
