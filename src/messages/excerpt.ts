/**
 * What a message may quote of a file: a short excerpt, escaped. A file that is not what it
 * claims (a symlinked /etc/passwd, a pasted secret) is never echoed whole, and control or
 * direction characters cannot rearrange the terminal line.
 */
const MAX = 40;
// C0/C1 controls, line and paragraph separators, bidirectional controls
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function excerpt(text: string, max = MAX): string {
  const chars = Array.from(text.slice(0, max * 2)).slice(0, max);
  const cut = chars.join("");
  const shown = cut.replace(UNSAFE, (c) => (c === "\n" ? "\\n" : c === "\t" ? "\\t" : `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`));
  return cut.length < text.length ? shown + "…" : shown;
}
