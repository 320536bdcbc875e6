import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { ActivationArguments, NotificationConstructorOptions } from 'electron';
import { MAX_RETAINED_NOTIFICATIONS, electronNotifier } from './electron-notifier.js';

describe('electronNotifier', () => {
  class FakeNotification extends EventEmitter {
    static made: FakeNotification[] = [];
    shown = false;
    constructor(readonly options: NotificationConstructorOptions) {
      super();
      FakeNotification.made.push(this);
    }
    show(): void {
      this.shown = true;
    }
  }

  it('shows a Notification with title and body; a click runs onClick once', () => {
    FakeNotification.made = [];
    const clicked: string[] = [];
    const notifier = electronNotifier(FakeNotification, () => true);
    notifier.show({ title: 'MFA session ending soon', body: 'ends in 5 min', onClick: () => clicked.push('prompt') });
    const made = FakeNotification.made[0];
    expect(made?.options).toEqual({ title: 'MFA session ending soon', body: 'ends in 5 min' });
    expect(made?.shown).toBe(true);
    made?.emit('click');
    expect(clicked).toEqual(['prompt']);
  });

  it('keeps a reference until the notification is clicked, closed or failed, and caps how many it keeps', () => {
    FakeNotification.made = [];
    const notifier = electronNotifier(FakeNotification, () => true);
    notifier.show({ title: 'a', body: '' });
    notifier.show({ title: 'b', body: '' });
    notifier.show({ title: 'c', body: '' });
    expect(notifier.retained()).toBe(3);
    FakeNotification.made[0]?.emit('click');
    FakeNotification.made[1]?.emit('close', {});
    FakeNotification.made[2]?.emit('failed', {}, 'no notification server');
    expect(notifier.retained()).toBe(0);
    for (let i = 0; i < MAX_RETAINED_NOTIFICATIONS + 5; i += 1) notifier.show({ title: `n${i}`, body: '' });
    expect(notifier.retained()).toBe(MAX_RETAINED_NOTIFICATIONS);
  });

  it('does nothing where the desktop has no notifications', () => {
    FakeNotification.made = [];
    electronNotifier(FakeNotification, () => false).show({ title: 't', body: 'b' });
    expect(FakeNotification.made).toEqual([]);
  });

  it('Windows: a click in Action Center (after close, object or not) comes through handleActivation and reaches its notice', () => {
    FakeNotification.made = [];
    let activate: (details: ActivationArguments) => void = () => undefined;
    const clicked: string[] = [];
    const notifier = electronNotifier(FakeNotification, () => true, { platform: 'win32', handleActivation: (callback) => (activate = callback) });
    notifier.show({ title: 'MFA code needed', body: 'b', onClick: () => clicked.push('mfa') });
    notifier.show({ title: 'Renewal failed', body: 'b', onClick: () => clicked.push('window') });
    const first = FakeNotification.made[0];
    expect(first?.options).toMatchObject({ id: 'n1', toastXml: expect.stringContaining('launch="sts-tray-notice:n1"') });
    first?.emit('close', {});
    activate({ type: 'click', arguments: 'sts-tray-notice:n1' });
    activate({ type: 'click', arguments: 'sts-tray-notice:n1' });
    activate({ type: 'click', arguments: 'unrelated' });
    expect(clicked).toEqual(['mfa']);
    expect(notifier.retained()).toBe(1);
  });

  it('a notice the desktop refuses is reported with its reason', () => {
    FakeNotification.made = [];
    const failures: string[] = [];
    const notifier = electronNotifier(FakeNotification, () => true, { platform: 'darwin', onFailed: (reason) => failures.push(reason) });
    notifier.show({ title: 't', body: 'b' });
    FakeNotification.made[0]?.emit('failed', {}, 'Notifications are not allowed for this application');
    expect(failures).toEqual(['Notifications are not allowed for this application']);
    expect(notifier.retained()).toBe(0);
  });
});
