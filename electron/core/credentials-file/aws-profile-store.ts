// The credentials/config file store the rest of the app calls: writes, removes and lists the
// profiles sts-tray owns in ~/.aws/credentials (and their region in ~/.aws/config), rewriting
// only our own sections. Each call is read -> edit lines -> verify -> replace-if-unchanged,
// retried when another program changed the file in between, so its change survives too.

import { StsTrayError } from '../errors.js';
import type { FileStore } from '../ports.js';
import { checkProfileName } from '../profile-name.js';
import { decodeText, encodeText } from './decode-text.js';
import { type IniDocument, findSection, parseIni, sectionLabel, sectionValues } from './ini-document.js';
import { jsSdkSectionKey, readAsJsSdk } from './js-sdk-view.js';
import { type SectionEdit, conflictError, ownerOf, removeOwnedSection, upsertOwnedSection } from './owned-section.js';
import {
  type PlannedProfile,
  REGION_KEY,
  checkProfileForFiles,
  configProfileOf,
  configSectionName,
  parseExpiry,
  planProfileWrite,
} from './profile-write.js';
import { type TextLine, joinLines } from './text-lines.js';

export interface AwsFilePaths {
  readonly credentials: string;
  readonly config: string;
}

export interface ProfileWrite {
  /** Section name in the credentials file ('default' allowed). */
  readonly profile: string;
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** ms epoch -> x_security_token_expires (RFC 3339, UTC, e.g. 2026-11-22T13:05:00Z). */
  readonly expiresAt: number;
  /** -> config file: [profile NAME] (or [default]) gets `region = …`. */
  readonly region?: string | undefined;
  /** e.g. "role tes" — goes into the ownership marker comment. */
  readonly source: string;
}

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
interface FileEdit {
  readonly lines: readonly TextLine[];
  readonly written: readonly SectionEdit[];
  readonly removed: readonly string[];
  readonly notices: readonly string[];
}

type Editor = (doc: IniDocument) => FileEdit;

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
    const names = plans.map((p) => p.profile);
    const twice = names.find((name, i) => names.indexOf(name) !== i);
    if (twice !== undefined) {
      throw new StsTrayError('validation', `profile "${twice}" appears twice in one write; nothing was written.`);
    }
    if (plans.length === 0) return { notices: [] };
    const regional = plans.filter((p) => p.region !== undefined);
    const configEditor: Editor = (doc) => writeConfigSections(doc, regional);
    // Config conflicts and refusals surface before the credentials file changes.
    if (regional.length > 0) await this.update(this.paths.config, configEditor, true);
    const notices = await this.update(this.paths.credentials, (doc) => writeCredentialSections(doc, plans), false);
    if (regional.length > 0) notices.push(...(await this.update(this.paths.config, configEditor, false)));
    return { notices };
  }

  /** Removes only sections we own (credentials and config); names we do not own are left and reported. */
  async remove(profiles: readonly string[]): Promise<WriteReport> {
    const names = profiles.map(checkProfileForFiles);
    const notices = await this.update(this.paths.credentials, (doc) => removeSections(doc, names, true), false);
    notices.push(...(await this.update(this.paths.config, (doc) => removeSections(doc, names.map(configSectionName), false), false)));
    return { notices };
  }

  async removeAllOwned(): Promise<WriteReport> {
    const notices: string[] = [];
    for (const [path, file] of [[this.paths.credentials, 'credentials'], [this.paths.config, 'config']] as const) {
      notices.push(...(await this.update(path, (doc) => removeSections(doc, ownedSections(doc, file), false), false)));
    }
    return { notices };
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

  /** Read, edit, verify, replace-if-unchanged; again from the top when someone else wrote first. */
  private async update(path: string, editor: Editor, dryRun: boolean): Promise<string[]> {
    for (let attempt = 1; attempt <= this.maxAttempts; attempt += 1) {
      const snapshot = await this.files.read(path);
      const text = decodeText(snapshot.bytes, path);
      const doc = parseIni(text, path);
      const edit = editor(doc);
      const next = joinLines(edit.lines);
      if (next === text) return [...edit.notices];
      verifyEdit(doc, next, edit);
      if (dryRun) return [];
      const outcome = await this.files.replace(path, encodeText(next), snapshot);
      if (outcome.status === 'written') return [...edit.notices, ...outcome.notices];
    }
    throw new StsTrayError(
      'file-io',
      `${path} kept changing while sts-tray tried to update it (${this.maxAttempts} tries), so sts-tray did not write it. Close programs that are editing it, then try again.`,
    );
  }
}

/** Marked sections whose name we could have written (a marker copied elsewhere by hand does not count). */
function ownedSections(doc: IniDocument, file: 'credentials' | 'config'): string[] {
  const ours = (name: string) => {
    const profile = file === 'credentials' ? name : configProfileOf(name);
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

function applyUpserts(doc: IniDocument, edits: readonly SectionEdit[]): FileEdit {
  let current = doc;
  let lines: TextLine[] = [...doc.lines];
  for (const edit of edits) {
    lines = upsertOwnedSection(current, edit);
    current = parseIni(joinLines(lines), doc.file);
  }
  return { lines, written: edits, removed: [], notices: [] };
}

function writeCredentialSections(doc: IniDocument, plans: readonly PlannedProfile[]): FileEdit {
  return applyUpserts(
    doc,
    plans.map((plan) => ({
      section: plan.profile,
      source: plan.source,
      entries: plan.credentials,
      conflictAdvice: `Choose another profile name for this role (for example "${suggestName(doc, plan.profile)}"), or delete that section if you no longer need it.`,
    })),
  );
}

function writeConfigSections(doc: IniDocument, plans: readonly PlannedProfile[]): FileEdit {
  const edits = plans.map((plan): SectionEdit => {
    const section = configSectionName(plan.profile);
    const alias = doc.sections.find((s) => s.name !== section && configProfileOf(s.name) === plan.profile);
    const advice = `Leave the region empty for this role, choose another profile name, or delete that section if you no longer need it.`;
    if (alias) throw conflictError(doc, alias.name, `It already configures profile "${plan.profile}". ${advice}`);
    return { section, source: plan.source, entries: [[REGION_KEY, plan.region ?? '']], conflictAdvice: advice };
  });
  return applyUpserts(doc, edits);
}

function removeSections(doc: IniDocument, sections: readonly string[], reportForeign: boolean): FileEdit {
  let current = doc;
  let lines: TextLine[] = [...doc.lines];
  const removed: string[] = [];
  const notices: string[] = [];
  for (const name of sections) {
    const section = findSection(current, name);
    if (!section) continue;
    if (ownerOf(current, section) === null) {
      if (reportForeign) notices.push(`${doc.file}: ${sectionLabel(name)} is not managed by sts-tray, so it was left as it is.`);
      continue;
    }
    lines = removeOwnedSection(current, name);
    current = parseIni(joinLines(lines), doc.file);
    removed.push(name);
  }
  return { lines, written: [], removed, notices };
}

/**
 * Defensive re-read of what we are about to write: it parses, botocore and the JS SDK both see
 * our keys with exactly our values, removed sections are gone, every other section reads the same.
 */
function verifyEdit(before: IniDocument, nextText: string, edit: FileEdit): void {
  const fail = (section: string, what: string) =>
    new StsTrayError(
      'file-unsafe',
      `${before.file}: after editing ${sectionLabel(section)} ${what}. sts-tray did not change the file: move or delete the lines of that section by hand, then try again.`,
    );
  const after = parseIni(nextText, before.file);
  const sdk = readAsJsSdk(nextText);
  for (const written of edit.written) {
    const section = findSection(after, written.section);
    if (!section || ownerOf(after, section) === null) throw fail(written.section, 'the section would be missing');
    const values = sectionValues(after, section);
    const sdkKey = jsSdkSectionKey(written.section);
    const sdkValues = sdkKey === null ? undefined : sdk.get(sdkKey);
    for (const [key, value] of written.entries) {
      if (values.get(key) !== value) throw fail(written.section, `the AWS CLI would not read the new ${key}`);
      if (sdkValues?.get(key) !== value) throw fail(written.section, `the AWS SDK for JavaScript would not read the new ${key}`);
    }
  }
  for (const name of edit.removed) {
    if (findSection(after, name)) throw fail(name, 'the section would still be there');
  }
  const touched = new Set([...edit.written.map((w) => w.section), ...edit.removed]);
  const others = (doc: IniDocument) =>
    JSON.stringify(doc.sections.filter((s) => !touched.has(s.name)).map((s) => [s.name, [...sectionValues(doc, s)]]));
  if (others(before) !== others(after)) throw fail([...touched][0] ?? '', 'other sections would read differently');
}
