/**
 * Automatic numbering: the labels clerks used to type by hand, generated from the structure.
 * Điểm letters follow the Vietnamese alphabet without f, j, w, z and the letters with
 * diacritics other than đ (nd30-spec.md §4).
 */
import type { Marker } from "../model/plan.js";

export const VIETNAMESE_LETTERS = ["a", "b", "c", "d", "đ", "e", "g", "h", "i", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v", "x", "y"] as const;

export function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** The 0-based index-th điểm letter; past "y" the letters start again with a suffix (y, a1, b1 …). */
export function letter(index: number): string {
  const n = VIETNAMESE_LETTERS.length;
  const base = VIETNAMESE_LETTERS[index % n]!;
  const round = Math.floor(index / n);
  return round === 0 ? base : `${base}${round}`;
}

/**
 * Marker a list uses when it does not choose one: khoản numbered, điểm lettered, then -, then +;
 * under a "-" a "+" (a dash under a dash reads as one list).
 */
export function defaultMarker(depth: number, parentLabel = ""): Marker {
  if (parentLabel === "-") return "cong";
  if (depth <= 1) return "so";
  if (depth === 2) return "chu";
  if (depth === 3) return "gach";
  if (depth === 4) return "cong";
  return "gach";
}

/**
 * Label of the index-th (0-based) entry of a list with this marker. parentLabel feeds the
 * multi-level decimal form: under "1." the entries are "1.1.", "1.2." …
 */
export function label(marker: Marker, index: number, parentLabel: string): string {
  switch (marker) {
    case "so":
      return `${index + 1}.`;
    case "chu":
      return `${letter(index)})`;
    case "chu_cham":
      return `${letter(index)}.`;
    case "gach":
      return "-";
    case "cong":
      return "+";
    case "so_cap": {
      const prefix = /^(\d+\.)+$/.test(parentLabel) ? parentLabel : "";
      return `${prefix}${index + 1}.`;
    }
    case "khong":
      return "";
  }
}
