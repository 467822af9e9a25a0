/**
 * Line ends of typed text joined, with the blanks around them. The same as replacing
 * `/[ \t]*\n[ \t]*\/g` (or with `\s*` after), but found with indexOf: a pattern that starts with a
 * repeat is tried at every blank of the text, and plans are mostly blanks between words (a
 * plan's read and lint spent a tenth of their time in such patterns).
 */

/** A space or a tab. */
export const isBlank = (c: number): boolean => c === 32 || c === 9;
/** A space, a tab or a carriage return. */
export const isBlankOrCr = (c: number): boolean => c === 32 || c === 9 || c === 13;
/** What `\s` matches in a JavaScript pattern. */
export const isWhite = (c: number): boolean =>
  c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;

/**
 * s with every "\n" replaced by sep, together with the characters `before` it that are `trimBefore`
 * and those after it that are `trimAfter` (which may take further line ends).
 */
export function joinLines(s: string, sep: string, trimBefore: (c: number) => boolean, trimAfter: (c: number) => boolean): string {
  let nl = s.indexOf("\n");
  if (nl < 0) return s;
  let out = "";
  let from = 0;
  while (nl >= 0) {
    let end = nl;
    while (end > from && trimBefore(s.charCodeAt(end - 1))) end--;
    out += s.slice(from, end) + sep;
    from = nl + 1;
    while (from < s.length && trimAfter(s.charCodeAt(from))) from++;
    nl = s.indexOf("\n", from);
  }
  return out + s.slice(from);
}
