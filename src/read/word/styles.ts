/**
 * word/styles.xml: what a paragraph or a run inherits. A style's properties come from its basedOn
 * chain (the nearer definition wins, attribute by attribute); the document defaults lie under all.
 * Bold and italic are Word's "toggle" properties: set in a paragraph style and again in a character
 * style they cancel (ECMA-376 §17.7.3); direct formatting sets them outright.
 */
import type { Alignment } from "../../model/imported.js";
import { child, type XmlElement } from "./xml.js";

/** Run properties as written at one level; undefined: not said there. */
export interface RunProps {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  script?: "sub" | "super" | "baseline";
  caps?: boolean;
  hidden?: boolean;
  font?: string;
}

/** Paragraph properties as written at one level. */
export interface ParaProps {
  align?: Alignment;
  indent?: number;
  firstLine?: number;
  numId?: string;
  ilvl?: number;
}

export interface Style {
  id: string;
  name?: string;
  type: string;
  basedOn?: string;
  run: RunProps;
  para: ParaProps;
  /** Table styles: whether the style draws table borders (undefined: it does not say). */
  tableBorders?: boolean;
  /** Table styles: the run properties of their conditional formats (w:tblStylePr: firstRow, lastRow, firstCol, lastCol). */
  conditional?: Map<string, RunProps>;
}

/** The parts of a table a table style may format apart, as its w:tblStylePr types name them. */
export type TablePart = "firstRow" | "lastRow" | "firstCol" | "lastCol";

/** On unless w:val says off ("0", "false", "off"). */
export function onOff(el: XmlElement | undefined): boolean | undefined {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return !(v === "0" || v === "false" || v === "off");
}

export function runProps(rPr: XmlElement | undefined): RunProps {
  const out: RunProps = {};
  if (!rPr) return out;
  const b = onOff(child(rPr, "w:b"));
  if (b !== undefined) out.bold = b;
  const i = onOff(child(rPr, "w:i"));
  if (i !== undefined) out.italic = i;
  const u = child(rPr, "w:u");
  if (u) out.underline = u.attrs["w:val"] !== "none" && u.attrs["w:val"] !== "0";
  const va = child(rPr, "w:vertAlign")?.attrs["w:val"];
  if (va === "superscript") out.script = "super";
  else if (va === "subscript") out.script = "sub";
  else if (va === "baseline") out.script = "baseline";
  const caps = onOff(child(rPr, "w:caps"));
  if (caps !== undefined) out.caps = caps;
  const vanish = onOff(child(rPr, "w:vanish"));
  if (vanish !== undefined) out.hidden = vanish;
  const f = child(rPr, "w:rFonts");
  const font = f ? (f.attrs["w:ascii"] ?? f.attrs["w:hAnsi"] ?? f.attrs["w:cs"]) : undefined;
  if (font !== undefined) out.font = font;
  return out;
}

const ALIGN: Record<string, Alignment> = { left: "left", start: "left", center: "center", right: "right", end: "right", both: "both", distribute: "both", justify: "both" };

export function twips(v: string | undefined): number | undefined {
  if (v === undefined || !/^-?\d+$/.test(v)) return undefined;
  return Number(v);
}

export function paraProps(pPr: XmlElement | undefined): ParaProps {
  const out: ParaProps = {};
  if (!pPr) return out;
  const jc = child(pPr, "w:jc")?.attrs["w:val"];
  if (jc !== undefined && ALIGN[jc]) out.align = ALIGN[jc];
  const ind = child(pPr, "w:ind");
  if (ind) {
    const left = twips(ind.attrs["w:left"] ?? ind.attrs["w:start"]);
    if (left !== undefined) out.indent = left;
    const hanging = twips(ind.attrs["w:hanging"]);
    const first = twips(ind.attrs["w:firstLine"]);
    if (hanging !== undefined) out.firstLine = -hanging;
    else if (first !== undefined) out.firstLine = first;
  }
  const numPr = child(pPr, "w:numPr");
  if (numPr) {
    const id = child(numPr, "w:numId")?.attrs["w:val"];
    if (id !== undefined) out.numId = id;
    const lvl = child(numPr, "w:ilvl")?.attrs["w:val"];
    if (lvl !== undefined && /^\d$/.test(lvl)) out.ilvl = Number(lvl);
  }
  return out;
}

/** Whether a border element set (tblBorders, tcBorders) draws any line; undefined when absent. */
export function drawsBorder(borders: XmlElement | undefined): boolean | undefined {
  if (!borders) return undefined;
  for (const c of borders.children) {
    if (typeof c === "string") continue;
    const v = c.attrs["w:val"];
    if (v !== undefined && v !== "nil" && v !== "none" && c.attrs["w:sz"] !== "0") return true;
  }
  return false;
}

export class Styles {
  private byId = new Map<string, Style>();
  private runMemo = new Map<string, RunProps>();
  private paraMemo = new Map<string, ParaProps>();
  readonly defaults: { run: RunProps; para: ParaProps } = { run: {}, para: {} };
  /** The paragraph style Word uses when a paragraph names none. */
  defaultParagraph?: string;
  /** The table style Word uses when a table names none. */
  defaultTable?: string;

  constructor(root?: XmlElement) {
    if (!root) return;
    const dd = child(root, "w:docDefaults");
    this.defaults.run = runProps(child(child(dd, "w:rPrDefault"), "w:rPr"));
    this.defaults.para = paraProps(child(child(dd, "w:pPrDefault"), "w:pPr"));
    for (const s of root.children) {
      if (typeof s === "string" || s.name !== "w:style") continue;
      const id = s.attrs["w:styleId"];
      if (id === undefined) continue;
      const type = s.attrs["w:type"] ?? "paragraph";
      const style: Style = { id, type, run: runProps(child(s, "w:rPr")), para: paraProps(child(s, "w:pPr")) };
      const name = child(s, "w:name")?.attrs["w:val"];
      if (name !== undefined) style.name = name;
      const based = child(s, "w:basedOn")?.attrs["w:val"];
      if (based !== undefined) style.basedOn = based;
      const borders = drawsBorder(child(child(s, "w:tblPr"), "w:tblBorders"));
      if (borders !== undefined) style.tableBorders = borders;
      for (const c of s.children) {
        if (typeof c === "string" || c.name !== "w:tblStylePr") continue;
        const part = c.attrs["w:type"];
        if (part === "firstRow" || part === "lastRow" || part === "firstCol" || part === "lastCol") (style.conditional ??= new Map()).set(part, runProps(child(c, "w:rPr")));
      }
      this.byId.set(id, style);
      const d = s.attrs["w:default"];
      if (d === "1" || d === "true" || d === "on") {
        if (type === "paragraph") this.defaultParagraph = id;
        else if (type === "table") this.defaultTable = id;
      }
    }
  }

  get(id: string | undefined): Style | undefined {
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** The basedOn chain of a style, nearest first; a cycle (a broken file) ends it. */
  private chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    for (let s = this.get(id); s && !seen.has(s.id); s = this.get(s.basedOn)) {
      seen.add(s.id);
      out.push(s);
    }
    return out;
  }

  /** A style's properties with its chain's (nearest wins), once per style. */
  private merged<T extends object>(id: string | undefined, memo: Map<string, T>, of: (s: Style) => T): T {
    if (id === undefined) return {} as T;
    const known = memo.get(id);
    if (known) return known;
    const out = {} as T;
    for (const s of this.chain(id).reverse()) Object.assign(out, of(s));
    memo.set(id, out);
    return out;
  }

  run(id: string | undefined): RunProps {
    return this.merged(id, this.runMemo, (s) => s.run);
  }

  para(id: string | undefined): ParaProps {
    return this.merged(id, this.paraMemo, (s) => s.para);
  }

  /**
   * What a table style gives a cell's runs (ECMA-376 §17.7.6): the whole table's run properties, then
   * those of each conditional format the cell is in (first row, last row, first column, last column,
   * in that order: the later wins), each with its basedOn chain. Under the paragraph's own style.
   */
  tableRun(id: string | undefined, parts: readonly TablePart[]): RunProps {
    const chain = this.chain(id).reverse();
    const out: RunProps = {};
    for (const s of chain) if (s.type === "table") Object.assign(out, s.run);
    for (const part of parts) for (const s of chain) Object.assign(out, s.conditional?.get(part));
    return out;
  }

  /** Whether a table style (with its chain) draws borders; undefined when none says. */
  tableBorders(id: string | undefined): boolean | undefined {
    for (const s of this.chain(id)) if (s.tableBorders !== undefined) return s.tableBorders;
    return undefined;
  }
}
