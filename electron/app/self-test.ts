// The packaged build's self-test (STS_TRAY_SELF_TEST=<report file>): runs the checks of
// self-test-report.ts against the live shell (main passes them in), writes the report and quits.

import { selfTestReport, type SelfTestChecks } from './self-test-report.js';

export interface SelfTestDeps {
  /** Writes the report's text to the file named by STS_TRAY_SELF_TEST. */
  readonly write: (text: string) => void;
  readonly platform: string;
  readonly trayCreated: () => boolean;
  /** Opens the window and resolves with the URL it loaded, or null after a while. */
  readonly loadWindow: () => Promise<string | null>;
  readonly ipcState: () => Promise<boolean>;
  readonly notificationsSupported: () => boolean;
  readonly runMarkerWritten: () => Promise<boolean>;
  readonly quit: () => void;
}

export async function runSelfTest(deps: SelfTestDeps): Promise<void> {
  const checks: SelfTestChecks = {
    trayCreated: deps.trayCreated(),
    windowUrl: await deps.loadWindow().catch(() => null),
    ipcStateOk: await deps.ipcState().catch(() => false),
    notificationsSupported: deps.notificationsSupported(),
    runMarkerWritten: await deps.runMarkerWritten().catch(() => false),
  };
  deps.write(`${JSON.stringify(selfTestReport(deps.platform, checks), null, 2)}\n`);
  deps.quit();
}
