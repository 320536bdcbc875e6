import { describe, expect, it } from 'vitest';
import { keysOf, matches, render, step, type PickerState } from './role-picker.js';

const ROLES = [
  { name: 'tes', env: 'tes' },
  { name: 'stg', env: 'stg' },
  { name: 'prd', env: 'prd' },
  { name: 'prd-admin', env: 'prd' },
  { name: 'sandbox', env: 'other' },
];
const start: PickerState = { roles: ROLES, filter: '', index: 0 };

/** Feeds raw terminal input through the picker, as the terminal would send it. */
function type(input: string, state = start) {
  let current = state;
  for (const key of keysOf(input)) {
    const next = step(current, key);
    if (!('state' in next)) return next;
    current = next.state;
  }
  return { state: current };
}

describe('the role picker', () => {
  it('Enter picks the highlighted role; arrows move and wrap around', () => {
    expect(type('\r')).toEqual({ chosen: 'tes' });
    expect(type('\u001b[B\u001b[B\r')).toEqual({ chosen: 'prd' });
    expect(type('\u001b[A\r')).toEqual({ chosen: 'sandbox' });
    expect(type('\u000e\u0010\u0010\r')).toEqual({ chosen: 'sandbox' }); // Ctrl-N, Ctrl-P
  });

  it('typing filters by name or environment, every word must match; backspace widens again', () => {
    expect(matches({ ...start, filter: 'prd' }).map((r) => r.name)).toEqual(['prd', 'prd-admin']);
    expect(type('prd adm\r')).toEqual({ chosen: 'prd-admin' });
    expect(type('other\r')).toEqual({ chosen: 'sandbox' });
    expect(type('xyz\u007f\u007f\u007fst\r')).toEqual({ chosen: 'stg' });
  });

  it('Enter with nothing matching chooses nothing; Esc and Ctrl-C cancel', () => {
    expect(type('nothing\r')).toMatchObject({ state: { filter: 'nothing' } });
    expect(type('\u001b')).toEqual({ cancelled: true });
    expect(type('pr\u0003')).toEqual({ cancelled: true });
  });

  it('shows the filter, the matches with the highlighted one marked, PRD in capitals', () => {
    expect(render({ ...start, filter: 'prd', index: 1 })).toEqual([
      'role (type to filter, ↑/↓, Enter; Esc cancels): prd',
      '  prd  PRD',
      '> prd-admin  PRD',
    ]);
    expect(render({ ...start, filter: 'zzz' })).toContain('  no role matches');
  });

  it('keeps the highlighted row in view in a long list', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `role${i}`, env: 'tes' }));
    const lines = render({ roles: many, filter: '', index: 25 }, 10);
    expect(lines).toHaveLength(11);
    expect(lines).toContain('> role25  tes');
  });
});
