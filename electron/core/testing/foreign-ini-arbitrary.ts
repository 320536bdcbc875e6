// fast-check generators of credentials/config files as people and other tools leave them:
// foreign sections, comments (# and ;, indented or not), blank and whitespace-only lines,
// `:` delimiters, upper-case keys, indented sections, nested `s3 =` blocks, continued values,
// [DEFAULT], Japanese text, LF or CRLF or both, with or without a final newline. Every file
// generated is one botocore reads without error, so our parser must accept it too.

import fc from 'fast-check';

export interface ForeignIniOptions {
  /** Section names that must not appear (e.g. the profile a test writes). */
  readonly avoid?: readonly string[];
}

export interface ForeignIniFile {
  readonly text: string;
  readonly sectionNames: readonly string[];
}

const word = fc.stringMatching(/^[a-z][a-z0-9_-]{0,7}$/);
const valueText = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9/+=:.,@#; -]{0,24}$/).map((v) => v.trim()),
  fc.constantFrom('ap-northeast-1', 'json', 'arn:aws:iam::111111111111:role/tes-repository', 'テスト環境', 'a # not a comment', 'x;y'),
);
const commentText = fc.oneof(
  fc.stringMatching(/^[ -~]{0,30}$/),
  fc.constantFrom(' 本番アカウント', ' [looks like a header]', ' key = value', ' managed by someone else'),
);
const space = fc.constantFrom('', ' ', '  ', '\t');
const blank = fc.constantFrom('', ' ', '\t', '   ');

const sectionName = fc.oneof(
  word,
  word.map((w) => `profile ${w}`),
  word.map((w) => `sso-session ${w}`),
  word.map((w) => `services ${w}`),
  fc.constantFrom('default', 'DEFAULT', 'profile default', 'prd-repository', 'stg-repository'),
);

const keyName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/),
  fc.constantFrom('aws_access_key_id', 'AWS_ACCESS_KEY_ID', 'aws_secret_access_key', 'aws_session_token', 'region', 'output', 'x_security_token_expires', 'sso_start_url', 'role_arn', 'source_profile', 's3'),
);
const delimiter = fc.constantFrom(' = ', '=', ' =', '= ', ': ', ':', ' : ');

/** Lines of one setting at `indent`: plain, continued, or a nested block. */
const setting = (indent: string) =>
  fc.tuple(keyName, delimiter, valueText, fc.nat(3), fc.boolean(), fc.array(fc.tuple(word, valueText), { minLength: 1, maxLength: 3 })).map(
    ([key, delim, value, continued, nested, inner]) => {
      if (nested) return { key, lines: [`${indent}${key}${delim.trimEnd()}`, ...inner.map(([k, v]) => `${indent}    ${k} = ${v}`)] };
      const first = `${indent}${key}${delim}${value}`.trimEnd();
      const more = Array.from({ length: value === '' ? 0 : continued }, (_, i) => `${indent}  more-${i} ${value}`.trimEnd());
      return { key, lines: [first, ...more] };
    },
  );

const filler = fc.oneof(
  blank,
  fc.tuple(space, fc.constantFrom('#', ';'), commentText).map(([s, c, t]) => `${s}${c}${t}`),
);

const section = (name: string) =>
  fc
    .tuple(
      fc.constantFrom('', '', ' # trailing comment', ' ; note'),
      fc.constantFrom('', '', '', '  '),
      fc.array(fc.tuple(fc.array(filler, { maxLength: 2 }), fc.constant(null)), { maxLength: 4 }),
    )
    .chain(([headerComment, indent, slots]) =>
      fc.tuple(...slots.map(() => setting(indent))).map((settings) => {
        const seen = new Set<string>();
        const lines = [`[${name}]${headerComment}`];
        settings.forEach((s, i) => {
          if (seen.has(s.key.toLowerCase())) return; // configparser refuses a key twice
          seen.add(s.key.toLowerCase());
          lines.push(...(slots[i]?.[0] ?? []), ...s.lines);
        });
        return lines;
      }),
    );

/** A whole foreign file as text, with the names of its sections. */
export function foreignIniFile(options: ForeignIniOptions = {}): fc.Arbitrary<ForeignIniFile> {
  const avoid = new Set(options.avoid ?? []);
  return fc
    .tuple(
      fc.uniqueArray(sectionName.filter((n) => !avoid.has(n)), { maxLength: 6 }),
      fc.array(filler, { maxLength: 3 }),
      fc.constantFrom<'\n' | '\r\n' | 'mixed'>('\n', '\r\n', 'mixed'),
      fc.boolean(),
      fc.array(filler, { maxLength: 2 }),
    )
    .chain(([names, preamble, eol, finalNewline, tail]) =>
      fc.tuple(...names.map(section)).map((sections) => {
        const lines = [...preamble, ...sections.flat(), ...tail];
        const text = lines
          .map((line, i) => line + (i === lines.length - 1 && !finalNewline ? '' : eol === 'mixed' ? (i % 3 === 0 ? '\r\n' : '\n') : eol))
          .join('');
        return { text, sectionNames: names };
      }),
    );
}
