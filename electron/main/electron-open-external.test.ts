import { describe, expect, it } from 'vitest';
import { electronOpenExternal } from './electron-open-external.js';

describe('electronOpenExternal', () => {
  it('opens an https sign-in page and refuses every other scheme', async () => {
    const opened: string[] = [];
    const refused: string[] = [];
    const open = electronOpenExternal(
      (url) => {
        opened.push(url);
        return Promise.resolve();
      },
      (reason) => refused.push(reason),
    );
    open('https://device.sso.ap-northeast-1.amazonaws.com/?user_code=BCDF-GHJK');
    open('file:///etc/passwd');
    open('http://example.com/');
    open('not a url');
    await Promise.resolve();
    expect(opened).toEqual(['https://device.sso.ap-northeast-1.amazonaws.com/?user_code=BCDF-GHJK']);
    expect(refused).toHaveLength(3);
  });

  it('reports a browser that could not be started instead of an unhandled rejection', async () => {
    const refused: string[] = [];
    electronOpenExternal(() => Promise.reject(new Error('no browser')), (reason) => refused.push(reason))('https://x.example/');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(refused).toEqual(['no browser']);
  });
});
