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

describe('runSelfTest', () => {
  it('writes the report from the live checks, a failing check counted as failed, then quits', async () => {
    const { runSelfTest } = await import('./self-test.js');
    const written: string[] = [];
    const log: string[] = [];
    await runSelfTest({
      write: (text) => written.push(text),
      platform: 'win32',
      trayCreated: () => true,
      loadWindow: () => Promise.resolve('app://sts-tray/index.html'),
      ipcState: () => Promise.reject(new Error('keychain locked')),
      notificationsSupported: () => true,
      runMarkerWritten: () => Promise.resolve(true),
      quit: () => log.push('quit'),
    });
    expect(JSON.parse(written[0] ?? '{}')).toMatchObject({ platform: 'win32', passed: false, failures: ['ipc'] });
    expect(log).toEqual(['quit']);
  });
});
