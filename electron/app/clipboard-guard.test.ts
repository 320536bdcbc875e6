import { describe, expect, it } from 'vitest';
import { VirtualTime, flush } from '../core/testing/virtual-time.js';
import { ClipboardGuard } from './clipboard-guard.js';
import { NOW } from './testing/app-view-fixture.js';
import { RecordingClipboard } from './testing/recording-ports.js';

const LINES = "export AWS_ACCESS_KEY_ID='ASIAFAKEFAKEFAKE0001'\nexport AWS_SECRET_ACCESS_KEY='fake-secret-1'\n";
const OTHER = "export AWS_ACCESS_KEY_ID='ASIAFAKEFAKEFAKE0002'\nexport AWS_SECRET_ACCESS_KEY='fake-secret-2'\n";

/** A stand-in digest: a 32-bit string hash is enough to tell the texts of these tests apart. */
function testDigest(text: string): string {
  let hash = 0;
  for (const ch of text) hash = (Math.imul(hash, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return `h${hash >>> 0}`;
}

function setUp() {
  const time = new VirtualTime(NOW);
  const clipboard = new RecordingClipboard({ now: () => time.now(), asynchronous: true });
  const errors: unknown[] = [];
  const refused: string[] = [];
  const guard = new ClipboardGuard({
    clipboard,
    digest: testDigest,
    clock: time,
    timers: time,
    onError: (e) => errors.push(e),
    onRefused: (action) => refused.push(action),
  });
  return { time, clipboard, errors, refused, guard };
}

describe('ClipboardGuard', () => {
  it('writes the lines marked concealed and says when they will be cleared', async () => {
    const { clipboard, guard } = setUp();
    expect(guard.copy(LINES, 30_000)).toBe(NOW + 30_000);
    await guard.whenIdle();
    expect(clipboard).toMatchObject({ text: LINES, concealed: true });
  });

  it('clears after the delay when the clipboard still holds our text', async () => {
    const { time, clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    await time.advance(29_999);
    expect(clipboard.text).toBe(LINES);
    await time.advance(1);
    await guard.whenIdle();
    expect(clipboard.text).toBe('');
  });

  it('leaves the clipboard alone when the user copied something else meanwhile', async () => {
    const { time, clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    await guard.whenIdle();
    clipboard.userCopies('a shopping list');
    await time.advance(30_000);
    await guard.whenIdle();
    expect(clipboard.text).toBe('a shopping list');
    expect(clipboard.log).toEqual(['write']);
  });

  it('a new copy replaces the pending clear: the delay counts from the newest copy', async () => {
    const { time, clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    await time.advance(20_000);
    guard.copy(OTHER, 30_000);
    await time.advance(20_000);
    await guard.whenIdle();
    expect(clipboard.text).toBe(OTHER);
    await time.advance(10_000);
    await guard.whenIdle();
    expect(clipboard.text).toBe('');
    expect(time.nextTimerAt()).toBeNull();
  });

  it('on quit: clears our text at once and cancels the timer', async () => {
    const { time, clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    await guard.clearIfOurs();
    expect(clipboard.text).toBe('');
    expect(time.nextTimerAt()).toBeNull();
  });

  it('on quit: leaves what the user copied', async () => {
    const { clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    await guard.whenIdle();
    clipboard.userCopies('mine');
    await guard.clearIfOurs();
    expect(clipboard.text).toBe('mine');
  });

  it('a clear requested right after a copy runs after the write, never before it', async () => {
    const { clipboard, guard } = setUp();
    guard.copy(LINES, 30_000);
    void guard.clearIfOurs();
    await guard.whenIdle();
    expect(clipboard.log).toEqual(['write', 'clear']);
    expect(clipboard.text).toBe('');
  });

  it('with nothing copied, quitting does not touch the clipboard', async () => {
    const { clipboard, guard } = setUp();
    clipboard.userCopies('mine');
    await guard.clearIfOurs();
    expect(clipboard.text).toBe('mine');
    expect(clipboard.log).toEqual([]);
  });

  it('a failing clipboard is reported, and later operations still run', async () => {
    const { time, clipboard, errors, guard } = setUp();
    clipboard.writeConcealed = () => Promise.reject(new Error('clipboard busy'));
    guard.copy(LINES, 30_000);
    await guard.whenIdle();
    expect(errors).toEqual([new Error('clipboard busy')]);
    clipboard.userCopies('mine');
    await time.advance(30_000);
    await flush();
    await guard.whenIdle();
    expect(clipboard.text).toBe('mine');
  });

  it('a copy the desktop refuses is reported, and no clear is left pending', async () => {
    const { time, clipboard, refused, guard } = setUp();
    clipboard.refusing = true;
    guard.copy(LINES, 30_000);
    await guard.whenIdle();
    expect(refused).toEqual(['copy']);
    expect(time.nextTimerAt()).toBeNull();
    clipboard.refusing = false;
    await guard.clearIfOurs();
    expect(clipboard.log).toEqual([]);
  });

  it('a clear the desktop refuses is reported, and the clear on quit tries again', async () => {
    const { time, clipboard, refused, guard } = setUp();
    guard.copy(LINES, 30_000);
    await guard.whenIdle();
    clipboard.refusing = true;
    await time.advance(30_000);
    await guard.whenIdle();
    expect(refused).toEqual(['clear']);
    expect(clipboard.text).toBe(LINES);
    clipboard.refusing = false;
    await guard.clearIfOurs();
    expect(clipboard.text).toBe('');
    expect(refused).toEqual(['clear']);
  });
});
