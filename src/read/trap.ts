/**
 * The YAML traps of Vietnamese administrative text: a sentence written as a plain scalar that
 * YAML reads as something else ("Nhãn: nội dung" becomes a key, "*Nhóm 1:*" an alias, "[Dự
 * thảo]" a list, "&…" an anchor, "!…" a tag…). Found from the line as typed, so the message can
 * show the same line with its text in double quotes, as a compiler shows a fix.
 */
import { readMessages as m, type TrapKind } from "../messages/read.js";

/** What starts the value on a line: indentation, list dashes, an optional plain-word key. */
const VALUE_START = /^(\s*(?:-[ \t]+)*(?:[A-Za-z_][A-Za-z0-9_]*:[ \t]+)?)(\S.*?)\s*$/u;
const LETTER = /\p{L}/u;

/** The line of `text` that starts at `start`, without its newline (a line counter may not know its end yet). */
export function lineFrom(text: string, start: number): string {
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
}

/** The line with columns `from` to `to` (0-based, default its end) in double quotes, inner quotes and backslashes escaped. */
export function quotedLine(line: string, from: number, to = line.length): string {
  const body = line.slice(from, to).trimEnd();
  const escaped = body.replace(/\\/g, "\\\\").replace(/"/g, '\\"');
  return `${line.slice(0, from)}"${escaped}"${line.slice(from + body.length)}`;
}

/** The closing `close` of a value opened at 0, and text after it on the line. */
function textAfterClose(value: string, close: string): boolean {
  const end = value.indexOf(close, 1);
  return end > 0 && value.slice(end + 1).trim() !== "";
}

/** Which trap a value as typed falls into, when it reads as text; undefined for what YAML means on purpose. */
export function trapOf(value: string): TrapKind | undefined {
  if (!LETTER.test(value)) return undefined;
  const c = value[0]!;
  if (c === "*") return "alias";
  // a tag or anchor is a sentence's first word when words with letters follow it ("!!str 12" is a tag)
  const wordsFollow = /^\S+[ \t]+.*\p{L}/u.test(value);
  if (c === "&") return wordsFollow ? "anchor" : undefined;
  if (c === "!") return wordsFollow ? "tag" : undefined;
  if (c === "[" && textAfterClose(value, "]")) return "flow";
  if (c === "{" && textAfterClose(value, "}")) return "flow";
  if ((c === '"' || c === "'") && textAfterClose(value, c)) return "quote";
  if (c === "%" || c === "@" || c === "`") return "reserved";
  if ((c === "|" || c === ">") && /^[|>][-+0-9]*[ \t]+[^#\s]/.test(value)) return "block";
  if (/:(\s|$)/.test(value)) return "colon";
  return undefined;
}

/** A finding's column (1-based) and message for a line that broke as a text trap, or undefined. */
export function lineTrap(line: string): { col: number; message: string } | undefined {
  const match = VALUE_START.exec(line);
  if (!match) return undefined;
  const from = match[1]!.length;
  const kind = trapOf(match[2]!);
  if (!kind) return undefined;
  return { col: from + 1, message: m.quoteLine(kind, match[2]!, line.trim(), quotedLine(line, from).trim()) };
}

/** The trap message for a text from column `col` to `end` (1-based, end exclusive; default the line's end) of `line`. */
export function quoteAt(kind: TrapKind, line: string, col: number, end = line.length + 1): string {
  return m.quoteLine(kind, line.slice(col - 1, end - 1).trimEnd(), line.trim(), quotedLine(line, col - 1, end - 1).trim());
}
