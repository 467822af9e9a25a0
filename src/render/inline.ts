/**
 * The user's text becomes paragraphs of runs. One rule for every flowing text (README,
 * "Viết văn bản dài trong YAML"), whatever the YAML scalar style (the reader restores the lines
 * as typed, see read/flow.ts):
 *  - a single newline, with the spaces around it, is one space;
 *  - a blank line starts a new paragraph; spaces and newlines at a paragraph's start and end are
 *    not content (so a block scalar's final newline prints nothing);
 *  - a backslash right before a newline is a line break inside the paragraph (as in CommonMark);
 *  - **bold**, *italic*, ^[footnote], H~2~O subscript, m^3^ superscript (as pandoc: no space
 *    inside, so "5 ~ 10" and a lone "^" stay text); `\*` `\^` `\~` `\[` `\]` `\<` `\\` print the character
 *    itself (`<ma>` is a reference, printed as its label by normalize/references.ts);
 *  - `^[note]{#id}` gives a footnote an id, and `<id>` cites that footnote again: a run `cite`
 *    that render/notes.ts turns into the note's number once the whole document is known.
 * A mark without its closing partner is kept as literal text. A footnote inside a footnote is a
 * problem the normalize stage reports (Word has no notes in notes).
 *
 * Every mark is matched through tables built once per text (escapes, bracket pairs, sorted closing
 * positions), so parsing is O(n log n) in the text's length, whatever the text.
 */
import type { Paragraphs, Run } from "../model/document.js";
import { isBlankOrCr, joinLines } from "../lines.js";

interface Style {
  bold: boolean;
  italic: boolean;
  vertical?: "sub" | "sup";
}

/** A footnote's id (`{#id}` after its "]"), and where the id starts in the text. */
export interface NoteId {
  id: string;
  offset: number;
}

/** `{#id}` right after a footnote's "]"; `<id>` a citation (the id syntax of normalize/references.ts). */
const NOTE_ID = /\{#([a-z][a-z0-9_-]*)\}/y;
const CITE = /<([a-z][a-z0-9_-]*)>/y;

/** The match of a sticky pattern at `at` if it ends by `to`. */
function matchAt(re: RegExp, s: string, at: number, to: number): RegExpExecArray | null {
  re.lastIndex = at;
  const m = re.exec(s);
  return m && at + m[0].length <= to ? m : null;
}

export interface TextProblem {
  kind: "nested-footnote" | "blank-line";
  /** Offset in the text where the problem starts. */
  offset: number;
}

/** Characters a backslash makes literal; a backslash before a newline is a line break. */
const ESCAPABLE = "*^~[]<\\\n";
const isSpace = (c: string | undefined): boolean => c !== undefined && /\s/.test(c);
const isBlank = (c: string | undefined): boolean => c === " " || c === "\t" || c === "\r";

/** The first value of a sorted list that is >= from, or -1. */
function firstFrom(sorted: number[], from: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length ? sorted[lo]! : -1;
}

/** What a text's marks are, computed in one pass. */
class Marks {
  /** 1 where a backslash escapes the next character. */
  readonly escape: Uint8Array;
  /** For an unescaped "[", the offset of its "]" (or -1). */
  readonly bracket: Int32Array;
  /** Where a "*" may close italic, and "**" bold, in order. */
  readonly closeItalic: number[] = [];
  readonly closeBold: number[] = [];
  /** Unescaped "^" and "~", in order: where a superscript or subscript may close. */
  readonly carets: number[] = [];
  readonly tildes: number[] = [];
  /** spaces[i]: how many whitespace characters come before offset i (a sub/superscript has none). */
  readonly spaces: Int32Array;

  constructor(readonly s: string) {
    const n = s.length;
    this.escape = new Uint8Array(n);
    this.bracket = new Int32Array(n).fill(-1);
    const open: number[] = [];
    let stars = 0;
    this.spaces = new Int32Array(n + 1);
    for (let i = 0; i < n; i++) this.spaces[i + 1] = this.spaces[i]! + (isSpace(s[i]) ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const c = s[i]!;
      if (c === "\\" && i + 1 < n && ESCAPABLE.includes(s[i + 1]!)) {
        this.escape[i] = 1;
        i++;
        stars = 0;
        continue;
      }
      if (c === "^") this.carets.push(i);
      else if (c === "~") this.tildes.push(i);
      if (c === "[") open.push(i);
      else if (c === "]" && open.length) this.bracket[open.pop()!] = i;
      if (c !== "*") {
        stars = 0;
        continue;
      }
      stars++;
      // a closing mark follows text, as in Markdown: "2 * 3" has no emphasis
      const afterText = i > 0 && !isSpace(s[i - 1]);
      if (afterText && s[i + 1] === "*") this.closeBold.push(i);
      // in a run of stars, pairs are bold: a single "*" closes only at an odd count
      if (afterText && s[i + 1] !== "*" && stars % 2 === 1) this.closeItalic.push(i);
    }
  }

  /** The "]" of a footnote "^[" at i, if it closes before `end`. */
  footnoteEnd(i: number, end: number): number {
    const e = this.bracket[i + 1]!;
    return e > 0 && e < end ? e : -1;
  }

  /** The closing "^" or "~" of a superscript or subscript opened at i, if it closes before `end` with no space inside. */
  verticalEnd(i: number, end: number): number {
    const e = firstFrom(this.s[i] === "^" ? this.carets : this.tildes, i + 1);
    return e > i + 1 && e < end && this.spaces[e] === this.spaces[i + 1] ? e : -1;
  }

  /** The end of a blank line starting with the newline at i (the next non-space), or -1. */
  blankLineEnd(i: number, end: number): number {
    let j = i + 1;
    while (j < end && isBlank(this.s[j])) j++;
    if (j >= end || this.s[j] !== "\n") return -1;
    while (j < end && isSpace(this.s[j])) j++;
    return j;
  }

  /**
   * Splits [from, to) at blank lines that are not inside a footnote, each part trimmed;
   * empty parts are left out.
   */
  paragraphs(from: number, to: number): [number, number][] {
    const out: [number, number][] = [];
    const add = (a: number, b: number): void => {
      while (a < b && isSpace(this.s[a])) a++;
      while (b > a && isSpace(this.s[b - 1])) b--;
      if (b > a) out.push([a, b]);
    };
    let start = from;
    for (let i = from; i < to; i++) {
      const c = this.s[i];
      if (this.escape[i] && this.s[i + 1] !== "\n") i++;
      else if (c === "^" && this.s[i + 1] === "[") {
        const e = this.footnoteEnd(i, to);
        if (e > 0) i = e;
      } else if (c === "\n") {
        const e = this.blankLineEnd(i, to);
        if (e > 0) {
          add(start, i);
          start = e;
          i = e - 1;
        }
      }
    }
    add(start, to);
    return out;
  }
}

class Parser {
  constructor(
    private readonly m: Marks,
    private readonly problems: TextProblem[],
    private readonly notes: NoteId[] = [],
  ) {}

  /** The paragraphs of [from, to); inFootnote when they are a footnote's text. */
  paragraphs(from: number, to: number, st: Style, inFootnote: boolean): Paragraphs {
    return this.m.paragraphs(from, to).map(([a, b]) => {
      const out: Run[] = [];
      this.runs(a, b, st, out, inFootnote);
      return out;
    });
  }

  private runs(from: number, to: number, st: Style, out: Run[], inFootnote: boolean): void {
    const s = this.m.s;
    let buf = "";
    let pendingBreak = false;
    const flush = (): void => {
      if (buf || pendingBreak) push(out, buf, st, pendingBreak);
      buf = "";
      pendingBreak = false;
    };
    for (let i = from; i < to; i++) {
      const c = s[i]!;
      if (c === "\\" && i + 1 < to && this.m.escape[i]) {
        if (s[i + 1] === "\n") {
          // line break: the spaces around it are not content (trimmed once a break, buf then restarts)
          buf = buf.trimEnd();
          flush();
          pendingBreak = true;
          i = skipBlanks(s, i + 2, to) - 1;
        } else buf += s[++i];
        continue;
      }
      if (c === "\n" || isBlank(c)) {
        const j = skipBlanks(s, i, to);
        if (j < to && s[j] === "\n") {
          // a single newline, with the spaces around it, is one space (spaces before it never
          // reach buf: they are read here, at their first), appended so the work stays linear
          buf += " ";
          i = skipBlanks(s, j + 1, to) - 1;
        } else {
          buf += s.slice(i, j);
          i = j - 1;
        }
        continue;
      }
      if (c === "^" && s[i + 1] === "[") {
        let end = this.m.footnoteEnd(i, to);
        if (end > 0) {
          if (inFootnote) {
            // one problem for the outermost inner note; its words are kept as typed (the build stops anyway)
            this.problems.push({ kind: "nested-footnote", offset: i });
            buf += s.slice(i, end + 1);
          } else {
            flush();
            const run: Run = { text: "", footnote: this.paragraphs(i + 2, end, { bold: false, italic: false }, true) };
            const id = matchAt(NOTE_ID, s, end + 1, to);
            if (id) {
              run.noteId = id[1]!;
              this.notes.push({ id: id[1]!, offset: end + 3 });
              end += id[0].length;
            }
            out.push(run);
          }
          i = end;
          continue;
        }
      }
      if (c === "<") {
        const cite = matchAt(CITE, s, i, to);
        if (cite) {
          // kept as typed until the document is known: a <ma> of a section is printed by normalize, never seen here
          flush();
          out.push({ text: cite[0], cite: cite[1]!, ...styleOf(st) });
          i += cite[0].length - 1;
          continue;
        }
      }
      // "^[" is the footnote's syntax, closed or not, never a superscript "["
      if (c === "~" || (c === "^" && s[i + 1] !== "[")) {
        const end = this.m.verticalEnd(i, to);
        if (end > 0) {
          flush();
          this.runs(i + 1, end, { ...st, vertical: c === "^" ? "sup" : "sub" }, out, inFootnote);
          i = end;
          continue;
        }
      }
      if (c === "*") {
        const bold = s[i + 1] === "*";
        const len = bold ? 2 : 1;
        // an opening mark precedes text
        const opens = i + len < to && !isSpace(s[i + len]);
        const end = opens ? firstFrom(bold ? this.m.closeBold : this.m.closeItalic, i + len) : -1;
        if (end > i + len && end + len <= to) {
          flush();
          this.runs(i + len, end, bold ? { ...st, bold: true } : { ...st, italic: true }, out, inFootnote);
          i = end + len - 1;
          continue;
        }
      }
      buf += c;
    }
    flush();
  }
}

function skipBlanks(s: string, i: number, to: number): number {
  while (i < to && isBlank(s[i])) i++;
  return i;
}

/** A style's run properties (only those set). */
function styleOf(st: Style): Partial<Run> {
  const out: Partial<Run> = {};
  if (st.bold) out.bold = true;
  if (st.italic) out.italic = true;
  if (st.vertical) out.vertical = st.vertical;
  return out;
}

function push(out: Run[], text: string, st: Style, breakBefore = false): void {
  if (!text && !breakBefore) return;
  const last = out[out.length - 1];
  if (last && !last.footnote && last.cite === undefined && !breakBefore && !!last.bold === st.bold && !!last.italic === st.italic && last.vertical === st.vertical) {
    last.text += text;
    return;
  }
  const run: Run = { text, ...styleOf(st) };
  if (breakBefore) run.breakBefore = true;
  out.push(run);
}

/** Characters that can start a mark or change the flow; most texts have none. */
const MARK = /[\\\n^*~<]/;

/** The paragraphs of a text with its inline marks applied on top of a base style, and its problems. */
export function parseText(text: string, base: Partial<Style> = {}): { paragraphs: Paragraphs; problems: TextProblem[]; notes: NoteId[] } {
  const st = { bold: !!base.bold, italic: !!base.italic };
  const problems: TextProblem[] = [];
  const notes: NoteId[] = [];
  if (!MARK.test(text)) {
    const t = text.trim();
    return { paragraphs: t ? [[push1(t, st)]] : [], problems, notes };
  }
  // most texts with lines (a block scalar, a hard-wrapped source) have no mark: the flow rule alone
  if (!INLINE_MARK.test(text)) return { paragraphs: flowOnly(text, st), problems, notes };
  return { paragraphs: new Parser(new Marks(text), problems, notes).paragraphs(0, text.length, st, false), problems, notes };
}

/** Characters that start an inline mark, an escape or a citation (a newline alone only changes the flow). */
const INLINE_MARK = /[\\^*~<]/;

/**
 * The text-flow rule on a text without marks, as the parser applies it: a blank line (a newline,
 * blanks, a newline) ends a paragraph; a paragraph's ends are trimmed; a newline with the blanks
 * around it is one space. One run a paragraph. Linear; test/textflow.test.ts compares it with the parser.
 */
function flowOnly(text: string, st: Style): Paragraphs {
  const out: Paragraphs = [];
  for (const p of text.split(BLANK_LINE)) {
    const t = p.trim();
    if (t) out.push([push1(joinLines(t, " ", isBlankOrCr, isBlankOrCr), st)]);
  }
  return out;
}

const BLANK_LINE = /\n[ \t\r]*\n\s*/;

/** The parser's result, for tests that compare flowOnly with it. */
export function parsedWithMarks(text: string): Paragraphs {
  return new Parser(new Marks(text), []).paragraphs(0, text.length, { bold: false, italic: false }, false);
}

function push1(text: string, st: Style): Run {
  const out: Run[] = [];
  push(out, text, st);
  return out[0]!;
}

/** The paragraphs of a text (see parseText). */
export function paragraphs(text: string, base: Partial<Style> = {}): Paragraphs {
  return parseText(text, base).paragraphs;
}

/**
 * A title's lines (the trích yếu): one paragraph, so a blank line is a problem; a backslash
 * before a newline starts a new line; any other newline is a space. Marks are not read in titles.
 */
export function titleLines(text: string): { lines: string[]; problems: TextProblem[] } {
  const problems: TextProblem[] = [];
  const lines: string[] = [];
  const lead = text.length - text.trimStart().length;
  const s = text.trim();
  let line = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && s[i + 1] === "\\") {
      line += "\\\\";
      i++;
    } else if (c === "\\" && s[i + 1] === "\n") {
      lines.push(line.trim());
      line = "";
      i++;
    } else if (c === "\n") {
      let j = skipBlanks(s, i + 1, s.length);
      if (s[j] === "\n") {
        problems.push({ kind: "blank-line", offset: lead + i + 1 });
        while (j < s.length && isSpace(s[j])) j++;
      }
      line = line.trimEnd() + " ";
      i = j - 1;
    } else line += c;
  }
  lines.push(line.trim());
  return { lines: lines.filter(Boolean), problems };
}

/** Whether a run is a footnote's mark, new or cited again, rather than text. */
export const isNoteMark = (r: Run): boolean => r.footnote !== undefined || r.cite !== undefined || r.noteRef !== undefined;

/** The text of runs without marks (footnotes and their citations left out); a line break is "\n". */
export function plain(runs: Run[]): string {
  return runs.map((r) => (isNoteMark(r) ? "" : (r.breakBefore ? "\n" : "") + r.text)).join("");
}
