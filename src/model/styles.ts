/**
 * The paragraph style ids of the .docx and which block kind each body style prints, both ways:
 * write gives every block its style, and a reader of a .docx (import) maps a style back to the kind.
 * Plain data; the styles' look is write/styles.ts's.
 */
import type { Block } from "./document.js";

export const STYLE = {
  body: "KHBody",
  basis: "KHBasis",
  section: "KHSection",
  titled: "KHTitled",
  item: "KHItem",
  header: "KHHeader",
  title: "KHTitle",
  rule: "KHRule",
  recipientsLabel: "KHRecipientsLabel",
  recipients: "KHRecipients",
  signature: "KHSignature",
  table: "KHTable",
  appendix: "KHAppendix",
  footnote: "KHFootnote",
} as const;

export type StyleId = (typeof STYLE)[keyof typeof STYLE];

/** The kinds of block printed as one paragraph (a table is a table, whatever its cells' style). */
export type ParagraphKind = Exclude<Block["kind"], "table">;

/** The style of each paragraph block kind. */
export const BLOCK_STYLE = {
  basis: STYLE.basis,
  paragraph: STYLE.body,
  section: STYLE.section,
  titled: STYLE.titled,
  item: STYLE.item,
} as const satisfies Record<ParagraphKind, StyleId>;

const KIND_OF_STYLE = new Map<string, ParagraphKind>(Object.entries(BLOCK_STYLE).map(([kind, id]) => [id, kind as ParagraphKind]));

/** The block kind a body paragraph of this style was written from; undefined for the other styles. */
export function blockKindOfStyle(id: string): ParagraphKind | undefined {
  return KIND_OF_STYLE.get(id);
}
