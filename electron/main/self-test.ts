// The packaged build's self-test (STS_TRAY_SELF_TEST=<report file>): runs the checks of
// app/self-test-report.ts against the live shell, writes the report and quits.

import { writeFileSync } from 'node:fs';
import { selfTestReport, type SelfTestChecks } from '../app/self-test-report.js';

export interface SelfTestDeps {
  readonly reportPath: string;
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
  writeFileSync(deps.reportPath, `${JSON.stringify(selfTestReport(deps.platform, checks), null, 2)}\n`);
  deps.quit();
}
