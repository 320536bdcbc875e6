// The tray app without Electron: the real core and adapters (keychain, files in a temp
// HOME, the SDK broker talking to the STS emulator over loopback HTTP), the AppController
// main uses, and the shell's own modules over recording ports. Everything that keeps time
// runs on one VirtualTime started at the real now, so a test can move the clock: renewals,
// MFA warnings, countdowns and the clipboard's clear happen as they would hours later.

import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { randomUUID } from 'node:crypto';
import type { RequestChannel, RequestOf, ResponseOf } from '../../../electron/contract/channels.js';
import type { Result } from '../../../electron/contract/result.js';
import { configFilePath } from '../../../electron/adapters/app-paths.js';
import { awsFilePaths } from '../../../electron/adapters/aws-file-paths.js';
import { KeytarSecretStore } from '../../../electron/adapters/keytar-secret-store.js';
import { sha256Hex } from '../../../electron/adapters/sha256.js';
import { NodeFileStore } from '../../../electron/adapters/node-file-store.js';
import { SdkStsBroker } from '../../../electron/adapters/sdk-sts-broker.js';
import { SsoHttpClient } from '../../../electron/adapters/sso-http-client.js';
import { startSsoEmulator, type SsoEmulator } from '../../rig/sso-emulator/sso-emulator.js';
import { SSO_ACCOUNTS, SSO_REGION, SSO_USER } from '../../sso/sso-world.js';
import { QueryIamKeys } from '../../../electron/adapters/query-iam-keys.js';
import { virtualWait } from '../../../electron/core/testing/virtual-wait.js';
import { FederationConsoleSignin } from '../../../electron/adapters/federation-console-signin.js';
import type { AppServices } from '../../../electron/core/app-services.js';
import { ChunkedSecretStore } from '../../../electron/core/chunked-secrets.js';
import { VirtualTime, flush } from '../../../electron/core/testing/virtual-time.js';
import { composeServices } from '../../../electron/core/compose-services.js';
import type { AppController } from '../../../electron/app/app-controller.js';
import { composeTrayApp } from '../../../electron/app/compose-tray-app.js';
import { consoleOpener } from '../../../electron/app/console-opener.js';
import { dispatchRequest } from '../../../electron/app/ipc-dispatch.js';
import { clockTime } from '../../../electron/core/time.js';
import { trayIconName } from '../../../electron/app/tray-icon-name.js';
import { QUIET_AWS_CLI_ENV, debianAwsCli } from '../../rig/aws-cli.js';
import { startStsEmulator, type EmulatorRole, type EmulatorUser, type StsEmulator, type StsEmulatorOptions } from '../../rig/sts-emulator/sts-emulator.js';
import { CLI_ENTRY, cliTestEnv } from '../../cli/run-cli-process.js';
import { InFlight } from './in-flight.js';
import { recordingShell, type RecordingShell } from './recording-shell.js';
import { ROLES, USER } from './sts-world.js';

const run = promisify(execFile);

/** Time zone of the tray's clock times, and of the browser (renderer-page.ts): one for both. */
export const TIME_ZONE = 'UTC';
const TOTP_STEP_MS = 30_000;
/** The emulator checks SigV4 dates against virtual time, the AWS CLI signs with the real one. */
const CLI_CLOCK_TOLERANCE_MS = 4 * 60_000;

export interface AppHarnessOptions {
  /** The OS locale main reports (language 'system' follows it). */
  readonly systemLocale?: string;
  /** Emulator knobs, e.g. a short cap on MFA sessions so a warning comes within hours. */
  readonly emulator?: Partial<Pick<StsEmulatorOptions, 'issuedLifetimeSeconds'>>;
  /** IAM users and roles beside sts-world.ts's (an import scenario's second user). */
  readonly world?: { readonly users?: readonly EmulatorUser[]; readonly roles?: readonly EmulatorRole[] };
}

export interface AppHarness {
  readonly time: VirtualTime;
  readonly emulator: StsEmulator;
  /** IAM Identity Center, whose role credentials the STS emulator accepts. */
  readonly sso: SsoEmulator;
  readonly controller: AppController;
  readonly services: AppServices;
  readonly shell: RecordingShell;
  readonly home: string;
  readonly paths: { readonly credentials: string; readonly config: string; readonly appConfig: string };
  /** The channel map exactly as main's ipcMain handler runs it (payload copied as JSON, as over IPC). */
  invoke<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>>;
  /** Like invoke, for set-up steps: throws unless the request succeeded. */
  must<C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<ResponseOf<C>>;
  /** Counts `promise` as work in flight until it ends (a request from the window). */
  track<T>(promise: Promise<T>): Promise<T>;
  /** Something else that must finish before the world is "settled" (the renderer's event pushes). */
  addSettler(settle: () => Promise<void>): void;
  /** Lets every queued view, renewal wave, clipboard write and page update finish. */
  settle(): Promise<void>;
  /** Moves virtual time, running every timer that falls due, settling after each. */
  advance(ms: number): Promise<void>;
  /** The code the user's MFA device shows now (virtual time). */
  totp(): string;
  /** Waits for the device's next code (30 s of virtual time) and returns it. */
  nextTotp(): Promise<string>;
  /** The credentials file's text, or null while it does not exist. */
  readCredentials(): Promise<string | null>;
  /** The app config file's text, or null while it does not exist. */
  readAppConfig(): Promise<string | null>;
  /** Every keychain item of this run's service, as the core stores it (account → value). */
  keychainItems(): Promise<Map<string, string>>;
  /** The real AWS CLI v2 over this HOME's files and the emulator. */
  awsCli(args: readonly string[]): Promise<{ stdout: string; stderr: string }>;
  close(): Promise<void>;
}

export async function startAppHarness(options: AppHarnessOptions = {}): Promise<AppHarness> {
  if (process.platform === 'linux' && !process.env.STS_TRAY_TEST_KEYRING) {
    throw new Error('run the renderer e2e suite through `bash e2e/rig/with-test-keyring.sh`, which starts a private keyring');
  }
  const time = new VirtualTime(Date.now());
  const home = await mkdtemp(join(tmpdir(), 'sts-tray-renderer-'));
  const emulator = await startStsEmulator({
    users: [USER, ...(options.world?.users ?? [])],
    roles: [...ROLES, ...(options.world?.roles ?? [])],
    now: () => time.now(),
    ...options.emulator,
  }).catch(
    async (error: unknown) => {
      await rm(home, { recursive: true, force: true });
      throw error;
    },
  );
  const sso = await startSsoEmulator({
    region: SSO_REGION,
    user: SSO_USER,
    accounts: SSO_ACCOUNTS,
    now: () => time.now(),
    onRoleCredentials: (credentials) => emulator.acceptRoleCredentials(credentials),
  }).catch(async (error: unknown) => {
    await emulator.close();
    await rm(home, { recursive: true, force: true });
    throw error;
  });
  const service = `sts-tray-test-renderer-${randomUUID()}`;
  const keychain = new KeytarSecretStore(service);
  const cleanUp = async () => {
    for (const account of await keychain.list()) await keychain.delete(account);
    await emulator.close();
    await sso.close();
    await rm(home, { recursive: true, force: true });
  };
  try {
    return await wire({ options, time, home, emulator, sso, keychain, service, cleanUp });
  } catch (error) {
    await cleanUp();
    throw error;
  }
}

interface Parts {
  readonly options: AppHarnessOptions;
  readonly time: VirtualTime;
  readonly home: string;
  readonly emulator: StsEmulator;
  readonly sso: SsoEmulator;
  readonly keychain: KeytarSecretStore;
  /** The keychain service name, for a CLI an AWS tool runs (credential_process). */
  readonly service: string;
  /** Empties the keychain service, stops the emulator, removes the temp HOME. */
  readonly cleanUp: () => Promise<void>;
}

/** The app over the parts: adapters, engine, controller, shell modules, tray. */
async function wire({ options, time, home, emulator, sso, keychain, service, cleanUp }: Parts): Promise<AppHarness> {
  const now = () => time.now();

  // The real adapters, each call counted while it runs (in-flight.ts) so settle() can wait for them.
  const inFlight = new InFlight();
  const broker = new SdkStsBroker({ endpoint: emulator.url, clock: time });
  const secrets = inFlight.secrets(new ChunkedSecretStore(keychain));
  // Jitter off: a renewal lands at its planned moment, so a test knows how far to move time.
  const appHome = join(home, 'sts-tray');
  const services = composeServices({
    timers: time,
    random: () => 0,
    files: inFlight.files(new NodeFileStore()),
    secrets,
    sts: inFlight.sts(broker),
    clock: time,
    configPath: configFilePath({ STS_TRAY_HOME: appHome }),
    awsFiles: awsFilePaths({}, home),
    tools: {
      stsTools: broker,
      iam: new QueryIamKeys({ endpoint: emulator.url, clock: time }),
      signin: new FederationConsoleSignin(),
      signinEndpoint: `${emulator.url}/federation`,
      wait: virtualWait(time),
    },
    close: () => broker.close(),
    // Its sign-in polls on virtual time: a test moves the clock to let them happen.
    sso: inFlight.sso(new SsoHttpClient({ endpoint: sso.endpointTemplate, now })),
  });
  const { awsFiles, configStore } = services;
  const { engine } = services;

  // The assembly main uses (compose-tray-app.ts), over recording ports instead of Electron's.
  const shell = recordingShell(now);
  const showWindow = () => shell.windowShown.push(time.now());
  const { controller, clipboard, detachTray } = composeTrayApp({
    services,
    clock: time,
    timers: time,
    systemLocale: options.systemLocale ?? 'en-US',
    clipboard: shell.clipboard,
    digest: sha256Hex,
    notifier: shell.notifier,
    tray: shell.tray,
    confirm: shell.confirm.ask,
    showWindow,
    setLaunchAtLogin: (enabled) => shell.launchAtLogin.push(enabled),
    // The built CLI, as `npm start` would put it into credential_process.
    credentialProcessLauncher: [process.execPath, CLI_ENTRY],
    openConsole: consoleOpener(async (url) => {
      shell.consoles.push(url);
    }, `${emulator.url}/federation`),
    quit: () => shell.quits.push(time.now()),
    iconPath: (env, state) => `/assets/${trayIconName(env, state, 'linux')}`,
    formatTime: clockTime(TIME_ZONE),
    onError: (_context, error) => shell.errors.push(error),
    openExternal: (url) => shell.opened.push(url),
  });
  await controller.start();

  const settlers: (() => Promise<void>)[] = [];
  // Quiet means: every due timer has run (virtual time), the engine's wave is done, no
  // keychain, file or STS call is in flight, and the window has every view (the settlers).
  const settle = async () => {
    for (let round = 0; ; round += 1) {
      if (round > 1000) throw new Error('the app never settles: something keeps starting work');
      await flush();
      await engine.idle();
      await clipboard.whenIdle();
      if (await inFlight.drain()) continue;
      for (const settler of settlers) await settler();
      await flush();
      if (inFlight.size === 0) return;
    }
  };
  await settle();

  const invoke = async <C extends RequestChannel>(channel: C, payload: RequestOf<C>): Promise<Result<ResponseOf<C>>> => {
    const result = await dispatchRequest(controller.handlers, channel, JSON.parse(JSON.stringify(payload)) as unknown);
    return JSON.parse(JSON.stringify(result)) as Result<ResponseOf<C>>;
  };
  const textOrNull = (path: string) => readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });

  return {
    time,
    emulator,
    sso,
    controller,
    services,
    shell,
    home,
    paths: { ...awsFiles, appConfig: configStore.path },
    invoke,
    async must(channel, payload) {
      const result = await invoke(channel, payload);
      if (!result.ok) throw new Error(`${channel} failed: ${result.error.code}: ${result.error.message}`);
      await settle();
      return result.value;
    },
    track: (promise) => inFlight.track(promise),
    addSettler: (settler) => settlers.push(settler),
    settle,
    advance: (ms) => time.advance(ms, settle),
    totp: () => emulator.totp(USER.mfa.serial, time.now()),
    async nextTotp() {
      await time.advance(TOTP_STEP_MS - (time.now() % TOTP_STEP_MS), settle);
      return emulator.totp(USER.mfa.serial, time.now());
    },
    readCredentials: () => textOrNull(awsFiles.credentials),
    readAppConfig: () => textOrNull(configStore.path),
    async keychainItems() {
      const items = new Map<string, string>();
      // Through the chunking layer, so a value split into parts reads as the one it is.
      for (const account of await secrets.list()) items.set(account, (await secrets.get(account)) ?? '');
      return items;
    },
    async awsCli(args) {
      const drift = Math.abs(time.now() - Date.now());
      if (drift > CLI_CLOCK_TOLERANCE_MS) {
        throw new Error(`virtual time is ${Math.round(drift / 1000)} s off the real clock: run the AWS CLI before moving time`);
      }
      return run(debianAwsCli(), [...args, '--endpoint-url', emulator.url, '--output', 'json'], {
        env: {
          // What a credential_process profile's CLI needs to find this run's app folder, keychain and STS.
          ...cliTestEnv(home, service, { STS_TRAY_HOME: appHome, STS_TRAY_STS_ENDPOINT: emulator.url, STS_TRAY_SOCKET: 'off' }),
          AWS_SHARED_CREDENTIALS_FILE: awsFiles.credentials,
          AWS_CONFIG_FILE: awsFiles.config,
          ...QUIET_AWS_CLI_ENV,
        },
      });
    },
    async close() {
      detachTray();
      try {
        await controller.shutdown();
        await clipboard.whenIdle();
      } finally {
        await cleanUp();
      }
    },
  };
}
