// The credentials/config file store the rest of the app calls: writes, removes and lists the
// profiles sts-tray owns in ~/.aws/credentials (and their region in ~/.aws/config), rewriting
// only our own sections. Each call is read -> edit lines -> verify -> replace-if-unchanged,
// retried when another program changed the file in between, so its change survives too.
// Each step is one linear pass over the file, done once per attempt; a file whose bytes the
// edit would not change is not written at all (no lock, no temp file, no fsync).

import { StsTrayError } from '../errors.js';
import type { FileStore } from '../ports.js';
import { checkProfileName } from '../../contract/profile-name.js';
import { decodeText, encodeText } from './decode-text.js';
import { type IniDocument, findSection, parseIni, sectionLabel, sectionValues } from './ini-document.js';
import { botocoreProfileName } from './botocore-profile-name.js';
import { refuseLookAlikes, refuseRedirectingDefaults } from './profile-resolution-checks.js';
import { type SectionEdit, ownerOf, removeOwnedSections, upsertOwnedSections } from './owned-section.js';

import {
  type PlannedProfile,
  REGION_KEY,
  checkProfileForFiles,
  configSectionName,
  parseExpiry,
  planProfileWrite,
  type ProfileWrite,
} from './profile-write.js';
import { type SectionKeyEdit, editSectionKeys, verifySectionKeyEdit } from './section-key-edit.js';
import { type TextLine, joinLines } from './text-lines.js';
import { type EditClaims, verifyEdit } from './verify-edit.js';

const CREDENTIAL_PROCESS_KEY = 'credential_process';

export interface AwsFilePaths {
  readonly credentials: string;
  readonly config: string;
}

export type { ProfileWrite } from './profile-write.js';

export interface OwnedProfile {
  readonly profile: string;
  readonly expiresAt: number | null;
  readonly source: string;
}

export interface WriteReport {
  readonly notices: readonly string[];
}

export interface AwsProfileStoreOptions {
  /** Read-edit-replace rounds before giving up on a file another program keeps changing. */
  readonly maxAttempts?: number;
}

/** What one edit of one file must produce, checked on the result before it is written. */
interface FileEdit extends EditClaims {
  readonly lines: readonly TextLine[];
  readonly notices: readonly string[];
  /** A check of its own instead of verifyEdit (an edit inside a section we do not own). */
  readonly verify?: (before: IniDocument, next: string) => void;
}

type Editor = (doc: IniDocument) => FileEdit;

/** An edit worked out (and verified) on one version of a file, ready to be written. */
interface PreparedEdit {
  /** The bytes it was worked out on. */
  readonly bytes: Uint8Array | null;
  /** The text to write, or null when the file would not change. */
  readonly next: string | null;
  readonly notices: readonly string[];
}

export class AwsProfileStore {
  private readonly maxAttempts: number;

  constructor(
    private readonly files: FileStore,
    private readonly paths: AwsFilePaths,
    options: AwsProfileStoreOptions = {},
  ) {
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** All entries in ONE atomic write of the credentials file (and one of the config file if any region). */
  async write(entries: readonly ProfileWrite[]): Promise<WriteReport> {
    const plans = entries.map(planProfileWrite);
    const names = new Set<string>();
    for (const { profile } of plans) {
      if (names.has(profile)) throw new StsTrayError('validation', `profile "${profile}" appears twice in one write; nothing was written.`);
      names.add(profile);
    }
    if (plans.length === 0) return { notices: [] };
    const regional = plans.filter((p) => p.region !== undefined);
    // Look-alike spellings are checked for every profile written: the two readers would disagree about it.
    const configEditor: Editor = (doc) => writeConfigSections(doc, regional, plans);
    // The config file is read and checked on every write, region or not: a file AWS tools
    // read differently refuses every write the same way. Its conflicts and refusals surface
    // before the credentials file changes; the edit worked out here is reused below unless
    // the config file changed in between.
    const config = await this.prepare(this.paths.config, configEditor);
    const notices = await this.update(this.paths.credentials, (doc) => writeCredentialSections(doc, plans));
    if (config.next !== null || regional.length > 0) notices.push(...(await this.update(this.paths.config, configEditor, config)));
    return { notices };
  }

  /**
   * `[profile NAME] credential_process = COMMAND` in the config file, in a section we own (the
   * one that also carries the role's region), with the same checks as every write.
   */
  async writeCredentialProcess(profileName: string, source: string, command: string): Promise<WriteReport> {
    const profile = checkProfileForFiles(profileName);
    if (/[\r\n]/.test(command) || command.trim() === '' || /^[#;]/.test(command)) {
      throw new StsTrayError('validation', 'the credential_process command must be one line of text; nothing was written.');
    }
    const notices = await this.update(this.paths.config, (doc) => {
      refuseRedirectingDefaults(doc, 'config');
      refuseLookAlikes(doc, 'config', [profile]);
      const edit: SectionEdit = {
        section: configSectionName(profile),
        source,
        entries: [[CREDENTIAL_PROCESS_KEY, command]],
        conflictAdvice: 'Choose another profile name for this role, or delete that section if you no longer need it.',
      };
      return { lines: upsertOwnedSections(doc, [edit]), written: [edit], removed: [], notices: [] };
    });
    return { notices };
  }

  /** Removes only sections we own (credentials and config); names we do not own are left and reported. */
  async remove(profiles: readonly string[]): Promise<WriteReport> {
    const names = profiles.map(checkProfileForFiles);
    const notices = await this.update(this.paths.credentials, (doc) => removeSections(doc, names, true));
    notices.push(...(await this.update(this.paths.config, (doc) => removeSections(doc, names.map(configSectionName), false))));
    return { notices };
  }

  async removeAllOwned(): Promise<WriteReport> {
    const notices: string[] = [];
    for (const [path, file] of [[this.paths.credentials, 'credentials'], [this.paths.config, 'config']] as const) {
      notices.push(...(await this.update(path, (doc) => removeSections(doc, ownedSections(doc, file), false))));
    }
    return { notices };
  }

  /**
   * Drops keys from (and, handing it over, adds ours to) a section the user asked sts-tray to
   * change, in one file; every other byte stays. Only import calls this, on the user's request.
   */
  async editSection(file: 'credentials' | 'config', edit: SectionKeyEdit): Promise<WriteReport> {
    const notices = await this.update(this.paths[file], (doc) => ({
      lines: editSectionKeys(doc, edit),
      written: [],
      removed: [],
      notices: [],
      verify: (before, next) => verifySectionKeyEdit(before, next, edit),
    }));
    return { notices };
  }

  /** Reads both files as they are (refusing what AWS tools would read differently), for import. */
  async readBoth(): Promise<{ config: IniDocument; credentials: IniDocument }> {
    const read = async (path: string) => parseIni(decodeText((await this.files.read(path)).bytes, path), path);
    return { config: await read(this.paths.config), credentials: await read(this.paths.credentials) };
  }

  async listOwned(): Promise<OwnedProfile[]> {
    const path = this.paths.credentials;
    const doc = parseIni(decodeText((await this.files.read(path)).bytes, path), path);
    return ownedSections(doc, 'credentials').flatMap((profile) => {
      const section = findSection(doc, profile);
      const source = section ? ownerOf(doc, section) : null;
      if (!section || source === null) return [];
      return [{ profile, source, expiresAt: parseExpiry(sectionValues(doc, section).get('x_security_token_expires')) }];
    });
  }

  /** Reads and edits `path` without writing it, so its refusals and conflicts surface now. */
  private async prepare(path: string, editor: Editor): Promise<PreparedEdit> {
    return prepareEdit((await this.files.read(path)).bytes, path, editor);
  }

  /**
   * Read, edit, verify, replace-if-unchanged; again from the top when someone else wrote first.
   * `prepared` is used instead of editing again when the file still holds the bytes it was made on.
   */
  private async update(path: string, editor: Editor, prepared?: PreparedEdit): Promise<string[]> {
    let earlier = prepared;
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const snapshot = await this.files.read(path);
      const edit = earlier && sameBytes(earlier.bytes, snapshot.bytes) ? earlier : prepareEdit(snapshot.bytes, path, editor);
      earlier = undefined;
      if (edit.next === null) return [...edit.notices];
      const outcome = await this.files.replace(path, encodeText(edit.next), snapshot);
      if (outcome.status === 'written') return [...edit.notices, ...outcome.notices];
    }
    throw new StsTrayError(
      'file-io',
      `${path} kept changing while sts-tray tried to update it (${this.maxAttempts} tries), so sts-tray did not write it. Close programs that are editing it, then try again.`,
    );
  }
}

/** Parse once, edit, render once, and verify the result by parsing it once more. */
function prepareEdit(bytes: Uint8Array | null, path: string, editor: Editor): PreparedEdit {
  const text = decodeText(bytes, path);
  const doc = parseIni(text, path);
  const edit = editor(doc);
  const next = joinLines(edit.lines);
  if (next === text) return { bytes, next: null, notices: edit.notices };
  if (edit.verify) edit.verify(doc, next);
  else verifyEdit(doc, next, edit);
  return { bytes, next, notices: edit.notices };
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** Marked sections whose name we could have written (a marker copied elsewhere by hand does not count). */
function ownedSections(doc: IniDocument, file: 'credentials' | 'config'): string[] {
  const ours = (name: string) => {
    const profile = botocoreProfileName(name, file);
    const section = profile === null ? null : file === 'credentials' ? profile : configSectionName(profile);
    return profile !== null && section === name && profile !== 'DEFAULT' && checkProfileName(profile) === null;
  };
  return doc.sections.filter((s) => ours(s.name) && ownerOf(doc, s) !== null).map((s) => s.name);
}

/** A free name like "tes-sts" to suggest when "tes" is taken. */
function suggestName(doc: IniDocument, profile: string): string {
  for (let n = 1; n < 100; n += 1) {
    const candidate = `${profile.slice(0, 56)}-sts${n === 1 ? '' : `-${n}`}`;
    if (!findSection(doc, candidate)) return candidate;
  }
  return `${profile.slice(0, 56)}-sts`;
}

function writeCredentialSections(doc: IniDocument, plans: readonly PlannedProfile[]): FileEdit {
  refuseRedirectingDefaults(doc, 'credentials');
  refuseLookAlikes(doc, 'credentials', plans.map((p) => p.profile));
  const edits = plans.map((plan): SectionEdit => ({
    section: plan.profile,
    source: plan.source,
    entries: plan.credentials,
    conflictAdvice: `Choose another profile name for this role (for example "${suggestName(doc, plan.profile)}"), or delete that section if you no longer need it.`,
  }));
  return { lines: upsertOwnedSections(doc, edits), written: edits, removed: [], notices: [] };
}

function writeConfigSections(doc: IniDocument, plans: readonly PlannedProfile[], all: readonly PlannedProfile[]): FileEdit {
  refuseRedirectingDefaults(doc, 'config');
  refuseLookAlikes(doc, 'config', all.map((p) => p.profile));
  const edits = plans.map((plan): SectionEdit => {
    const section = configSectionName(plan.profile);
    const advice = `Leave the region empty for this role, choose another profile name, or delete that section if you no longer need it.`;
    return { section, source: plan.source, entries: [[REGION_KEY, plan.region ?? '']], conflictAdvice: advice };
  });
  return { lines: upsertOwnedSections(doc, edits), written: edits, removed: [], notices: [] };
}

function removeSections(doc: IniDocument, sections: readonly string[], reportForeign: boolean): FileEdit {
  const removed: string[] = [];
  const gone = new Set<string>();
  const notices: string[] = [];
  for (const name of sections) {
    const section = gone.has(name) ? undefined : findSection(doc, name);
    if (!section) continue;
    if (ownerOf(doc, section) === null) {
      if (reportForeign) notices.push(`${doc.file}: ${sectionLabel(name)} is not managed by sts-tray, so it was left as it is.`);
      continue;
    }
    gone.add(name);
    removed.push(name);
  }
  const lines = removed.length === 0 ? doc.lines : removeOwnedSections(doc, removed);
  return { lines, written: [], removed, notices };
}
