// The app's view from main: fetched once, then replaced by every 'state' event (no polling).
// Main's clock may differ from ours, so the offset between them is kept for countdowns.

import { useEffect, useState } from 'react';
import type { AppError } from '../../../electron/contract/result.js';
import type { AppView } from '../../../electron/contract/views.js';
import { onState, request, stsTray } from '../api.js';

export interface AppViewState {
  readonly view: AppView | null;
  /** main's clock − ours, measured when the view arrived. */
  readonly offset: number;
  /** No `window.stsTray`: the page was opened outside the app. */
  readonly disconnected: boolean;
  /** The first view could not be fetched (and no event has brought one). */
  readonly loadError: AppError | null;
}

export function useAppView(): AppViewState {
  const [state, setState] = useState<AppViewState>(() => ({
    view: null,
    offset: 0,
    disconnected: stsTray() === null,
    loadError: null,
  }));

  useEffect(() => {
    let live = true;
    let newest = Number.NEGATIVE_INFINITY;
    // An event can overtake the answer to 'state:get'; the view made last (by main's clock) wins.
    const accept = (view: AppView) => {
      if (!live || view.now < newest) return;
      newest = view.now;
      setState({ view, offset: view.now - Date.now(), disconnected: false, loadError: null });
    };
    const unsubscribe = onState(accept);
    void request('state:get', {}).then((result) => {
      if (result.ok) accept(result.value);
      else if (live && newest === Number.NEGATIVE_INFINITY) setState((s) => ({ ...s, loadError: result.error }));
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  return state;
}
