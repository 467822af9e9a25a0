/** The text values of a parsed plan, with their paths, and where a piece of one sits in the file. */
import type { Finding, Path } from "../model/finding.js";
import { pathToString } from "../model/finding.js";
import type { SourceFile } from "../read/index.js";
import type { FindingCap } from "../read/cap.js";
import { isBlank, isWhite, joinLines } from "../lines.js";

/** Keys whose values are codes, dates or settings, not prose. */
const NOT_TEXT = new Set(["so", "ngay", "han", "viet_tat", "loai", "danh_dau", "ho_so", "mau", "kiem_tra", "so_ban", "so_ban_phat_hanh", "nguoi_soan", "ky_so", "de_nghi", "ngang", "so_tien", "do_rong"]);

export interface TextValue {
  path: Path;
  text: string;
}

/** Every text of a value, in document order; each path is its own copy. */
export function textValues(value: unknown, path: Path = [], out: TextValue[] = []): TextValue[] {
  // the rules read a text as it prints: its typed lines joined by spaces (render/inline.ts)
  if (typeof value === "string") out.push({ path: [...path], text: joinLines(value, " ", isBlank, isWhite) });
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      textValues(value[i], path, out);
      path.pop();
    }
  } else if (value && typeof value === "object") {
    for (const k of Object.keys(value)) {
      if (NOT_TEXT.has(k)) continue;
      path.push(k);
      textValues((value as Record<string, unknown>)[k], path, out);
      path.pop();
    }
  }
  return out;
}

/**
 * Line and column of `needle` found at `index` in the value at `path`: the needle is searched
 * in the value's source text; a needle broken over lines (folded scalars) is found by its first word.
 */
export function locate(src: SourceFile, path: Path, value: string, index: number, needle: string): { line: number; col: number } {
  const entry = src.positions.entry(path);
  if (!entry) return src.positions.valueAt(path);
  const raw = src.text.slice(entry.offset[0], entry.offset[1]);
  // occurrences before `index` in the value tell which occurrence in the source to take
  let nth = 0;
  for (let at = value.indexOf(needle); at >= 0 && at + needle.length <= index; at = value.indexOf(needle, at + needle.length)) nth++;
  for (const probe of [needle, needle.split(/\s+/)[0] ?? needle]) {
    // a quoted scalar's own opening quote is not the value's: a '"' needle is counted after it
    let at = raw.startsWith('"') || raw.startsWith("'") ? 0 : -1;
    for (let k = 0; k <= nth; k++) {
      at = raw.indexOf(probe, at + 1);
      if (at < 0) break;
    }
    if (at >= 0) return src.positions.pos(entry.offset[0] + at);
  }
  return entry.value;
}

export type Emit = (rule: string, severity: Finding["severity"], path: Path, message: string, at?: { index: number; needle: string; value: string }) => void;

/** Emits into a capped list: past a rule's cap, a finding is only counted, never located. */
export function emitter(src: SourceFile, out: FindingCap, disabled: ReadonlySet<string>): Emit {
  return (rule, severity, path, message, at) => {
    if (disabled.has(rule) || !out.admit(rule, severity)) return;
    const pos = at ? locate(src, path, at.value, at.index, at.needle) : src.positions.valueAt(path);
    out.add({ file: src.file, line: pos.line, col: pos.col, rule, severity, message, path: pathToString(path) });
  };
}
