/**
 * Wrapping free text without changing what it means. By kehoach's text rule (render/inline.ts) a
 * single newline, with the spaces around it, is one space; so a single space between two
 * characters that are not spaces may become a newline and back, and nothing else may change:
 * double spaces, blank lines, a "\" before a newline (a line break), leading and trailing spaces,
 * tabs all stay as they are. Never after a backslash: "\" then a newline is a line break.
 */

/**
 * A soft break among `chars`: one of them between two characters that are not spaces, not after a
 * backslash. One pattern for every use, found natively: a loop over a plan's text runs cold in V8's
 * interpreter (most of an import's wrapping).
 */
const softBreak = (chars: string, flags = ""): RegExp => new RegExp(`(?<=[^\\s\\\\])[${chars}](?=\\S)`, flags);
const SOFT = softBreak(" \\n");
const SOFT_AT = softBreak(" \\n", "y");
const SOFT_NEWLINE = softBreak("\\n", "g");

/** Whether the character at i is a soft break (a space or a newline). */
function soft(s: string, i: number): boolean {
  SOFT_AT.lastIndex = i;
  return SOFT_AT.test(s);
}

/** The text with every soft newline made a space (a text that fits on one line is written so). */
export function joinSoft(s: string): string {
  return s.includes("\n") ? s.replace(SOFT_NEWLINE, " ") : s;
}

/**
 * The text with its soft breaks chosen again so that lines hold at most `width` characters where
 * they can (a word longer than the width keeps its line): greedy, as a typist fills a line.
 * Lines the user ended otherwise (blank lines, "\" line breaks, a newline beside spaces) stay ended.
 */
export function wrapText(s: string, width: number): string {
  const pieces = s.split(SOFT);
  let out = pieces[0]!;
  let line = out.length - out.lastIndexOf("\n") - 1;
  for (let k = 1; k < pieces.length; k++) {
    const p = pieces[k]!;
    const nl = p.indexOf("\n");
    const first = nl < 0 ? p.length : nl;
    const joined = line + 1 + first <= width;
    out += (joined ? " " : "\n") + p;
    if (nl >= 0) line = p.length - p.lastIndexOf("\n") - 1;
    else line = joined ? line + 1 + p.length : p.length;
  }
  return out;
}

/** Whether two texts differ only in soft breaks (a space for a newline or back): the same text by the text rule. */
export function sameText(a: string, b: string): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !(soft(a, i) && soft(b, i))) return false;
  return true;
}
