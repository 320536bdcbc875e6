import { describe, expect, it } from 'vitest';
import { selfTestReport } from './self-test-report.js';

const good = { trayCreated: true, windowUrl: 'app://sts-tray/index.html', ipcStateOk: true, notificationsSupported: true, runMarkerWritten: true };

describe('selfTestReport', () => {
  it('passes when tray, window on app://, IPC and run marker all worked', () => {
    expect(selfTestReport('linux', good)).toMatchObject({ passed: true, failures: [] });
  });

  it.each([
    ['tray', { trayCreated: false }],
    ['window', { windowUrl: null }],
    ['window', { windowUrl: 'file:///tmp/index.html' }],
    ['ipc', { ipcStateOk: false }],
    ['run-marker', { runMarkerWritten: false }],
  ] as const)('names the failure: %s', (failure, change) => {
    expect(selfTestReport('linux', { ...good, ...change })).toMatchObject({ passed: false, failures: [failure] });
  });

  it('notifications unsupported is reported, not failed (a runner may have no notification server)', () => {
    expect(selfTestReport('linux', { ...good, notificationsSupported: false }).passed).toBe(true);
  });
});
