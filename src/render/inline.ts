/**
 * Inline marks inside the user's text: **bold**, *italic*, ^[footnote], \n line breaks.
 * A mark without its closing partner is kept as literal text.
 */
import type { Run } from "../model/document.js";

interface Style {
  bold: boolean;
  italic: boolean;
}

function closing(s: string, from: number, mark: string): number {
  for (let i = from; i < s.length; i++) {
    if (s[i] === "\\") {
      i++;
      continue;
    }
    if (s.startsWith(mark, i)) {
      // "*" must not match the first star of "**"
      if (mark === "*" && s[i + 1] === "*") {
        i++;
        continue;
      }
      // a closing mark follows text, as in Markdown: "2 * 3" has no emphasis
      if (i > 0 && !/\s/.test(s[i - 1]!)) return i;
    }
  }
  return -1;
}

function footnoteEnd(s: string, from: number): number {
  let depth = 1;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (c === "\\") i++;
    else if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return i;
  }
  return -1;
}

function push(out: Run[], text: string, st: Style, breakBefore = false): void {
  if (!text && !breakBefore) return;
  const last = out[out.length - 1];
  if (last && !last.footnote && !breakBefore && !!last.bold === st.bold && !!last.italic === st.italic) {
    last.text += text;
    return;
  }
  const run: Run = { text };
  if (st.bold) run.bold = true;
  if (st.italic) run.italic = true;
  if (breakBefore) run.breakBefore = true;
  out.push(run);
}

/** Characters that can start a mark; most texts have none and are one run as they are. */
const MARK = /[\\\n^*]/;

function parse(s: string, st: Style, out: Run[]): void {
  if (!MARK.test(s)) {
    push(out, s, st);
    return;
  }
  let buf = "";
  let pendingBreak = false;
  const flush = (): void => {
    if (buf || pendingBreak) push(out, buf, st, pendingBreak);
    buf = "";
    pendingBreak = false;
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && i + 1 < s.length && "*^[]\\".includes(s[i + 1]!)) {
      buf += s[++i];
      continue;
    }
    if (c === "\n") {
      flush();
      pendingBreak = true;
      continue;
    }
    if (c === "^" && s[i + 1] === "[") {
      const end = footnoteEnd(s, i + 2);
      if (end > 0) {
        flush();
        const note: Run[] = [];
        parse(s.slice(i + 2, end), { bold: false, italic: false }, note);
        out.push({ text: "", footnote: note });
        i = end;
        continue;
      }
    }
    if (c === "*") {
      const mark = s[i + 1] === "*" ? "**" : "*";
      // an opening mark precedes text
      const opens = i + mark.length < s.length && !/\s/.test(s[i + mark.length]!);
      const end = opens ? closing(s, i + mark.length, mark) : -1;
      if (end > i + mark.length) {
        flush();
        const inner = s.slice(i + mark.length, end);
        parse(inner, mark === "**" ? { ...st, bold: true } : { ...st, italic: true }, out);
        i = end + mark.length - 1;
        continue;
      }
    }
    buf += c;
  }
  flush();
}

/** Runs of a text with its inline marks applied on top of a base style. */
export function inline(text: string, base: Partial<Style> = {}): Run[] {
  const out: Run[] = [];
  parse(text, { bold: !!base.bold, italic: !!base.italic }, out);
  return out;
}

/** The text of runs without marks (footnotes left out). */
export function plain(runs: Run[]): string {
  return runs.map((r) => (r.footnote ? "" : (r.breakBefore ? "\n" : "") + r.text)).join("");
}
