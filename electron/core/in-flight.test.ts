import { describe, expect, it } from 'vitest';
import { InFlight } from './in-flight.js';

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('InFlight', () => {
  it('shares one call among callers of the same key while it runs', async () => {
    const calls = new InFlight<number>();
    const gate = deferred<number>();
    let started = 0;
    const start = () => {
      started += 1;
      return gate.promise;
    };
    const a = calls.run('tes', start);
    const b = calls.run('tes', start);
    expect(calls.get('tes')).toBe(a);
    gate.resolve(7);
    expect(await Promise.all([a, b])).toEqual([7, 7]);
    expect(started).toBe(1);
  });

  it('keeps keys apart and starts afresh once a call settled, also after a failure', async () => {
    const calls = new InFlight<string>();
    let started = 0;
    await expect(
      calls.run('tes', () => {
        started += 1;
        return Promise.reject(new Error('network'));
      }),
    ).rejects.toThrow('network');
    expect(calls.get('tes')).toBeUndefined();
    expect(await calls.run('tes', async () => `again ${++started}`)).toBe('again 2');
    expect(await calls.run('stg', async () => 'other')).toBe('other');
  });
});
