// The environment an imported role probably belongs to, guessed from its profile name and its
// role's name the way our users name them (`tes-repository`, `prd-deployer`, `stg`). Only a
// guess: import shows it and the user can change it.

import type { Environment } from '../model.js';

const WORDS: readonly (readonly [Environment, RegExp])[] = [
  ['prd', /^(prd|prod|production)$/],
  ['stg', /^(stg|stage|staging)$/],
  ['tes', /^(tes|test|testing)$/],
];

function fromName(name: string): Environment | null {
  const words = name.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // The first word decides ("prd-repository"), then the last ("repository-prd").
  for (const word of [words[0], words[words.length - 1]]) {
    if (word === undefined) continue;
    for (const [env, pattern] of WORDS) if (pattern.test(word)) return env;
  }
  return null;
}

export function guessEnvironment(profile: string, roleArn?: string): Environment {
  const roleName = roleArn?.split('/').pop();
  return fromName(profile) ?? (roleName === undefined ? null : fromName(roleName)) ?? 'other';
}
