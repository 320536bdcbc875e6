import { describe, expect, it } from 'vitest';
import { checkConsoleDraft } from './console-form-model.js';

describe('checkConsoleDraft', () => {
  it('turns minutes into seconds and keeps the target and destination', () => {
    expect(checkConsoleDraft({ target: 'role:tes', destination: ' s3 ', minutes: '60' })).toEqual({
      ok: true,
      request: { name: 'tes', identity: false, destination: 's3', durationSeconds: 3600 },
    });
    expect(checkConsoleDraft({ target: 'identity:dev', destination: '', minutes: '15' })).toMatchObject({ ok: true, request: { identity: true, durationSeconds: 900 } });
  });

  it.each(['14', '721', '1.5', '', 'abc'])('refuses %j minutes with the core rule', (minutes) => {
    expect(checkConsoleDraft({ target: 'role:tes', destination: '', minutes })).toMatchObject({ ok: false, field: 'minutes', message: expect.stringMatching(/15 minutes to 12 hours/) as string });
  });
});
