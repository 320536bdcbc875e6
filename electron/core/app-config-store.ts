// The app's own config (identities, roles, preferences): one JSON file, schema-checked,
// versioned, written atomically. A broken file is reported, never silently reset.

import { StsTrayError } from './errors.js';
import { CONFIG_VERSION, appConfigSchema, emptyConfig, type AppConfig } from './model.js';
import type { FileSnapshot, FileStore } from './ports.js';
import { describeIssues } from './schema-errors.js';

const MAX_CONFLICT_RETRIES = 5;

export class AppConfigStore {
  constructor(
    private readonly files: FileStore,
    readonly path: string,
  ) {}

  async load(): Promise<AppConfig> {
    return (await this.read()).config;
  }

  /**
   * Applies `change` to the current config and saves it; when another process saved in
   * between, re-reads and applies `change` again so neither change is lost.
   */
  async update(change: (config: AppConfig) => AppConfig): Promise<AppConfig> {
    for (let attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt += 1) {
      const { config, snapshot } = await this.read();
      const next = appConfigSchema.safeParse(change(config));
      if (!next.success) throw new StsTrayError('validation', describeIssues(next.error.issues));
      const bytes = new TextEncoder().encode(`${JSON.stringify(next.data, null, 2)}\n`);
      const outcome = await this.files.replace(this.path, bytes, snapshot);
      if (outcome.status === 'written') return next.data;
    }
    throw new StsTrayError('conflict', `${this.path} keeps changing while sts-tray writes it; try again`);
  }

  private async read(): Promise<{ config: AppConfig; snapshot: FileSnapshot }> {
    const snapshot = await this.files.read(this.path);
    if (snapshot.bytes === null) return { config: emptyConfig(), snapshot };
    return { config: parseConfig(this.path, snapshot.bytes), snapshot };
  }
}

export function parseConfig(path: string, bytes: Uint8Array): AppConfig {
  const broken = (problem: string) =>
    new StsTrayError(
      'config-invalid',
      `${path}: ${problem}. Fix the file or move it away; sts-tray does not reset it on its own`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw broken('is not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw broken(`is not valid JSON (${error instanceof Error ? error.message : 'parse error'})`);
  }
  const version = typeof json === 'object' && json !== null ? (json as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > CONFIG_VERSION) {
    throw broken(`was written by a newer sts-tray (config version ${version}); update sts-tray`);
  }
  const parsed = appConfigSchema.safeParse(json);
  if (!parsed.success) throw broken(describeIssues(parsed.error.issues));
  return parsed.data;
}
