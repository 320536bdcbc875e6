// Our parser's result in the shape botocore's raw_config_parse reports, for the differential
// tests against it: nested blocks as maps, [DEFAULT]'s keys merged into every section.

import { decodeText, encodeText } from '../../electron/core/credentials-file/decode-text.js';
import { DEFAULT_SECTION, type IniDocument, parseIni, pythonStrip, sectionValues } from '../../electron/core/credentials-file/ini-document.js';
import { StsTrayError } from '../../electron/core/errors.js';

export type Parsed = Record<string, Record<string, string | Record<string, string>>>;

/** Our parse of a file named `f`, or the error it refuses the file with. */
export function ourParse(text: string): IniDocument | StsTrayError {
  try {
    return parseIni(decodeText(encodeText(text), 'f'), 'f');
  } catch (error) {
    if (error instanceof StsTrayError) return error;
    throw error;
  }
}

export function ourBotocoreView(doc: IniDocument): Parsed {
  const nested = (value: string) => {
    const map: Record<string, string> = {};
    for (const line of value.split('\n').map(pythonStrip).filter(Boolean)) {
      const eq = line.indexOf('=');
      map[pythonStrip(line.slice(0, eq))] = pythonStrip(line.slice(eq + 1));
    }
    return map;
  };
  const defaults = new Map<string, string>();
  for (const s of doc.sections.filter((s) => s.name === DEFAULT_SECTION)) for (const [k, v] of sectionValues(doc, s)) defaults.set(k, v);
  const view: Parsed = {};
  for (const section of doc.sections.filter((s) => s.name !== DEFAULT_SECTION)) {
    const merged = new Map([...defaults, ...sectionValues(doc, section)]);
    view[section.name] = Object.fromEntries([...merged].map(([k, v]) => [k, v.startsWith('\n') ? nested(v) : v]));
  }
  return view;
}
