/**
 * The plan as written in YAML (after validation against schemas/kehoach.schema.json).
 * Keys are the YAML keys; see src/glossary.ts for the domain words.
 */

/**
 * Text that may hold **bold**, *italic* and ^[footnote] marks, and flows (render/inline.ts): a newline
 * is a space, a blank line a new paragraph, a backslash before a newline a line break.
 */
export type Text = string;

/** Markers a list can choose; defaults depend on depth (see normalize/numbering.ts). */
export type Marker = "so" | "chu" | "chu_cham" | "gach" | "cong" | "so_cap" | "khong";

/** A heading's or a label's type style: bold, italic (not bold), both, plain. */
export type TypeStyle = "dam" | "nghieng" | "dam_nghieng" | "thuong";

/** Defaults for the items of one level (trinh_bay.cac_cap, a section's cac_cap). */
export interface LevelSource {
  danh_dau?: Marker;
  kieu_tieu_de?: TypeStyle;
  kieu_so?: TypeStyle;
}

/** Presentation choices Decree 30 leaves to the office (profile) or the plan. */
export interface PresentationSource {
  can_cu_nghieng?: boolean;
  cac_cap?: LevelSource[];
}

export const SECTION_KINDS = [
  "muc_dich_yeu_cau",
  "pham_vi",
  "tinh_hinh",
  "muc_tieu",
  "noi_dung",
  "nhiem_vu",
  "kinh_phi",
  "to_chuc_thuc_hien",
  "bao_cao",
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface AgencySource {
  chu_quan?: string | string[];
  ten?: string | string[];
  ten_goi?: string;
  viet_tat?: string;
  dia_danh?: string;
}

export interface SignerSource {
  tm?: string;
  q?: string;
  tl?: string;
  tuq?: string;
  kt?: string;
  chuc_vu?: string;
  ho_ten?: string;
}

export type RecipientSource = string | { ten: string; ghi_chu?: string };

export interface ArchiveSource {
  don_vi?: string;
  so_ban?: string;
  nguoi_soan?: string;
  so_ban_phat_hanh?: string;
}

export interface BudgetLineSource {
  noi_dung: Text;
  /** Required unless the line has cac_dong (then it is their sum, or, typed, checked against it by lint). */
  so_tien?: number | string;
  nguon?: Text;
  cac_dong?: BudgetLineSource[];
}

/** A table cell: its text, or its text with how many columns/rows it covers. */
export type TableCellSource = string | { noi_dung: string; gop_cot?: number; gop_dong?: number };
export type TableRowSource = TableCellSource[] | { o: TableCellSource[]; loai?: "nhom" | "cong" | "tong"; dam?: boolean; nghieng?: boolean; cap?: number };

export interface TableSource {
  /** One header row, or several. */
  cot?: TableCellSource[] | TableCellSource[][];
  dong?: TableRowSource[];
  do_rong?: number[];
  can?: ("trai" | "giua" | "phai" | "deu")[];
  co_chu?: number;
  /** true: groups I, II …, rows 1, 2 … in each group; so_cap: 1, 1.1, 1.1.1, a by each row's cap. */
  tt?: boolean | "so_cap";
  cot_tien?: number[];
  tep?: string;
  trang?: string;
  vung?: string;
  dong_tieu_de?: number;
  kieu_dong?: { nhom?: number[]; cong?: number[]; tong?: number[] };
}

/** One line of a task as the plan words it: "- Sản phẩm: …". */
export interface TaskFieldSource {
  nhan: Text;
  noi_dung: Text;
  gach?: boolean;
  sau_cac_y?: boolean;
}

export interface ItemObject {
  /** An id other texts cite as <ma> (normalize/references.ts). */
  ma?: string;
  tieu_de?: Text;
  don_vi?: Text;
  de_nghi?: boolean;
  doan?: Text | Text[];
  chu_tri?: Text;
  phoi_hop?: Text;
  thoi_gian?: Text;
  truong?: TaskFieldSource[];
  han?: string;
  du_toan?: BudgetLineSource[];
  bang?: TableSource;
  danh_dau?: Marker;
  cac_y?: ItemSource[];
  tieu_de_cung_dong?: true;
  kieu_tieu_de?: TypeStyle;
  kieu_so?: TypeStyle;
  xuong_dong?: true;
  hai_cham?: false;
}
/** An unnumbered paragraph between (or after) the items of a list. */
export interface InsertSource {
  doan_chen: Text;
}
export type ItemSource = Text | ItemObject | InsertSource;

export interface SectionSource {
  ma?: string;
  loai?: SectionKind;
  tieu_de?: Text;
  doan?: Text | Text[];
  danh_dau?: Marker;
  cac_y?: ItemSource[];
  du_toan?: BudgetLineSource[];
  bang?: TableSource;
  bang_nhiem_vu?: TaskTableMode;
  cac_cap?: LevelSource[];
}

/** thay: the items as the task table instead of prose; them: prose, then the table. */
export type TaskTableMode = "thay" | "them";

export interface PreambleObject {
  can_cu?: Text[];
  thuc_hien?: Text | Text[];
  boi_canh?: Text;
  loi_dan?: Text;
  loi_dan_sau_can_cu?: true;
}

export interface AppendixSource {
  ma?: string;
  tieu_de?: Text;
  doan?: Text | Text[];
  cac_y?: ItemSource[];
  danh_dau?: Marker;
  bang?: TableSource;
  ngang?: boolean;
  /** Level defaults of this Phụ lục's items, over the plan's (as a section's cac_cap). */
  cac_cap?: LevelSource[];
  bang_nhiem_vu?: TaskTableMode;
  /** The whole "(Kèm theo …)" line, printed as typed. */
  kem_theo?: string;
}

export interface LintSettings {
  tat?: string[];
  ngay_tuong_lai?: number;
}

/** Keys an office profile may set; a plan may set them too and wins. */
export interface ProfileSource {
  co_quan?: AgencySource;
  nguoi_ky?: SignerSource;
  noi_nhan?: RecipientSource[];
  luu?: ArchiveSource;
  ky_so?: boolean;
  mau?: string;
  kiem_tra?: LintSettings;
  /** How the Phụ lục's "(Kèm theo Kế hoạch số … ngày … của …)" line is written. */
  kem_theo?: { cua?: string; ngay?: "chu" | "so" };
  trinh_bay?: PresentationSource;
}

/** The keys a profile may have (schemas/co-quan.schema.json's properties, checked by a test). */
export const PROFILE_KEYS = ["co_quan", "nguoi_ky", "noi_nhan", "luu", "ky_so", "mau", "kiem_tra", "kem_theo", "trinh_bay"] as const satisfies readonly (keyof ProfileSource)[];

export interface PlanSource extends ProfileSource {
  ho_so?: string;
  so?: string;
  ngay?: string;
  trich_yeu?: Text;
  /** The trích yếu as written inside a sentence (the default lời dẫn and closing use it). */
  trich_yeu_trong_cau?: Text;
  /** The plan is issued with a Quyết định: no Số, date line, Nơi nhận or signature of its own. */
  quyet_dinh?: { so?: string; ngay?: string; ky_hieu?: string; cua?: string };
  mo_dau?: Text | PreambleObject;
  noi_dung?: SectionSource[];
  /** false: the last content paragraph is the closing (it gets the "./."). */
  ket_thuc?: Text | false;
  phu_luc?: AppendixSource[];
}
