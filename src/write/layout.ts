/** Decree 30 measures in OOXML units (twips = 1/20 pt; sizes in half-points). Sources: nd30-spec.md §1–2. */
export const FONT = "Times New Roman";
export const BLACK = "000000";

export const PAGE = { width: 11906, height: 16838 } as const;
/** top/bottom 20 mm, left 30 mm, right 20 mm: inside the decree's ranges. */
export const MARGIN = { top: 1134, bottom: 1134, left: 1701, right: 1134, header: 567, footer: 567 } as const;
export const TEXT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const LANDSCAPE_TEXT_WIDTH = PAGE.height - MARGIN.left - MARGIN.right;

/** The 13/14/14 pairing of the decree's size footnote. Half-points. */
export const SIZE = {
  agency: 26,
  number: 26,
  nationalTitle: 26,
  motto: 28,
  placeDate: 28,
  title: 28,
  body: 28,
  table: 26,
  recipientsLabel: 24,
  recipients: 22,
  signature: 28,
  pageNumber: 28,
  footnote: 24,
} as const;

/** Body: first-line indent 1 cm, 6 pt after, line spacing 1.15 (within single … 1.5). */
export const BODY = { firstLine: 567, after: 120, line: 276 } as const;

/** Header table: agency column and national-title column; the table reaches a little into the left margin so the Quốc hiệu fits on one line. */
export const HEADER_COLUMNS = [3600, 5700] as const;
export const HEADER_INDENT = -150;
/**
 * How far a header too wide for its columns may reach into the margins, so that a long agency name
 * ("THÀNH PHỐ HỒ CHÍ MINH") or place ("Thành phố Hồ Chí Minh, ngày …") stays on one line: to 15 mm
 * from the left edge and 10 mm from the right one, inside what printers print.
 */
export const HEADER_REACH = { left: MARGIN.left - 850, right: MARGIN.right - 567 } as const;
/** Closing table: Nơi nhận | signature. */
export const SIGN_OFF_COLUMNS = [4300, 4771] as const;
/** Default cell margins Word uses (left/right 108 twips). */
export const CELL_PADDING = 108;
