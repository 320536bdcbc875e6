import { describe, expect, it } from 'vitest';
import { DeferredMenu } from './deferred-menu.js';

describe('DeferredMenu', () => {
  it('sets a menu at once while closed', () => {
    const set: string[] = [];
    const menu = new DeferredMenu<string>((m) => set.push(m));
    menu.offer('09:00');
    expect(set).toEqual(['09:00']);
  });

  it('while open, holds every new menu back and sets only the newest once it closes', () => {
    const set: string[] = [];
    const menu = new DeferredMenu<string>((m) => set.push(m));
    menu.offer('09:00');
    menu.opened();
    menu.offer('09:01');
    menu.offer('09:02');
    expect(set).toEqual(['09:00']);
    menu.closed();
    expect(set).toEqual(['09:00', '09:02']);
    menu.closed();
    expect(set).toEqual(['09:00', '09:02']);
  });
});
