/**
 * word/numbering.xml: Word's automatic numbering, resolved to the labels Word shows ("1.", "a)",
 * "II.", "1.2.", "-"). A paragraph names a list (w:num) and a level; the list points at an abstract
 * definition (levels with a start, a format, a text pattern "%1.%2.", a restart rule). Counting is
 * as Word counts: lists that share an abstract definition share its counters (a new list only
 * restarts where it says so with w:lvlOverride/w:startOverride); a level restarts when a higher
 * level is used, unless w:lvlRestart says otherwise.
 */
import { child, childrenNamed, type XmlElement } from "./xml.js";
import { onOff, paraProps, runProps, type ParaProps, type RunProps } from "./styles.js";

interface Level {
  start: number;
  format: string;
  text?: string;
  /** Restart after a level at or above this (1-based) is used; 0: never; undefined: the level above. */
  restart?: number;
  /** Legal numbering: every level in the label as a decimal number. */
  legal: boolean;
  run: RunProps;
  para: ParaProps;
  /** The paragraph style this level belongs to (Heading 2 → level 1 of an outline list). */
  style?: string;
}

interface List {
  abstractId: string;
  /** Per level: a replacement definition, or a new start, for this list only. */
  levels: Map<number, Level>;
  starts: Map<number, number>;
}

/** Characters of the symbol fonts (Symbol, Wingdings) Word stores in the private-use area. */
const SYMBOL: Record<number, string> = { 0xb7: "•", 0x2d: "-", 0x2b: "+", 0xa7: "▪", 0xa8: "◦", 0xd8: "➢", 0xfc: "✓", 0x76: "❖", 0x6e: "■", 0x71: "❑", 0x6c: "●", 0xe0: "→", 0xf0: "⇨", 0x3e: "►" };

/** What a character of a symbol font shows; a private-use code point F0xx is the font's xx. */
export function symbolChar(code: number, font: string | undefined): string {
  const low = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  const f = (font ?? "").toLowerCase();
  if (f.includes("symbol") || f.includes("wingdings") || f.includes("webdings") || code !== low) {
    const mapped = SYMBOL[low];
    if (mapped !== undefined) return mapped;
    // an unknown symbol: the bullet it most likely is rather than a private-use character
    if (code !== low) return low >= 0x20 && low < 0x7f ? String.fromCharCode(low) : "•";
  }
  return String.fromCodePoint(code);
}

function level(el: XmlElement): Level {
  const val = (name: string): string | undefined => child(el, name)?.attrs["w:val"];
  const start = Number(val("w:start") ?? "0");
  const lv: Level = {
    start: Number.isFinite(start) ? start : 0,
    format: val("w:numFmt") ?? "decimal",
    legal: onOff(child(el, "w:isLgl")) === true,
    run: runProps(child(el, "w:rPr")),
    para: paraProps(child(el, "w:pPr")),
  };
  const text = val("w:lvlText");
  if (text !== undefined) lv.text = text;
  const style = val("w:pStyle");
  if (style !== undefined) lv.style = style;
  const restart = val("w:lvlRestart");
  if (restart !== undefined && /^\d+$/.test(restart)) lv.restart = Number(restart);
  return lv;
}

const ROMAN: [number, string][] = [
  [1000, "m"], [900, "cm"], [500, "d"], [400, "cd"], [100, "c"], [90, "xc"], [50, "l"], [40, "xl"], [10, "x"], [9, "ix"], [5, "v"], [4, "iv"], [1, "i"],
];

function roman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  let out = "";
  for (const [v, s] of ROMAN) while (n >= v) (out += s), (n -= v);
  return out;
}

/** Word's letters: a … z, then aa … zz, aaa … (the letter repeated, not base 26). */
function letters(n: number): string {
  // past Word's own bound for a start value (32767) a broken file's number stays digits
  if (n <= 0 || n > 32767) return String(n);
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** A counter in a level's format. */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case "lowerLetter":
      return letters(n);
    case "upperLetter":
      return letters(n).toUpperCase();
    case "lowerRoman":
      return roman(n);
    case "upperRoman":
      return roman(n).toUpperCase();
    case "decimalZero":
      return n < 10 && n >= 0 ? `0${n}` : String(n);
    case "none":
      return "";
    default:
      // decimal and the many formats a Vietnamese plan does not use: the number as digits
      return String(n);
  }
}

export interface Label {
  text: string;
  run: RunProps;
  para: ParaProps;
}

export class Numbering {
  private abstracts = new Map<string, Map<number, Level>>();
  /** abstractNum → the numbering style it takes its levels from (w:numStyleLink). */
  private styleLinks = new Map<string, string>();
  private lists = new Map<string, List>();
  /** Counters per abstract definition, per level (undefined: not started). */
  private counters = new Map<string, (number | undefined)[]>();
  private started = new Set<string>();

  constructor(
    root: XmlElement | undefined,
    /** A numbering style's list (styles.xml w:style w:type="numbering" → its w:numId). */
    private styleList: (styleId: string) => string | undefined,
  ) {
    if (!root) return;
    for (const a of childrenNamed(root, "w:abstractNum")) {
      const id = a.attrs["w:abstractNumId"];
      if (id === undefined) continue;
      const levels = new Map<number, Level>();
      for (const l of childrenNamed(a, "w:lvl")) levels.set(Number(l.attrs["w:ilvl"] ?? "0"), level(l));
      this.abstracts.set(id, levels);
      const link = child(a, "w:numStyleLink")?.attrs["w:val"];
      if (link !== undefined) this.styleLinks.set(id, link);
    }
    for (const n of childrenNamed(root, "w:num")) {
      const id = n.attrs["w:numId"];
      const abstractId = child(n, "w:abstractNumId")?.attrs["w:val"];
      if (id === undefined || abstractId === undefined) continue;
      const list: List = { abstractId, levels: new Map(), starts: new Map() };
      for (const o of childrenNamed(n, "w:lvlOverride")) {
        const ilvl = Number(o.attrs["w:ilvl"] ?? "0");
        const lvl = child(o, "w:lvl");
        if (lvl) list.levels.set(ilvl, level(lvl));
        const start = child(o, "w:startOverride")?.attrs["w:val"];
        if (start !== undefined && /^\d+$/.test(start)) list.starts.set(ilvl, Number(start));
      }
      this.lists.set(id, list);
    }
  }

  /** The abstract definition a list counts in, following a numbering style's link (once). */
  private abstractOf(list: List): string {
    const link = this.styleLinks.get(list.abstractId);
    if (link === undefined) return list.abstractId;
    const numId = this.styleList(link);
    const target = numId !== undefined ? this.lists.get(numId)?.abstractId : undefined;
    return target ?? list.abstractId;
  }

  private levelOf(list: List, abstractId: string, ilvl: number): Level | undefined {
    return list.levels.get(ilvl) ?? this.abstracts.get(abstractId)?.get(ilvl) ?? this.abstracts.get(list.abstractId)?.get(ilvl);
  }

  /**
   * The level of list numId that belongs to a paragraph style (w:lvl/w:pStyle): how Word numbers
   * "Heading 1", "Heading 2" … linked to one outline list whose styles name no level themselves.
   */
  levelOfStyle(numId: string, styleId: string): number | undefined {
    const list = this.lists.get(numId);
    if (!list) return undefined;
    const levels = this.abstracts.get(this.abstractOf(list));
    for (const [ilvl, lvl] of levels ?? []) if (lvl.style === styleId) return ilvl;
    return undefined;
  }

  /** The label of the next paragraph of list numId at level ilvl; undefined when there is none. */
  next(numId: string, ilvl: number): Label | undefined {
    const list = this.lists.get(numId);
    if (!list) return undefined;
    const abstractId = this.abstractOf(list);
    const lvl = this.levelOf(list, abstractId, ilvl);
    if (!lvl) return undefined;
    let counters = this.counters.get(abstractId);
    if (!counters) this.counters.set(abstractId, (counters = []));
    const startOf = (k: number): number => list.starts.get(k) ?? this.levelOf(list, abstractId, k)?.start ?? 0;
    // a list that overrides a start begins that level afresh the first time it is used
    if (!this.started.has(numId)) {
      this.started.add(numId);
      for (const k of list.starts.keys()) counters[k] = undefined;
      for (const k of list.levels.keys()) counters[k] = undefined;
    }
    const current = counters[ilvl];
    counters[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    // deeper levels restart when a level above them is used (w:lvlRestart moves or stops that)
    for (let k = ilvl + 1; k < 9; k++) {
      const restart = this.levelOf(list, abstractId, k)?.restart ?? k;
      if (restart !== 0 && ilvl < restart) counters[k] = undefined;
    }
    let text = "";
    if (lvl.format === "bullet") text = [...(lvl.text ?? "")].map((c) => symbolChar(c.codePointAt(0)!, lvl.run.font)).join("");
    else
      text = (lvl.text ?? "").replace(/%([1-9])/g, (_, d: string) => {
        const k = Number(d) - 1;
        const v = counters[k] ?? startOf(k);
        const format = this.levelOf(list, abstractId, k)?.format ?? "decimal";
        return formatNumber(v, lvl.legal && format !== "none" ? "decimal" : format);
      });
    return { text, run: lvl.run, para: lvl.para };
  }
}
