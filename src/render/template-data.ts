/**
 * The data each template is given: its contract with the office templates in the wild, in the
 * templates' Vietnamese vocabulary. Render builds it from the normalized plan (never from raw YAML),
 * and an importer undoes a template by these names. README "Mẫu của cơ quan" documents them.
 */
import type { Archive, Signer } from "../model/normalized.js";
import type { ArchiveSource, SignerSource } from "../model/plan.js";

/** A date's parts as the header prints them ("05", "3", "2025"). */
export interface HeaderDate {
  ngay?: string;
  thang?: string;
  nam?: string;
}

/** Given to every template. */
export interface CommonData {
  co_quan: { ten_goi: string; viet_tat: string; dia_danh: string };
  /** The number as printed ("05"); absent for a blank number. */
  so?: string;
  ngay: HeaderDate;
  /** The date as dd/mm/yyyy where the plan has a whole date. */
  ngay_so?: string;
  /** The Quyết định the plan is issued with, if any. */
  quyet_dinh?: { so?: string; ngay: HeaderDate; ngay_so?: string; ky_hieu: string; cua: string };
  /** The Phụ lục's "Kèm theo" line: the issuer's short form, and whether the date is numeric. */
  kem_theo: { cua?: string; /** print the plan's date as dd/mm/yyyy */ ngay_so: boolean };
  /** The trích yếu on one line. */
  trich_yeu: string;
  /** The trích yếu for running text (trich_yeu_trong_cau, else lower-cased where safe). */
  trich_yeu_thuong: string;
}

/**
 * A template that wraps one text of the plan: `loi_van` is that text. `noi_dung` is its former name,
 * still given because office templates written before use `{{noi_dung}}` (in the plan, `noi_dung` is
 * the list of sections: one name, one idea).
 */
export interface WrappedText {
  loi_van: string;
  /** @deprecated the former name of loi_van, kept for office templates. */
  noi_dung: string;
}

/**
 * The signature stack (nguoi-ky.hbs) and the archive line's parts (luu.hbs), under the plan's own
 * YAML words: the same shape as the source types, filled from the normalized Signer and Archive.
 */
export type SignerData = SignerSource;
export type ArchiveData = ArchiveSource;

/** What each template is given besides CommonData; a template not listed gets only CommonData. */
export interface TemplateExtras {
  "can-cu": WrappedText & {
    /** the last căn cứ */ cuoi: boolean;
    /** the user typed a final mark */ co_dau: boolean;
    /** the lead-in goes on after this (the last) căn cứ, after a comma */ noi_tiep: boolean;
  };
  han: WrappedText & { /** the deadline, dd/mm/yyyy */ han: string };
  "nhiem-vu-chu-tri": WrappedText;
  "nhiem-vu-phoi-hop": WrappedText;
  "nhiem-vu-thoi-gian": WrappedText;
  "don-vi": { don_vi: string; de_nghi: boolean; /** print the colon after the unit (hai_cham: false drops it) */ hai_cham: boolean };
  "tieu-de-cung-dong": { /** a run-in heading's title */ tieu_de: string; /** the user typed a final mark */ co_dau: boolean };
  "mo-dau": { thuc_hien: string[]; /** the last "Thực hiện" ended in a full stop */ het_cau: boolean; loi_dan: string };
  "noi-nhan-dong": { ten: string; ghi_chu?: string; co_dau: boolean };
  luu: ArchiveData;
  "nguoi-ky": SignerData;
  "phu-luc": { /** the Phụ lục's numeral, "" for a single one */ so: string };
}

export type TemplateName = keyof TemplateExtras;

/** The data of a template wrapping `text`, under its name and its former one. */
export function wrapped(text: string): WrappedText {
  return { loi_van: text, noi_dung: text };
}

export function signerData(s: Signer): SignerData {
  return { tm: s.onBehalfOf, q: s.acting, tl: s.byOrder, tuq: s.authorized, kt: s.deputyOf, chuc_vu: s.title, ho_ten: s.name };
}

export function archiveData(a: Archive): ArchiveData {
  return { don_vi: a.unit, so_ban: a.copies, nguoi_soan: a.drafter, so_ban_phat_hanh: a.issuedCopies };
}
