import { describe, expect, it } from 'vitest';
import { preferencesSchema } from '../../../electron/contract/config-schema.js';
import { checkPreferencesDraft, draftFromPreferences, type PreferencesDraft } from './preferences-form-model.js';

const defaults = preferencesSchema.parse({});

describe('the preferences form', () => {
  it('shows leads in minutes and saves the whole object back unchanged', () => {
    const draft = draftFromPreferences(defaults);
    expect(draft).toMatchObject({ renewalLeadMinutes: '5', mfaWarningMinutes: '15, 5', clipboardClearSeconds: '30' });
    expect(checkPreferencesDraft(draft).preferences).toEqual(defaults);
  });

  it('keeps a lead that is not a whole minute', () => {
    const odd = { ...defaults, renewalLeadSeconds: 90 };
    expect(checkPreferencesDraft(draftFromPreferences(odd)).preferences).toEqual(odd);
  });

  it('takes commas, spaces and the Japanese comma between warnings; blank means none', () => {
    const draft = draftFromPreferences(defaults);
    expect(checkPreferencesDraft({ ...draft, mfaWarningMinutes: '30、10 5' }).preferences?.mfaWarningLeadSeconds).toEqual([1800, 600, 300]);
    expect(checkPreferencesDraft({ ...draft, mfaWarningMinutes: '' }).preferences?.mfaWarningLeadSeconds).toEqual([]);
  });

  it.each<[string, Partial<PreferencesDraft>, string, string, Record<string, number>]>([
    ['a renewal lead under a minute', { renewalLeadMinutes: '0.5' }, 'renewalLeadMinutes', 'form.atLeastMinutes', { value: 1 }],
    ['a renewal lead over an hour', { renewalLeadMinutes: '61' }, 'renewalLeadMinutes', 'form.atMostMinutes', { value: 60 }],
    ['a clipboard delay of 4 s', { clipboardClearSeconds: '4' }, 'clipboardClearSeconds', 'form.atLeastSeconds', { value: 5 }],
    ['six warnings', { mfaWarningMinutes: '1, 2, 3, 4, 5, 6' }, 'mfaWarningMinutes', 'preferences.tooManyWarnings', { max: 5 }],
    ['a warning of 121 minutes', { mfaWarningMinutes: '121' }, 'mfaWarningMinutes', 'form.atMostMinutes', { value: 120 }],
  ])('%s: the bound in the form’s unit', (_what, change, field, key, params) => {
    const { preferences, problems } = checkPreferencesDraft({ ...draftFromPreferences(defaults), ...change });
    expect(preferences).toBeNull();
    expect(problems).toEqual({ [field]: { key, params } });
  });

  it('asks for a number when there is none', () => {
    const { problems } = checkPreferencesDraft({ ...draftFromPreferences(defaults), clipboardClearSeconds: 'soon' });
    expect(problems).toEqual({ clipboardClearSeconds: { key: 'form.number' } });
  });
});
