import { describe, expect, it } from 'vitest';
import { guessEnvironment } from './environment-guess.js';

describe('guessEnvironment', () => {
  it.each([
    ['tes-repository', undefined, 'tes'],
    ['stg-repository', undefined, 'stg'],
    ['prd-repository', undefined, 'prd'],
    ['repository-prd', undefined, 'prd'],
    ['PRD_admin', undefined, 'prd'],
    ['prod', undefined, 'prd'],
    ['staging', undefined, 'stg'],
    ['test', undefined, 'tes'],
    ['deploy', 'arn:aws:iam::222222222222:role/tes-deployer', 'tes'],
    ['deploy', 'arn:aws:iam::222222222222:role/path/prd-deployer', 'prd'],
    ['testament', undefined, 'other'],
    ['my-prd-thing', undefined, 'other'],
    ['hub', 'arn:aws:iam::222222222222:role/admin', 'other'],
  ])('%s (%s) -> %s', (profile, arn, env) => {
    expect(guessEnvironment(profile, arn)).toBe(env);
  });
});
