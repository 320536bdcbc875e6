// The engine's proof of freshness: 48 h of virtual time with 109 roles (3 identities × tes/stg/prd + 100
// more), a 3 h sleep, throttling bursts, a network outage and ±1 h wall-clock jumps; then
// longer outages, and the idle cost of the scheduler. Each run prints the figures it checks.

import { describe, expect, it } from 'vitest';
import type { Role } from '../model.js';
import { BACKOFF, renewalTime } from './renewal-policy.js';
import { H, MIN, START, SimulationWorld, type ClockStep } from '../testing/renewal-simulation-world.js';
import { WAVE_WINDOW_MS } from './renewal-engine.js';

/** Renewals due within this much of each other share a wave (the engine's wave window). */
const LEAD_MS = 300_000; // preferences.renewalLeadSeconds, default

/** Longest time a role session may live unrenewed under the policy: lifetime − margin (no jitter). */
function period(role: Role): number {
  return renewalTime(0, role.durationSeconds * 1000, LEAD_MS, () => 0);
}

/** Shortest gap the policy allows between two renewals: the period less the largest jitter and the wave window. */
function shortestGap(role: Role): number {
  return renewalTime(0, role.durationSeconds * 1000, LEAD_MS, () => 1) - WAVE_WINDOW_MS;
}

/**
 * The fewest AssumeRole calls a role needs: the first assume, then one each time its session
 * reaches the policy's deadline, never earlier. A sleep or a wall-clock step moves the wall
 * clock at once; if that passes the deadline, one renewal at that moment restarts the chain.
 */
function minimumAssumes(role: Role, steps: readonly ClockStep[], endLived: number): number {
  const p = period(role);
  let count = 1;
  let deadline = START + p;
  let offset = 0;
  for (const step of [...steps, { lived: endLived, wallBefore: 0, wallAfter: 0 }]) {
    while (deadline < START + step.lived + offset) {
      count += 1;
      deadline += p;
    }
    const delta = step.wallAfter - step.wallBefore;
    offset += delta;
    const wall = START + step.lived + offset;
    if (delta !== 0 && wall >= deadline) {
      count += 1;
      deadline = wall + p;
    }
  }
  return count;
}

/** Every AssumeRole in a wall-time window fails with `throttled` when `pick(n)` says so (n counts the window's calls). */
function throttleBurst(world: SimulationWorld, ms: number, pick: (n: number) => boolean): void {
  const from = world.time.now();
  let n = 0;
  world.sts.failWhen((call, now) => {
    if (call.action !== 'AssumeRole' || now < from || now >= from + ms) return null;
    n += 1;
    return pick(n) ? 'throttled' : null;
  });
}

/** Runs to just before the engine's next timer, so a fault starting now meets real renewals. */
async function runToNextTimer(world: SimulationWorld, atLeast: number): Promise<void> {
  await world.runUntil(atLeast);
  const next = world.time.nextTimerAt();
  if (next !== null) await world.runUntil(next - 500);
}

/** Every STS call fails with `network` for `ms` of wall time from now. */
function outage(world: SimulationWorld, ms: number): { from: number; to: number } {
  const from = world.time.now();
  world.sts.failWhen((_call, now) => (now >= from && now < from + ms ? 'network' : null));
  return { from, to: from + ms };
}

describe('renewal simulation: 48 h, 109 roles', () => {
  it('keeps every profile fresh through sleep, throttling, an outage and clock jumps, with near-minimal STS calls', async () => {
    const started = Date.now();
    const world = new SimulationWorld({ extraRoles: 100 });
    await world.activateAll();
    const { time, sts, engine } = world;
    expect(world.roles()).toHaveLength(109);
    const writesAtStart = world.credentialWrites();

    // Lived (monotonic) hours; the wall clock also moves by the sleep and the jumps, and
    // spans exactly 48 h at the end. No fault falls near an MFA warning (wall 11:45, 23:40, …).
    await runToNextTimer(world, 6 * H);
    throttleBurst(world, 2 * MIN, (n) => n % 2 === 1);
    await runToNextTimer(world, 9 * H);
    // 3 min: shorter than the 5 min margin of 15 min sessions less one full backoff step (60 s),
    // so renewal is still possible in time and any stale moment is the engine's fault.
    const shortOutage = outage(world, 3 * MIN);
    await runToNextTimer(world, 15 * H);
    throttleBurst(world, 30_000, () => true);
    await world.runUntil(24 * H);
    await world.sleep(3 * H);
    const wake = time.now();
    await world.runUntil(30 * H);
    const nextTimerIn = (time.nextTimerAt() ?? Number.POSITIVE_INFINITY) - time.monotonic();
    await world.jumpWall(H);
    const landing = time.now();
    await runToNextTimer(world, 33 * H);
    throttleBurst(world, 2 * MIN, (n) => n % 3 === 0);
    await world.runUntil(38 * H);
    // Our clock set back by an hour (NTP correcting it): AWS's clock does not move.
    const eventsBeforeBackJump = world.events.length;
    await world.jumpWall(-H, false);
    const endLived = 45 * H;
    await world.runUntil(endLived);
    expect(time.now() - START).toBe(48 * H);

    // Staleness: only the forward jump may leave profiles expired, until the engine's next
    // timer (it cannot know sooner: timers run on the monotonic clock, no one tells it).
    const jumpSpans = world.stale.filter((s) => s.from === landing);
    const jumpLateness = Math.max(0, ...jumpSpans.map((s) => s.to - landing));
    expect(world.staleMs((s) => s.from !== landing)).toBe(0);
    expect(jumpLateness).toBeLessThanOrEqual(nextTimerIn);
    expect(world.staleMoments.filter((t) => t < landing || t > landing + jumpLateness)).toEqual([]);

    // STS calls against the minimum the policy needs.
    const steps = world.clockSteps;
    const minAssume = world.roles().reduce((sum, role) => sum + minimumAssumes(role, steps, endLived), 0);
    const minSessionTokens = world.config.identities.length + world.answers.filter((a) => a.ok).length;
    const minimum = minAssume + minSessionTokens;
    const actual = sts.calls.length;
    expect(actual).toBeLessThanOrEqual(1.05 * minimum);

    // File writes: at most one per wave.
    const writes = world.credentialWrites() - writesAtStart;
    expect(writes).toBeLessThanOrEqual(world.waves);

    // MFA: the user answered every 5-minute warning, so no session lapsed and no role waited for a code.
    expect(world.answers).toHaveLength(12);
    expect(world.answers.every((a) => a.ok)).toBe(true);
    expect(world.events.filter((e) => e.type === 'failed' && e.code === 'needs-mfa')).toEqual([]);
    expect(sts.count('GetSessionToken')).toBe(minSessionTokens);
    // Warnings 15 and 5 min before each session's end, at those very moments.
    for (const identity of world.config.identities.map((i) => i.name)) {
      const expected = world.mfaSessionsOf(identity).flatMap((s) =>
        [900, 300].filter((lead) => s.until - lead * 1000 <= time.now()).map((lead) => ({ expiresAt: s.until, leadSeconds: lead, due: s.until - lead * 1000 })),
      );
      // Events speak our clock's time; after the backward jump it reads an hour less than STS's.
      const seen = world.events.flatMap((e, index) => {
        if (e.type !== 'mfa-expiring' || e.identity !== identity) return [];
        const toSts = index >= eventsBeforeBackJump ? H : 0;
        return [{ ...e, at: e.at + toSts, expiresAt: e.expiresAt + toSts }];
      });
      expect(seen.map((e) => [e.expiresAt, e.leadSeconds])).toEqual(expected.map((x) => [x.expiresAt, x.leadSeconds]));
      seen.forEach((e, i) => {
        const due = expected[i]?.due ?? Number.NaN;
        expect(e.at).toBeGreaterThanOrEqual(due);
        expect(e.at - due).toBeLessThan(1_000);
      });
      expect(expected).toHaveLength(8);
    }

    // No duplicate calls: never two renewals of a role closer than the policy allows,
    // and on wake exactly one call per role (all were due after 3 h).
    for (const role of world.roles()) {
      const at = world.assumes(role.name);
      const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
      expect(Math.min(...gaps), role.name).toBeGreaterThanOrEqual(shortestGap(role));
    }
    const wakeArns = sts.log.flatMap((l) => (l.call.action === 'AssumeRole' && l.at >= wake && l.at < wake + MIN ? [l.call.input.roleArn] : []));
    expect(wakeArns).toHaveLength(109);
    expect(new Set(wakeArns).size).toBe(109);
    // The engine noticed both jumps (and the sleep) by itself.
    const jumps = world.events.flatMap((e) => (e.type === 'clock-jump' ? [Math.sign(e.deltaMs)] : []));
    expect(jumps).toEqual([1, 1, -1]);
    expect(engine.state().roles.every((r) => r.status === 'active')).toBe(true);
    // The faults did hit renewals; they cost retries only, no staleness (asserted above).
    const failedBy = (code: string) => sts.log.filter((l) => l.error === code).length;
    expect(sts.log.filter((l) => l.error === 'network' && l.at >= shortOutage.from && l.at < shortOutage.to).length).toBeGreaterThan(0);
    expect(failedBy('throttled')).toBeGreaterThan(3);

    const renewals = world.events.filter((e) => e.type === 'renewed').length;
    console.log(
      [
        `48 h simulation, 109 roles (${Date.now() - started} ms real time)`,
        `  STS calls: ${actual} (AssumeRole ${sts.count('AssumeRole')}, GetSessionToken ${sts.count('GetSessionToken')}, failed ${sts.log.filter((l) => l.error).length}); minimum ${minimum} (AssumeRole ${minAssume} + GetSessionToken ${minSessionTokens}); ratio ${(actual / minimum).toFixed(4)}`,
        `  faults: ${failedBy('throttled')} throttled, ${failedBy('network')} network`,
        `  renewals ${renewals}; waves ${world.waves}; credentials-file writes ${writes}; timer callbacks ${time.callbacks}; observations ${world.observations}`,
        `  stale while renewable: ${world.staleMs((s) => s.from !== landing)} ms outside the +1 h jump; after the jump ${Math.round(jumpLateness / 1000)} s (${jumpSpans.length} profiles) until the next timer, which was ${Math.round(nextTimerIn / 1000)} s away`,
      ].join('\n'),
    );
  }, 60_000);
});

describe('renewal simulation: a long network outage', () => {
  it.each([
    { resumedBy: 'its own timer', checkNow: false, within: BACKOFF.maxMs },
    { resumedBy: 'checkNow (network-online)', checkNow: true, within: 0 },
  ])('20 min without network: retries with backoff, then renewal resumes via $resumedBy', async ({ checkNow, within }) => {
    const world = new SimulationWorld({ extraRoles: 0 });
    await world.activateAll();
    await world.runUntil(50 * MIN);
    const { from, to } = outage(world, 20 * MIN);
    await world.runUntil(70 * MIN);
    expect(world.time.now()).toBe(to);
    if (checkNow) await world.checkNow();
    await world.runUntil(85 * MIN);

    for (const role of world.roles()) {
      const failed = world.sts.log.filter((l) => l.error === 'network' && l.call.action === 'AssumeRole' && l.call.input.roleArn === role.roleArn);
      // Capped backoff: about one call a minute at most, not a storm.
      expect(failed.length, role.name).toBeGreaterThan(5);
      expect(failed.length, role.name).toBeLessThanOrEqual(7 + Math.ceil((to - from) / (BACKOFF.maxMs / 2)));
      const after = world.assumes(role.name).filter((t) => t >= to);
      expect(after[0], role.name).toBeDefined();
      expect((after[0] ?? Number.POSITIVE_INFINITY) - to, role.name).toBeLessThanOrEqual(within);
      expect(after.filter((t) => t < to + 10 * MIN), role.name).toHaveLength(1);
    }
    // The user saw each role expire (1 h sessions, 6 min margin < 20 min), and then it came back.
    expect(world.events.filter((e) => e.type === 'expired')).toHaveLength(9);
    expect(world.engine.state().roles.every((r) => r.status === 'active')).toBe(true);
    const lastRenewal = Math.max(...world.roles().map((r) => world.assumes(r.name).find((t) => t >= to) ?? 0));
    console.log(`20 min outage: all 9 roles renewed ${Math.round((lastRenewal - to) / 1000)} s after the network returned (checkNow: ${checkNow})`);
  });
});

describe('renewal simulation: wall-clock jumps with 9 roles, right after a wave', () => {
  // Timers run on the monotonic clock, so the engine sees a jump at its next timer, at the
  // latest the next renewal (~53 min after a wave of 1 h sessions). Whether the jump matters
  // depends on STS's clock: if it moved too, time really passed (a resume nobody reported);
  // if not, only our clock is wrong and the credentials in the file are as good as before.
  it.each([
    { jump: '+1 h, STS clock too (unreported resume)', ms: H, stsFollows: true },
    { jump: '+1 h, our clock only', ms: H, stsFollows: false },
    { jump: '-1 h, STS clock too', ms: -H, stsFollows: true },
  ])('$jump: caught up at the next timer, one call per role', async ({ ms, stsFollows }) => {
    const world = new SimulationWorld({ extraRoles: 0 });
    await world.activateAll();
    await world.runUntil(55 * MIN);
    const nextTimerIn = (world.time.nextTimerAt() ?? Number.POSITIVE_INFINITY) - world.time.monotonic();
    const callsBefore = world.sts.calls.length;
    await world.jumpWall(ms, stsFollows);
    const landing = world.stsNow();
    await world.runUntil(4 * H);

    const lateness = Math.max(0, ...world.stale.map((s) => s.to - landing));
    expect(world.stale.every((s) => s.from === landing)).toBe(true);
    expect(lateness).toBeLessThanOrEqual(nextTimerIn);
    if (!(ms > 0 && stsFollows)) expect(lateness).toBe(0);
    expect(world.events.some((e) => e.type === 'clock-jump' && Math.sign(e.deltaMs) === Math.sign(ms))).toBe(true);
    for (const role of world.roles()) {
      const at = world.assumes(role.name);
      const gaps = at.slice(1).map((t, i) => t - (at[i] ?? 0));
      // One early renewal per role is the price when only one of the two clocks moved
      // forward, or both moved back (the engine moves its deadlines back with our clock).
      const early = gaps.filter((g) => g < shortestGap(role)).length;
      expect(early, role.name).toBeLessThanOrEqual((ms > 0) !== stsFollows ? 1 : 0);
    }
    // 3 h more of 1 h sessions: ~3-4 renewals each, plus at most one catch-up.
    const calls = world.sts.calls.length - callsBefore;
    expect(calls).toBeLessThanOrEqual(9 * 5);
    console.log(`wall jump ${ms > 0 ? '+' : '-'}1 h (STS clock ${stsFollows ? 'too' : 'unchanged'}): profiles expired for ${Math.round(lateness / 1000)} s; next timer was ${Math.round(nextTimerIn / 1000)} s away; ${calls} calls in 3 h`);
  });

  it('-1 h on our clock only (NTP fixing a fast clock): deadlines move back with it, nothing expires', async () => {
    const world = new SimulationWorld({ extraRoles: 0 });
    await world.activateAll();
    await world.runUntil(55 * MIN);
    await world.jumpWall(-H, false);
    await world.runUntil(4 * H);
    expect(world.staleMs()).toBe(0);
    expect(world.events.some((e) => e.type === 'clock-jump' && e.deltaMs < 0)).toBe(true);
    console.log(`wall jump -1 h (our clock only): profiles expired for ${Math.round(world.staleMs() / 1000)} s by STS's clock`);
  });
});

describe('renewal simulation: idle cost', () => {
  it.each([
    { sessions: '1 h', roleSeconds: 3600 },
    { sessions: '12 h', roleSeconds: 43_200 },
  ])('9 active $sessions sessions: at most one timer callback per deadline in a virtual hour', async ({ roleSeconds }) => {
    const world = new SimulationWorld({ extraRoles: 0, roleSeconds });
    await world.activateAll();
    const from = world.time.now();
    const state = world.engine.state();
    const renewals = state.roles.flatMap((r) => (r.nextRenewalAt !== null && r.nextRenewalAt < from + H ? [r.nextRenewalAt] : []));
    const warnings = state.mfaSessions.flatMap((m) => [900, 300, 0].map((lead) => m.expiresAt - lead * 1000)).filter((t) => t < from + H);
    const deadlines = new Set([...renewals, ...warnings]).size;
    const before = world.time.callbacks;
    await world.runUntil(world.lived() + H);
    const wakes = world.time.callbacks - before;
    expect(wakes).toBeLessThanOrEqual(deadlines);
    if (roleSeconds === 3600) expect(world.events.filter((e) => e.type === 'renewed')).toHaveLength(9);
    else expect(wakes).toBe(0);
    console.log(`idle cost, 9 × ${roleSeconds} s sessions: ${wakes} timer callbacks in 1 h for ${deadlines} deadlines`);
  });
});
