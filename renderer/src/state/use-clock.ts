// Main's "now" for countdowns, re-rendering once a second. Only the display ticks: data still
// arrives by events. `offset` is main's clock minus ours (see use-app-view.ts). The time is
// read at render, not kept from the last tick, so a view that just arrived is never
// measured against a clock up to a second old (a fresh 1 h session would read "1:00:01").
// Only the views that count down use it, so the forms and dialogs do not re-render each second.

import { useEffect, useState } from 'react';

export function useClock(offset: number): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return Date.now() + offset;
}
