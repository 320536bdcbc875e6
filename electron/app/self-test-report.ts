// The report a packaged build writes when started with STS_TRAY_SELF_TEST=<file>: Playwright
// cannot attach to a fused build (no --inspect, no ELECTRON_RUN_AS_NODE), so the release CI
// starts it with this variable and reads the file. It holds outcomes only, never a value
// from the config, the keychain or the credentials.

export interface SelfTestChecks {
  readonly trayCreated: boolean;
  /** The URL the window loaded (our app:// page), or null when it did not load. */
  readonly windowUrl: string | null;
  readonly ipcStateOk: boolean;
  readonly notificationsSupported: boolean;
  readonly runMarkerWritten: boolean;
}

export interface SelfTestReport extends SelfTestChecks {
  readonly platform: string;
  readonly passed: boolean;
  /** What failed, as short names. */
  readonly failures: readonly string[];
}

export function selfTestReport(platform: string, checks: SelfTestChecks): SelfTestReport {
  const failures = [
    ...(checks.trayCreated ? [] : ['tray']),
    ...(checks.windowUrl?.startsWith('app://sts-tray/') ? [] : ['window']),
    ...(checks.ipcStateOk ? [] : ['ipc']),
    ...(checks.runMarkerWritten ? [] : ['run-marker']),
  ];
  return { platform, ...checks, passed: failures.length === 0, failures };
}
