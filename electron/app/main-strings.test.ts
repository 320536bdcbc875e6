import { describe, expect, it } from 'vitest';
import { mainStrings } from './main-strings.js';

describe('mainStrings', () => {
  it('has every text in both languages (no English left in the Japanese menu actions)', () => {
    const en = mainStrings('en', '');
    const ja = mainStrings('ja', '');
    for (const key of ['renewNow', 'open', 'signOutAll', 'quit', 'copyExports', 'empty', 'noActiveRole'] as const) {
      expect(ja[key]).not.toBe(en[key]);
      expect(ja[key]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
    const question = (strings: typeof en) => strings.confirmPrd('prd', 'arn:aws:iam::444444444444:role/prd', ['prd']);
    for (const key of ['title', 'confirmLabel', 'cancelLabel'] as const) {
      expect(question(ja)[key]).not.toBe(question(en)[key]);
      expect(question(ja)[key]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    }
  });
});
