import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { VirtualTime } from '../core/testing/virtual-time.js';
import { NETWORK_POLL_MS, watchSystemEvents, type PowerMonitorLike } from './system-events.js';
import { NOW } from '../app/testing/app-view-fixture.js';

function setUp(initiallyOnline = true, platform: NodeJS.Platform = 'darwin') {
  const time = new VirtualTime(NOW);
  const powerMonitor = new EventEmitter();
  const net = { online: initiallyOnline, isOnline: () => net.online };
  let checks = 0;
  const stop = watchSystemEvents({
    platform,
    powerMonitor: powerMonitor as unknown as PowerMonitorLike,
    net,
    timers: time,
    checkNow: () => (checks += 1),
  });
  return { time, powerMonitor, net, stop, checks: () => checks };
}

describe('watchSystemEvents', () => {
  it.each(['resume', 'unlock-screen'])('%s → checkNow()', (event) => {
    const { powerMonitor, checks } = setUp();
    powerMonitor.emit(event);
    expect(checks()).toBe(1);
  });

  it('Linux: resume is heard; unlock-screen (macOS/Windows only) is not listened for', () => {
    const { powerMonitor, checks } = setUp(true, 'linux');
    expect(powerMonitor.listenerCount('unlock-screen')).toBe(0);
    powerMonitor.emit('resume');
    expect(checks()).toBe(1);
  });

  it('network back (offline → online, seen by the 30 s poll) → checkNow() once', async () => {
    const { time, net, checks } = setUp();
    net.online = false;
    await time.advance(NETWORK_POLL_MS);
    expect(checks()).toBe(0);
    net.online = true;
    await time.advance(NETWORK_POLL_MS - 1);
    expect(checks()).toBe(0);
    await time.advance(1);
    expect(checks()).toBe(1);
    await time.advance(5 * NETWORK_POLL_MS);
    expect(checks()).toBe(1);
  });

  it('starting offline and coming online counts as coming back', async () => {
    const { time, net, checks } = setUp(false);
    net.online = true;
    await time.advance(NETWORK_POLL_MS);
    expect(checks()).toBe(1);
  });

  it('staying online costs one timer per 30 s and no checks', async () => {
    const { time, checks } = setUp();
    await time.advance(10 * NETWORK_POLL_MS);
    expect(checks()).toBe(0);
    expect(time.callbacks).toBe(10);
  });

  it('stop ends the poll', async () => {
    const { time, net, stop, checks } = setUp(false);
    stop();
    net.online = true;
    await time.advance(3 * NETWORK_POLL_MS);
    expect(checks()).toBe(0);
    expect(time.nextTimerAt()).toBeNull();
  });
});
