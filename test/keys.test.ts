/**
 * Every key the schemas accept has an effect at every place it is accepted (issue 13, item 7).
 * The test walks both schemas (following $refs) to every `properties` key at every place of a plan or
 * profile, and, from the table below, adds the key to a minimal valid plan there and proves the output
 * changes: the document's XML, or the findings (lint settings, keys a complete plan needs), or the
 * profile used (ho_so). A key the schema gains without a row in the table fails the test.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { parse, stringify } from "yaml";
import { checkFile } from "../src/commands/check.js";
import { docxBytes, loadPlan, renderLoaded } from "../src/pipeline.js";
import { hasErrors } from "../src/model/finding.js";
import { parts } from "./docx.js";
import { MINIMAL_PLAN, ROOT, tempDir } from "./helpers.js";

type Obj = Record<string, unknown>;

/** What a case is made of: the plan, maybe a co-quan.yaml beside it, maybe other files. */
interface Scenario {
  plan: Obj;
  profile?: Obj;
  files: Record<string, string>;
}

/** How the effect is seen. */
type Observe = "document" | "findings" | "profile";

interface Sample {
  value: unknown;
  /** Applied before and after: removes what the minimal plan has, adds what the key needs beside it. */
  prepare?: (container: Obj, s: Scenario) => void;
  observe?: Observe;
}

// ——— the schemas' places ———————————————————————————————————————————————————————————

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema | Schema[]; anyOf?: Schema[]; allOf?: Schema[]; oneOf?: Schema[] };
const SCHEMA_FILES = ["kehoach.schema.json", "co-quan.schema.json"];
const schemas = new Map(SCHEMA_FILES.map((f) => [f, JSON.parse(readFileSync(join(ROOT, "schemas", f), "utf8")) as Schema]));

function resolveRef(file: string, ref: string): [string, Schema] {
  const [target, pointer = ""] = ref.split("#");
  const f = target || file;
  let node: unknown = schemas.get(f);
  for (const seg of pointer.split("/").filter(Boolean)) node = (node as Obj)[seg.replace(/~1/g, "/").replace(/~0/g, "~")];
  return [f, node as Schema];
}

/** Place (an instance path like "noi_dung[].cac_y[]", profile places prefixed "co-quan.yaml:") → keys. */
function acceptedKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const walk = (file: string, node: Schema, place: string, refs: string[]): void => {
    if (node.$ref) {
      const [f, target] = resolveRef(file, node.$ref);
      const id = `${f}#${node.$ref.split("#")[1]}`;
      // a list of items inside an item is the same place again
      if (!refs.includes(id)) walk(f, target, place, [...refs, id]);
    }
    for (const kw of ["anyOf", "allOf", "oneOf"] as const) for (const sub of node[kw] ?? []) walk(file, sub, place, refs);
    if (node.items) for (const sub of Array.isArray(node.items) ? node.items : [node.items]) walk(file, sub, `${place}[]`, refs);
    for (const [key, sub] of Object.entries(node.properties ?? {})) {
      out.set(place, [...new Set([...(out.get(place) ?? []), key])]);
      walk(file, sub, place.endsWith(":") || place === "" ? `${place}${key}` : `${place}.${key}`, refs);
    }
  };
  walk("kehoach.schema.json", schemas.get("kehoach.schema.json")!, "", []);
  walk("co-quan.schema.json", schemas.get("co-quan.schema.json")!, "co-quan.yaml:", []);
  return out;
}

// ——— where each place is in a minimal plan ————————————————————————————————————————————

const plural = (o: Obj, key: string, make: () => Obj): Obj => {
  const list = ((o[key] as Obj[] | undefined) ??= []);
  if (!list.length) list.push(make());
  return list[list.length - 1]!;
};
const firstSection = (s: Scenario): Obj => (s.plan.noi_dung as Obj[])[0]!;
/** The shapes an item (ý) takes: plain, titled, a unit's duties; a key is tried on each. */
const ITEM_SHAPES: Obj[] = [
  { doan: "Tổ chức tuyên truyền về quyền trẻ em." },
  { tieu_de: "Tuyên truyền", doan: "Tổ chức tuyên truyền về quyền trẻ em." },
  { don_vi: "Công chức Văn hóa - Xã hội", doan: "Tổ chức tuyên truyền về quyền trẻ em." },
];
let itemShape = ITEM_SHAPES[0]!;
const newItem = (list: Obj): Obj => {
  const item: Obj = clone(itemShape);
  ((list.cac_y as Obj[] | undefined) ??= []).push(item);
  return item;
};
const appendix = (s: Scenario): Obj => plural(s.plan, "phu_luc", () => ({ tieu_de: "Danh sách các trường học" }));
/** The mapping whose list `key` holds x (the item whose truong holds a field, the table whose dong holds a row). */
const holder = (o: unknown, key: string, x: Obj): Obj | undefined => {
  if (!o || typeof o !== "object") return undefined;
  if (Array.isArray((o as Obj)[key]) && ((o as Obj)[key] as Obj[]).includes(x)) return o as Obj;
  for (const v of Object.values(o)) {
    const found = holder(v, key, x);
    if (found) return found;
  }
  return undefined;
};
/** The row second in a table numbered by structure, after a level-1 row: its level changes its number. */
const underFirstRow = (row: Obj, s: Scenario): void => {
  const t = holder(s.plan, "dong", row)!;
  t.tt = "so_cap";
  t.cot = ["TT", "Nội dung", "Thời gian"];
  t.dong = [["Tập huấn", "Quý I"], row];
};
/** A Phụ lục whose second level has a titled point and a plain one, for its own level defaults. */
const appendixWithPoints = (s: Scenario): Obj => {
  const a = appendix(s);
  a.cac_y = [{ tieu_de: "Trường học", cac_y: [{ tieu_de: "Mầm non" }, "Trường Tiểu học xã."] }];
  return a;
};
const budgetLine = (o: Obj): Obj => plural(o, "du_toan", () => ({ noi_dung: "Tuyên truyền", so_tien: 5000000 }));
const taskField = (o: Obj): Obj => plural(o, "truong", () => ({ nhan: "Sản phẩm", noi_dung: "Báo cáo kết quả" }));
/** The mapping whose truong list holds the field. */
const owner = (o: unknown, field: Obj): Obj | undefined => holder(o, "truong", field);
const table = (o: Obj): Obj => ((o.bang as Obj | undefined) ??= { cot: ["Nội dung", "Thời gian"], dong: [["Tuyên truyền", "Quý II"]] });
/** The profile co-quan.yaml, holding what the plan no longer has for the keys tested there. */
const profile = (s: Scenario): Obj => (s.profile ??= {});
const profileWith = (key: string, value: () => unknown) => (s: Scenario): Obj => {
  delete s.plan[key];
  return ((profile(s)[key] as Obj | undefined) ??= value() as Obj);
};

/** Presentation choices that print as the defaults, so that removing one key leaves a valid mapping. */
const defaultPresentation = (): Obj => ({ can_cu_nghieng: true, cac_cap: [{ kieu_tieu_de: "dam" }] });
const trinhBay = (s: Scenario): Obj => ((s.plan.trinh_bay as Obj | undefined) ??= defaultPresentation());
/** The second level's defaults (the minimal plan's điểm), again printing as the defaults. */
const secondLevel = (o: Obj): Obj => {
  const levels = [{ kieu_tieu_de: "dam" }, { danh_dau: "chu", kieu_so: "thuong" }];
  o.cac_cap = levels;
  return levels[1]!;
};
/** Turns the minimal plan's điểm into titled ones. */
const titledPoints = (_: Obj, s: Scenario): void => {
  ((s.plan.noi_dung as Obj[])[0]!.cac_y as Obj[])[0]!.cac_y = [{ tieu_de: "Tuyên truyền" }, { tieu_de: "Vận động" }];
};
const withBases = (_: Obj, s: Scenario): void => {
  s.plan.mo_dau = { can_cu: ["Luật Trẻ em năm 2016"] };
};

const MINIMAL = parse(MINIMAL_PLAN) as Obj;
/** A plan issued with a Quyết định: it has no Số, date, signature or Nơi nhận of its own. */
const withDecree = (s: Scenario): Obj => {
  for (const k of ["so", "ngay", "nguoi_ky", "noi_nhan", "luu"]) delete s.plan[k];
  return ((s.plan.quyet_dinh as Obj | undefined) ??= {});
};
/** The Kèm theo line is printed only under a Phụ lục. */
const withAppendix = (_: Obj, s: Scenario): void => void appendix(s);
const clone = <T>(v: T): T => structuredClone(v);

/** A table whose rows come from a small .csv beside the plan. */
const CSV = "Nội dung,Thời gian\nTuyên truyền,Quý II\nHội nghị,Quý III\n";
const fromCsv = (t: Obj, s: Scenario): void => {
  delete t.cot;
  delete t.dong;
  t.tep = "bang.csv";
  s.files["bang.csv"] = CSV;
};
/** The places inside a `bang` at `P` (cells of header and rows, row objects, kieu_dong). */
function tablePlaces(p: string, at: (s: Scenario) => Obj): Record<string, { kind: string; at: (s: Scenario) => Obj }> {
  const cellIn = (set: (t: Obj, cell: Obj) => void) => (s: Scenario): Obj => {
    const cell: Obj = { noi_dung: "Tuyên truyền" };
    set(at(s), cell);
    return cell;
  };
  return {
    [`${p}.cot[]`]: { kind: "o_bang", at: cellIn((t, c) => void (t.cot = [c, "Thời gian"])) },
    [`${p}.cot[][]`]: { kind: "o_bang", at: cellIn((t, c) => void (t.cot = [[c, "Thời gian"]])) },
    [`${p}.dong[][]`]: { kind: "o_bang", at: cellIn((t, c) => void (t.dong = [[c, "Quý II"]])) },
    [`${p}.dong[].o[]`]: { kind: "o_bang", at: cellIn((t, c) => void (t.dong = [{ o: [c, "Quý II"] }])) },
    [`${p}.dong[]`]: { kind: "dong_bang", at: (s) => ((at(s).dong = [{ o: ["Tuyên truyền", "Quý II"] }]) as Obj[])[0]! },
    [`${p}.kieu_dong`]: {
      kind: "kieu_dong",
      at: (s) => {
        const t = at(s);
        fromCsv(t, s);
        return (t.kieu_dong = {}) as Obj;
      },
    },
  };
}

/** Each place: the kind of mapping found there (keys of the sample table) and how to reach one. */
const PLACES: Record<string, { kind: string; at: (s: Scenario) => Obj }> = {
  "": { kind: "plan", at: (s) => s.plan },
  co_quan: { kind: "co_quan", at: (s) => s.plan.co_quan as Obj },
  mo_dau: { kind: "mo_dau", at: (s) => ((s.plan.mo_dau as Obj | undefined) ??= {}) },
  "noi_dung[]": { kind: "muc", at: firstSection },
  "noi_dung[].cac_y[]": { kind: "y", at: (s) => newItem(firstSection(s)) },
  "noi_dung[].cac_y[].du_toan[]": { kind: "du_toan", at: (s) => budgetLine(newItem(firstSection(s))) },
  "noi_dung[].cac_y[].truong[]": { kind: "truong", at: (s) => taskField(newItem(firstSection(s))) },
  "noi_dung[].cac_y[].bang": { kind: "bang", at: (s) => table(newItem(firstSection(s))) },
  ...tablePlaces("noi_dung[].cac_y[].bang", (s) => table(newItem(firstSection(s)))),
  "noi_dung[].du_toan[]": { kind: "du_toan", at: (s) => budgetLine(firstSection(s)) },
  "noi_dung[].bang": { kind: "bang", at: (s) => table(firstSection(s)) },
  ...tablePlaces("noi_dung[].bang", (s) => table(firstSection(s))),
  nguoi_ky: { kind: "nguoi_ky", at: (s) => s.plan.nguoi_ky as Obj },
  "noi_nhan[]": { kind: "noi_nhan", at: (s) => (s.plan.noi_nhan as Obj[])[0]! },
  luu: { kind: "luu", at: (s) => s.plan.luu as Obj },
  "phu_luc[]": { kind: "phu_luc", at: appendix },
  "phu_luc[].cac_y[]": { kind: "y", at: (s) => newItem(appendix(s)) },
  "phu_luc[].cac_y[].du_toan[]": { kind: "du_toan", at: (s) => budgetLine(newItem(appendix(s))) },
  "phu_luc[].cac_y[].truong[]": { kind: "truong", at: (s) => taskField(newItem(appendix(s))) },
  "phu_luc[].cac_y[].bang": { kind: "bang", at: (s) => table(newItem(appendix(s))) },
  ...tablePlaces("phu_luc[].cac_y[].bang", (s) => table(newItem(appendix(s)))),
  "phu_luc[].bang": { kind: "bang", at: (s) => table(appendix(s)) },
  ...tablePlaces("phu_luc[].bang", (s) => table(appendix(s))),
  kiem_tra: { kind: "kiem_tra", at: (s) => ((s.plan.kiem_tra as Obj | undefined) ??= {}) },
  kem_theo: { kind: "kem_theo", at: (s) => ((s.plan.kem_theo as Obj | undefined) ??= {}) },
  quyet_dinh: { kind: "quyet_dinh", at: (s) => withDecree(s) },
  trinh_bay: { kind: "trinh_bay", at: trinhBay },
  "trinh_bay.cac_cap[]": { kind: "cap", at: (s) => secondLevel(trinhBay(s)) },
  "noi_dung[].cac_cap[]": { kind: "cap", at: (s) => secondLevel(firstSection(s)) },
  "phu_luc[].cac_cap[]": { kind: "cap", at: (s) => secondLevel(appendixWithPoints(s)) },
  "co-quan.yaml:trinh_bay": { kind: "trinh_bay", at: profileWith("trinh_bay", defaultPresentation) },
  "co-quan.yaml:trinh_bay.cac_cap[]": { kind: "cap", at: (s) => secondLevel(profileWith("trinh_bay", defaultPresentation)(s)) },
  "co-quan.yaml:": { kind: "profile", at: profile },
  "co-quan.yaml:co_quan": { kind: "co_quan", at: profileWith("co_quan", () => clone(MINIMAL.co_quan)) },
  "co-quan.yaml:nguoi_ky": { kind: "nguoi_ky", at: profileWith("nguoi_ky", () => clone(MINIMAL.nguoi_ky)) },
  "co-quan.yaml:noi_nhan[]": { kind: "noi_nhan", at: (s) => (profileWith("noi_nhan", () => clone(MINIMAL.noi_nhan))(s) as unknown as Obj[])[0]! },
  "co-quan.yaml:luu": { kind: "luu", at: profileWith("luu", () => clone(MINIMAL.luu)) },
  "co-quan.yaml:kem_theo": { kind: "kem_theo", at: profileWith("kem_theo", () => ({})) },
  "co-quan.yaml:kiem_tra": { kind: "kiem_tra", at: profileWith("kiem_tra", () => ({})) },
};

// ——— sample values, by kind of mapping and key ———————————————————————————————————————

const drop = (...keys: string[]) => (c: Obj): void => keys.forEach((k) => delete c[k]);
/** A date the lint calls too far ahead (more than the default 60 days), whatever today is. */
const farAhead = (): string => new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 10);
const futureDate = (_: Obj, s: Scenario): void => {
  s.plan.ngay = farAhead();
};
/** For the profile's own keys: the plan does not have them, so the profile's are used. */
const fromPlan = (key: string) => (_: Obj, s: Scenario): void => {
  delete s.plan[key];
};

const SAMPLES: Record<string, Record<string, Sample>> = {
  plan: {
    ho_so: {
      value: "co-quan/so-noi-vu.yaml",
      prepare: (_, s) => void (s.files["co-quan/so-noi-vu.yaml"] = "luu: { don_vi: VP }\n"),
      observe: "profile",
    },
    co_quan: { value: MINIMAL.co_quan, prepare: drop("co_quan"), observe: "findings" },
    so: { value: "5", prepare: drop("so") },
    ngay: { value: "2025-03-05", prepare: drop("ngay"), observe: "findings" },
    trich_yeu: { value: "Thực hiện công tác trẻ em năm 2025", prepare: drop("trich_yeu"), observe: "findings" },
    trich_yeu_trong_cau: { value: "thực hiện công tác trẻ em năm 2025 trên địa bàn xã" },
    mo_dau: { value: "Căn cứ Luật Trẻ em năm 2016, Ủy ban nhân dân xã ban hành Kế hoạch như sau:" },
    noi_dung: { value: MINIMAL.noi_dung, prepare: drop("noi_dung"), observe: "findings" },
    ket_thuc: { value: "Trên đây là Kế hoạch của Ủy ban nhân dân xã Bằng Mạc" },
    nguoi_ky: { value: MINIMAL.nguoi_ky, prepare: drop("nguoi_ky"), observe: "findings" },
    noi_nhan: { value: MINIMAL.noi_nhan, prepare: drop("noi_nhan"), observe: "findings" },
    luu: { value: MINIMAL.luu, prepare: drop("luu") },
    phu_luc: { value: [{ tieu_de: "Danh sách các trường học", doan: "Trường Mầm non xã Bằng Mạc." }] },
    ky_so: { value: true },
    mau: { value: "mau", prepare: (_, s) => void (s.files["mau/ten-loai.hbs"] = "KẾ HOẠCH HÀNH ĐỘNG") },
    kiem_tra: { value: { tat: ["lint.date-future"] }, prepare: futureDate, observe: "findings" },
    trinh_bay: { value: { can_cu_nghieng: false }, prepare: withBases },
    kem_theo: { value: { cua: "UBND xã Bằng Mạc" }, prepare: withAppendix },
    quyet_dinh: { value: { so: "3961" }, prepare: (_, s) => void withDecree(s), observe: "findings" },
  },
  kem_theo: {
    cua: { value: "UBND xã Bằng Mạc", prepare: (c, s) => void (withAppendix(c, s), (c.ngay = "so")) },
    ngay: { value: "so", prepare: withAppendix },
  },
  quyet_dinh: {
    so: { value: "3961" },
    ngay: { value: "2025-11-18" },
    ky_hieu: { value: "QĐ-CTUBND" },
    cua: { value: "Chủ tịch Ủy ban nhân dân xã Bằng Mạc" },
  },
  profile: {
    co_quan: { value: MINIMAL.co_quan, prepare: fromPlan("co_quan"), observe: "findings" },
    nguoi_ky: { value: MINIMAL.nguoi_ky, prepare: fromPlan("nguoi_ky"), observe: "findings" },
    noi_nhan: { value: MINIMAL.noi_nhan, prepare: fromPlan("noi_nhan"), observe: "findings" },
    luu: { value: MINIMAL.luu, prepare: fromPlan("luu") },
    ky_so: { value: true },
    mau: { value: "mau", prepare: (_, s) => void (s.files["mau/ten-loai.hbs"] = "KẾ HOẠCH HÀNH ĐỘNG") },
    kiem_tra: { value: { tat: ["lint.date-future"] }, prepare: futureDate, observe: "findings" },
    kem_theo: { value: { cua: "UBND xã Bằng Mạc" }, prepare: withAppendix },
    trinh_bay: { value: { can_cu_nghieng: false }, prepare: withBases },
  },
  trinh_bay: {
    can_cu_nghieng: { value: false, prepare: withBases },
    cac_cap: { value: [{ danh_dau: "gach" }] },
  },
  cap: {
    danh_dau: { value: "chu_cham" },
    kieu_tieu_de: { value: "nghieng", prepare: titledPoints },
    kieu_so: { value: "dam" },
  },
  co_quan: {
    chu_quan: { value: "UBND HUYỆN CHI LĂNG" },
    ten: { value: ["ỦY BAN NHÂN DÂN", "XÃ BẰNG MẠC"], prepare: drop("ten"), observe: "findings" },
    ten_goi: { value: "Ủy ban nhân dân xã Bằng Mạc", prepare: drop("ten_goi") },
    viet_tat: { value: "UBND", prepare: drop("viet_tat"), observe: "findings" },
    dia_danh: { value: "Bằng Mạc", prepare: drop("dia_danh"), observe: "findings" },
  },
  mo_dau: {
    can_cu: { value: ["Luật Trẻ em năm 2016"], prepare: (c) => void (c.thuc_hien = "Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện") },
    thuc_hien: { value: "Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện", prepare: (c) => void (c.can_cu = ["Luật Trẻ em năm 2016"]) },
    loi_dan: { value: "UBND xã xây dựng kế hoạch như sau:", prepare: (c) => void (c.can_cu = ["Luật Trẻ em năm 2016"]) },
    boi_canh: { value: "Năm 2024, công tác trẻ em của xã đạt nhiều kết quả.", prepare: (c) => void (c.thuc_hien = "Kế hoạch số 169/KH-UBND ngày 14/5/2024 của UBND huyện") },
    loi_dan_sau_can_cu: { value: true, prepare: (c) => void (c.can_cu = ["tình hình thực tế của địa phương;"]) },
  },
  muc: {
    ma: { value: "dan-chieu", prepare: (_, s) => void (s.plan.ket_thuc = "Các đơn vị thực hiện theo <dan-chieu>"), observe: "findings" },
    loai: { value: "muc_dich_yeu_cau", prepare: drop("loai"), observe: "findings" },
    tieu_de: { value: "MỤC ĐÍCH, YÊU CẦU CỦA KẾ HOẠCH", prepare: drop("loai"), observe: "findings" },
    doan: { value: "Bảo đảm quyền trẻ em trên địa bàn xã." },
    danh_dau: { value: "gach" },
    cac_y: { value: ["Tuyên truyền về quyền trẻ em."], prepare: (c) => void (drop("cac_y")(c), (c.doan = "Bảo đảm quyền trẻ em.")) },
    cac_cap: { value: [{ danh_dau: "gach" }] },
    du_toan: { value: [{ noi_dung: "Tuyên truyền", so_tien: 5000000 }] },
    bang: { value: { cot: ["Nội dung", "Thời gian"], dong: [["Tuyên truyền", "Quý II"]] } },
    bang_nhiem_vu: { value: "thay" },
  },
  y: {
    ma: { value: "dan-chieu", prepare: (_, s) => void (s.plan.ket_thuc = "Các đơn vị thực hiện theo <dan-chieu>"), observe: "findings" },
    tieu_de: { value: "Tuyên truyền" },
    don_vi: { value: "Công chức Văn hóa - Xã hội" },
    de_nghi: { value: true, prepare: (c) => void (c.don_vi = "Ủy ban Mặt trận Tổ quốc Việt Nam xã") },
    doan: { value: "Phối hợp tuyên truyền.", prepare: (c) => void (drop("doan")(c), (c.tieu_de = "Tuyên truyền")) },
    chu_tri: { value: "Công an xã" },
    phoi_hop: { value: "Các trường học" },
    thoi_gian: { value: "Quý II năm 2025" },
    truong: { value: [{ nhan: "Cơ quan thực hiện", noi_dung: "Sở Nông nghiệp và Môi trường" }] },
    han: { value: "2025-05-10", prepare: (c) => void (c.doan = "Báo cáo kết quả 6 tháng đầu năm") },
    danh_dau: { value: "gach", prepare: (c) => void (c.cac_y = ["Tuyên truyền trên loa truyền thanh."]) },
    cac_y: { value: ["Tuyên truyền trên loa truyền thanh."] },
    du_toan: { value: [{ noi_dung: "Tuyên truyền", so_tien: 5000000 }] },
    bang: { value: { cot: ["Nội dung", "Thời gian"], dong: [["Tuyên truyền", "Quý II"]] } },
    tieu_de_cung_dong: { value: true, prepare: (c) => void ((c.tieu_de ??= "Mục tiêu chung"), (c.doan ??= "Đến năm 2030, mọi trẻ em được bảo vệ.")) },
    kieu_tieu_de: { value: "nghieng", prepare: (c) => void (c.tieu_de ??= "Mục tiêu tổng quát") },
    kieu_so: { value: "dam" },
    xuong_dong: { value: true },
    hai_cham: { value: false },
    doan_chen: { value: "*Lưu ý:* các ý sau thực hiện trong quý II.", prepare: (c) => Object.keys(c).forEach((k) => delete c[k]) },
  },
  truong: {
    nhan: { value: "Cơ quan thực hiện", prepare: drop("nhan"), observe: "findings" },
    noi_dung: { value: "Định kỳ hằng năm (trước ngày 15 tháng 12)", prepare: drop("noi_dung"), observe: "findings" },
    gach: { value: false },
    // after the sub-items only moves a line where there are sub-items
    sau_cac_y: { value: true, prepare: (c, s) => void (owner(s.plan, c)!.cac_y ??= ["Lấy mẫu nước mặt."]) },
  },
  du_toan: {
    noi_dung: { value: "Tuyên truyền", prepare: drop("noi_dung"), observe: "findings" },
    so_tien: { value: 5000000, prepare: drop("so_tien"), observe: "findings" },
    nguon: { value: "Ngân sách xã" },
    cac_dong: { value: [{ noi_dung: "In tờ rơi", so_tien: "3.000.000" }, { noi_dung: "Pa nô", so_tien: "2.000.000" }] },
  },
  bang: {
    cot: { value: ["Nội dung", "Thời gian"], prepare: drop("cot"), observe: "findings" },
    dong: { value: [["Tuyên truyền", "Quý II"]], prepare: drop("dong"), observe: "findings" },
    do_rong: { value: [3, 1] },
    can: { value: ["phai", "giua"] },
    co_chu: { value: 11 },
    // with tt the rows give no TT cell: the row typed with one is too long
    tt: { value: true, prepare: (c) => void (c.cot = ["TT", "Nội dung", "Thời gian"]), observe: "findings" },
    // (tt: so_cap, the other value, is the cap sample's: a row's level)
    cot_tien: { value: [2] },
    tep: { value: "bang.csv", prepare: (c, s) => void (fromCsv(c, s), delete c.tep), observe: "findings" },
    trang: { value: "Trang 1", prepare: fromCsv, observe: "findings" },
    vung: { value: "A1:B2", prepare: fromCsv },
    dong_tieu_de: { value: 2, prepare: fromCsv },
    kieu_dong: { value: { tong: [3] }, prepare: fromCsv },
  },
  o_bang: {
    noi_dung: { value: "Tuyên truyền", prepare: drop("noi_dung"), observe: "findings" },
    // a merged cell covers another column or row: the row's count changes
    gop_cot: { value: 2, observe: "findings" },
    gop_dong: { value: 2, observe: "findings" },
  },
  dong_bang: {
    o: { value: ["Tuyên truyền", "Quý II"], prepare: drop("o"), observe: "findings" },
    loai: { value: "tong" },
    dam: { value: true },
    nghieng: { value: true },
    cap: { value: 2, prepare: underFirstRow },
  },
  kieu_dong: {
    nhom: { value: [2] },
    cong: { value: [2] },
    tong: { value: [3] },
  },
  nguoi_ky: {
    tm: { value: "ỦY BAN NHÂN DÂN" },
    q: { value: "CHỦ TỊCH" },
    tl: { value: "CHỦ TỊCH" },
    tuq: { value: "CHỦ TỊCH" },
    kt: { value: "CHỦ TỊCH", prepare: drop("kt") },
    chuc_vu: { value: "PHÓ CHỦ TỊCH", prepare: drop("chuc_vu"), observe: "findings" },
    ho_ten: { value: "Triệu Thị Diệp", prepare: drop("ho_ten"), observe: "findings" },
  },
  noi_nhan: {
    ten: { value: "UBND huyện", prepare: drop("ten"), observe: "findings" },
    ghi_chu: { value: "b/c", prepare: drop("ghi_chu") },
  },
  luu: {
    don_vi: { value: "VHXH", prepare: drop("don_vi", "so_ban") },
    so_ban: { value: "02", prepare: drop("so_ban") },
    nguoi_soan: { value: "ĐTL" },
    so_ban_phat_hanh: { value: "10", prepare: (c) => void (c.nguoi_soan = "ĐTL") },
  },
  phu_luc: {
    ma: { value: "dan-chieu", prepare: (_, s) => void (s.plan.ket_thuc = "Các đơn vị thực hiện theo <dan-chieu>"), observe: "findings" },
    tieu_de: { value: "Danh sách các trường học", prepare: (c) => void (drop("tieu_de")(c), (c.doan = "Trường Mầm non xã.")) },
    doan: { value: "Trường Mầm non xã." },
    danh_dau: { value: "gach", prepare: (c) => void (c.cac_y = ["Trường Mầm non xã."]) },
    cac_y: { value: ["Trường Mầm non xã."] },
    bang: { value: { cot: ["Trường", "Số trẻ em"], dong: [["Mầm non", "120"]] } },
    ngang: { value: true },
    cac_cap: { value: [{ danh_dau: "gach" }], prepare: (c) => void (c.cac_y = ["Trường Mầm non xã."]) },
    bang_nhiem_vu: { value: "them", prepare: (c) => void (c.cac_y = [{ doan: "Rà soát trường lớp", chu_tri: "Phòng Giáo dục" }]) },
    kem_theo: { value: "(Kèm theo Kế hoạch số 05/KH-UBND ngày 05/3/2025 của UBND xã Bằng Mạc)" },
  },
  kiem_tra: {
    tat: { value: ["lint.date-future"], prepare: futureDate, observe: "findings" },
    ngay_tuong_lai: { value: 3650, prepare: futureDate, observe: "findings" },
  },
};

// ——— running a case ————————————————————————————————————————————————————————————————

function write(s: Scenario): string {
  const dir = tempDir("kehoach-keys-");
  const file = join(dir, "ke-hoach.yaml");
  writeFileSync(file, stringify(s.plan));
  if (s.profile) writeFileSync(join(dir, "co-quan.yaml"), stringify(s.profile));
  for (const [name, text] of Object.entries(s.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return file;
}

function findings(file: string): string {
  const dir = dirname(file);
  return JSON.stringify(checkFile(file).map((f) => [f.severity, f.rule, f.path, f.message.split(dir).join("<dir>")]));
}

/** The output a key may change, as text; the document must build without errors. */
async function output(s: Scenario, observe: Observe): Promise<string> {
  const file = write(s);
  const dir = dirname(file);
  if (observe === "findings") return findings(file);
  const loaded = loadPlan(file);
  if (observe === "profile") return loaded.sources.map((x) => x.file.split(dir).join("<dir>")).join(" ");
  expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  const r = renderLoaded(loaded.plan!, { date: new Date(Date.UTC(2025, 2, 5)) });
  expect(hasErrors(r.findings)).toBe(false);
  const docx = await docxBytes(r.model!);
  return [...parts(docx)].filter(([name]) => name.startsWith("word/")).map(([name, xml]) => `${name}\n${xml}`).join("\n");
}

function scenario(place: string, key: string, sample: Sample, withKey: boolean): Scenario {
  const s: Scenario = { plan: clone(MINIMAL), files: {} };
  const container = PLACES[place]!.at(s);
  sample.prepare?.(container, s);
  if (withKey) container[key] = clone(sample.value);
  else delete container[key];
  return s;
}

const accepted = acceptedKeys();
const cases = [...accepted].flatMap(([place, keys]) => keys.map((key) => [place, key] as const));

describe("every key the schemas accept has an effect where it is accepted", () => {
  it("finds the places of both schemas, and the table knows every place and key", () => {
    expect(accepted.get("noi_dung[].cac_y[]")).toContain("de_nghi");
    expect(accepted.get("co-quan.yaml:")).toContain("kiem_tra");
    const unknownPlaces = [...accepted.keys()].filter((p) => !PLACES[p]);
    expect(unknownPlaces, "places the schema accepts keys at that the PLACES table lacks").toEqual([]);
    const missing = cases.filter(([place, key]) => !SAMPLES[PLACES[place]!.kind]?.[key]).map(([p, k]) => `${p} ${k}`);
    expect(missing, "keys the schema accepts that the SAMPLES table lacks").toEqual([]);
    const stale = Object.entries(PLACES).filter(([p]) => !accepted.has(p)).map(([p]) => p);
    expect(stale, "places in the table the schema no longer has").toEqual([]);
  });

  it.each(cases)("%s → %s changes the output", async (place, key) => {
    const sample = SAMPLES[PLACES[place]!.kind]![key]!;
    const observe = sample.observe ?? "document";
    const shapes = PLACES[place]!.kind === "y" ? ITEM_SHAPES : [ITEM_SHAPES[0]!];
    const outcomes: string[] = [];
    for (const shape of shapes) {
      itemShape = shape;
      const after = scenario(place, key, sample, true);
      const before = scenario(place, key, sample, false);
      // where the key makes the plan invalid, the schema (or normalize) rejects it there: no effect to prove
      if (observe === "document" && hasErrors(checkFile(write(after)))) {
        outcomes.push(`${JSON.stringify(shape)}: rejected`);
        continue;
      }
      const invalidBefore = observe === "document" && hasErrors(checkFile(write(before)));
      const how = invalidBefore ? "findings" : observe;
      const changed = (await output(after, how)) !== (await output(before, how));
      outcomes.push(`${JSON.stringify(shape)}: ${changed ? "changed" : "NO EFFECT"}`);
    }
    itemShape = ITEM_SHAPES[0]!;
    expect(outcomes.filter((o) => o.endsWith("NO EFFECT")), outcomes.join("; ")).toEqual([]);
    expect(outcomes.some((o) => o.endsWith("changed")), "accepted nowhere").toBe(true);
  });
});
