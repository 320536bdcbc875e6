// Edits of a parsed file addressed by its original line numbers: change a line's text or
// ending, drop it, insert new lines after it or at the end. Several section edits can then be
// applied one after another to the lines as read, giving the text that editing and re-parsing
// after each would give, and the result is rendered in one pass. This keeps a write of many
// profiles (a renewal wave) linear in the size of the file.

import type { LineEnding, TextLine } from './text-lines.js';

/** A line of the result; its ending changes only through LineEdits.setEol. */
export interface EditedLine {
  readonly text: string;
  readonly eol: LineEnding;
}

interface Row {
  text: string;
  eol: LineEnding;
}

export class LineEdits {
  private readonly rows: Row[];
  /** Union-find over dropped lines: follows to the nearest kept line at or before an index. */
  private readonly keptAtOrBefore: Int32Array;
  private readonly after = new Map<number, Row[]>();
  private readonly tail: Row[] = [];
  private crlf = 0;
  private lf = 0;

  constructor(lines: readonly TextLine[]) {
    this.rows = lines.map((line) => ({ text: line.text, eol: line.eol }));
    this.keptAtOrBefore = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i += 1) this.keptAtOrBefore[i] = i;
    for (const row of this.rows) this.count(row.eol, 1);
  }

  /** The ending new lines use: the one most lines of the current text use (LF when tied). */
  eol(): '\n' | '\r\n' {
    return this.crlf > this.lf ? '\r\n' : '\n';
  }

  /** Line `index` as read (with its current text and ending). */
  line(index: number): EditedLine {
    const row = this.rows[index];
    if (row === undefined) throw new RangeError(`no line ${index}`);
    return row;
  }

  setText(index: number, text: string): void {
    this.row(index).text = text;
  }

  /** Changes the ending of a line this LineEdits gave out (line() or lastLine()). */
  setEol(line: EditedLine, eol: LineEnding): void {
    const row = line as Row;
    this.count(row.eol, -1);
    row.eol = eol;
    this.count(eol, 1);
  }

  isDropped(index: number): boolean {
    return this.keptAtOrBefore[index] !== index;
  }

  drop(index: number): void {
    if (this.isDropped(index)) return;
    this.count(this.row(index).eol, -1);
    this.keptAtOrBefore[index] = index - 1;
    const inserted = this.after.get(index);
    if (inserted) for (const row of inserted) this.count(row.eol, -1);
    this.after.delete(index);
  }

  /** The nearest kept line before `index` as read, or -1. */
  keptBefore(index: number): number {
    return this.find(index - 1);
  }

  /** Whether any line as read after `index` is still kept. */
  keptAfter(index: number): boolean {
    return this.find(this.rows.length - 1) > index;
  }

  /** New lines right after line `index` as read (which must be kept). */
  insertAfter(index: number, lines: readonly TextLine[]): void {
    const rows = this.after.get(index) ?? [];
    for (const line of lines) {
      rows.push({ text: line.text, eol: line.eol });
      this.count(line.eol, 1);
    }
    this.after.set(index, rows);
  }

  append(lines: readonly TextLine[]): void {
    for (const line of lines) {
      this.tail.push({ text: line.text, eol: line.eol });
      this.count(line.eol, 1);
    }
  }

  /** The last line of the current text, or undefined when it has none. */
  lastLine(): EditedLine | undefined {
    const appended = this.tail.at(-1);
    if (appended) return appended;
    const last = this.find(this.rows.length - 1);
    if (last === -1) return undefined;
    return this.after.get(last)?.at(-1) ?? this.rows[last];
  }

  render(): TextLine[] {
    const out: TextLine[] = [];
    this.rows.forEach((row, i) => {
      if (this.isDropped(i)) return;
      out.push({ text: row.text, eol: row.eol });
      for (const added of this.after.get(i) ?? []) out.push({ text: added.text, eol: added.eol });
    });
    for (const row of this.tail) out.push({ text: row.text, eol: row.eol });
    return out;
  }

  private row(index: number): Row {
    const row = this.rows[index];
    if (row === undefined) throw new RangeError(`no line ${index}`);
    return row;
  }

  private count(eol: LineEnding, delta: number): void {
    if (eol === '\r\n') this.crlf += delta;
    else if (eol === '\n') this.lf += delta;
  }

  /** Nearest kept index at or before `index` (-1 if none), compressing the path as it goes. */
  private find(index: number): number {
    let root = index;
    while (root >= 0 && this.keptAtOrBefore[root] !== root) root = this.keptAtOrBefore[root] ?? -1;
    for (let i = index; i > root; ) {
      const next = this.keptAtOrBefore[i] ?? -1;
      this.keptAtOrBefore[i] = root;
      i = next;
    }
    return root;
  }
}
