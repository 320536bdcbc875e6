// An AppController on in-memory fakes and virtual time, with every shell port recorded:
// what the tray, notifications, clipboard and window would have received.

import type { AppServices } from '../../core/app-services.js';
import type { Preferences } from '../../core/model.js';
import type { RunMarker } from '../../core/ports.js';
import type { RenewalEngine } from '../../core/renewal/renewal-engine.js';
import { FakeStsBroker } from '../../core/testing/fake-sts-broker.js';
import { FakeIamKeys } from '../../core/testing/fake-iam-keys.js';
import { FakeConsoleSignin, FakeStsTools } from '../../core/testing/fake-sts-tools.js';
import { virtualWait } from '../../core/testing/virtual-wait.js';
import { MemoryFileStore } from '../../core/testing/memory-file-store.js';
import { MemorySecretStore } from '../../core/testing/memory-secret-store.js';
import { VirtualTime, flush } from '../../core/testing/virtual-time.js';
import { composeServices } from '../../core/compose-services.js';
import { AppController } from '../app-controller.js';
import type { ConfirmQuestion, ShellEvent, ShellPorts } from '../shell-ports.js';

export const CONTROLLER_PATHS = { credentials: '/h/.aws/credentials', config: '/h/.aws/config', appConfig: '/h/sts-tray/config.json' };

/** What the rig's shell says AWS tools run for credential_process. */
export const CONTROLLER_LAUNCHER = ['/opt/node/bin/node', '/opt/sts-tray/cli/sts-tray.cjs'];

export interface RecordedShell extends ShellPorts {
  readonly copies: Array<{ text: string; clearAfterMs: number }>;
  readonly clears: number[];
  readonly events: Array<{ event: ShellEvent; preferences: Preferences }>;
  readonly questions: ConfirmQuestion[];
  /** What confirm() answers. */
  answer: boolean;
  readonly windowShown: number[];
  readonly loginItem: boolean[];
  /** Console URLs main was asked to open (secrets: tests only look at them). */
  readonly consoles: string[];
}

export interface ControllerRig {
  readonly time: VirtualTime;
  readonly sts: FakeStsBroker;
  readonly files: MemoryFileStore;
  readonly secrets: MemorySecretStore;
  readonly services: AppServices;
  readonly engine: RenewalEngine;
  readonly shell: RecordedShell;
  readonly controller: AppController;
  /** Lets queued view updates and engine waves finish. */
  settle(): Promise<void>;
}

export async function controllerRig(configJson: unknown, options: { readonly runMarker?: RunMarker } = {}): Promise<ControllerRig> {
  const time = new VirtualTime(Date.UTC(2026, 10, 23, 9, 0, 0));
  const files = new MemoryFileStore();
  files.setText(CONTROLLER_PATHS.appConfig, JSON.stringify(configJson));
  const sts = new FakeStsBroker(time);
  const secrets = new MemorySecretStore();
  const services = composeServices({
    files,
    secrets,
    sts,
    clock: time,
    timers: time,
    random: () => 0,
    configPath: CONTROLLER_PATHS.appConfig,
    awsFiles: CONTROLLER_PATHS,
    tools: { stsTools: new FakeStsTools(time), iam: new FakeIamKeys(time), signin: new FakeConsoleSignin(), wait: virtualWait(time) },
  });
  const { engine } = services;
  const shell: RecordedShell = {
    copies: [],
    clears: [],
    events: [],
    questions: [],
    answer: true,
    windowShown: [],
    loginItem: [],
    consoles: [],
    openConsole: async (url) => {
      shell.consoles.push(url);
    },
    clipboard: {
      copy(text, clearAfterMs) {
        shell.copies.push({ text, clearAfterMs });
        return time.now() + clearAfterMs;
      },
      async clearIfOurs() {
        shell.clears.push(time.now());
      },
    },
    notices: { handle: (event, preferences) => shell.events.push({ event, preferences }) },
    confirm: async (question) => {
      shell.questions.push(question);
      return shell.answer;
    },
    showWindow: () => shell.windowShown.push(time.now()),
    setLaunchAtLogin: (enabled) => shell.loginItem.push(enabled),
    credentialProcessLauncher: CONTROLLER_LAUNCHER,
  };
  const controller = new AppController({ services, clock: time, timers: time, shell, systemLocale: 'en-US', ...options });
  const settle = async () => {
    await flush();
    await engine.idle();
    await flush();
  };
  return { time, sts, files, secrets, services, engine, shell, controller, settle };
}
