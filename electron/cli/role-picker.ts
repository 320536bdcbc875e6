// The role picker's state, free of the terminal: a filter typed by the person, the roles that
// match it, and the highlighted one. Keys go in, a new state (or a choice) comes out, and
// the screen is a pure function of the state, so all of it is tested without a terminal.

export interface PickerRole {
  readonly name: string;
  readonly env: string;
}

export interface PickerState {
  readonly roles: readonly PickerRole[];
  readonly filter: string;
  /** Index into the matches. */
  readonly index: number;
}

export type PickerKey = { readonly kind: 'up' | 'down' | 'enter' | 'cancel' | 'backspace' } | { readonly kind: 'text'; readonly text: string };

export type PickerStep = { readonly state: PickerState } | { readonly chosen: string } | { readonly cancelled: true };

/** Roles whose name or environment contains every typed word, in their configured order. */
export function matches(state: PickerState): PickerRole[] {
  const words = state.filter.toLowerCase().split(/\s+/).filter(Boolean);
  return state.roles.filter((r) => words.every((w) => `${r.name} ${r.env}`.toLowerCase().includes(w)));
}

export function step(state: PickerState, key: PickerKey): PickerStep {
  const found = matches(state);
  switch (key.kind) {
    case 'cancel':
      return { cancelled: true };
    case 'enter': {
      const role = found[state.index];
      return role ? { chosen: role.name } : { state };
    }
    case 'up':
      return { state: { ...state, index: found.length === 0 ? 0 : (state.index - 1 + found.length) % found.length } };
    case 'down':
      return { state: { ...state, index: found.length === 0 ? 0 : (state.index + 1) % found.length } };
    case 'backspace':
      return { state: { ...state, filter: state.filter.slice(0, -1), index: 0 } };
    case 'text':
      return { state: { ...state, filter: state.filter + key.text, index: 0 } };
  }
}

/** The keys in a chunk of terminal input (raw mode). */
export function keysOf(chunk: string): PickerKey[] {
  const keys: PickerKey[] = [];
  for (let i = 0; i < chunk.length; i += 1) {
    const rest = chunk.slice(i);
    if (rest.startsWith('\u001b[A') || rest.startsWith('\u001bOA')) {
      keys.push({ kind: 'up' });
      i += 2;
    } else if (rest.startsWith('\u001b[B') || rest.startsWith('\u001bOB')) {
      keys.push({ kind: 'down' });
      i += 2;
    } else {
      const ch = chunk[i] ?? '';
      if (ch === '\r' || ch === '\n') keys.push({ kind: 'enter' });
      else if (ch === '\u0003' || ch === '\u0004' || ch === '\u001b') keys.push({ kind: 'cancel' });
      else if (ch === '\u007f' || ch === '\b') keys.push({ kind: 'backspace' });
      else if (ch === '\u0010') keys.push({ kind: 'up' }); // Ctrl-P
      else if (ch === '\u000e') keys.push({ kind: 'down' }); // Ctrl-N
      else if (ch >= ' ') keys.push({ kind: 'text', text: ch });
    }
  }
  return keys;
}

/** The picker's lines: the prompt with the filter, then the matches, the highlighted one marked. */
export function render(state: PickerState, maxRows = 12): string[] {
  const found = matches(state);
  const start = Math.max(0, Math.min(state.index - Math.floor(maxRows / 2), found.length - maxRows));
  const shown = found.slice(start, start + maxRows).map((r, i) => {
    const mark = start + i === state.index ? '>' : ' ';
    return `${mark} ${r.name}${r.env === 'prd' ? '  PRD' : r.env === 'other' ? '' : `  ${r.env}`}`;
  });
  return [`role (type to filter, ↑/↓, Enter; Esc cancels): ${state.filter}`, ...(shown.length > 0 ? shown : ['  no role matches'])];
}
