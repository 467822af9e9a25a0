/**
 * `kehoach import` (issue #18), the round trip's gaps: the smallest plans that came back different
 * (build → import the .docx → build), each with what the import must write.
 */
import { describe, expect, it } from "vitest";
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT, runCli, tempDir } from "./helpers.js";
import { readZip } from "../src/pack/read-zip.js";
import { relativeWidths } from "../src/read/recognize/items.js";

function parts(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readZip(readFileSync(file), { include: (n) => n === "word/document.xml" || n === "word/footnotes.xml" })) out[e.name] = e.data.toString("utf8");
  return out;
}

const HEAD = `so: "21"
ngay: "2026-01-12"
trich_yeu: Thử nhập lại kế hoạch
mo_dau:
  loi_dan: "Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:"
`;

/** The plan (beside Quảng Trị's profile) built, its .docx imported into an empty folder, built again. */
function roundTrip(body: string): { plan: Record<string, unknown>; yaml: string; orig: Record<string, string>; back: Record<string, string> } {
  const dir = tempDir("kehoach-rt-");
  cpSync(join(ROOT, "examples", "co-quan", "quang-tri.yaml"), join(dir, "co-quan.yaml"));
  writeFileSync(join(dir, "plan.yaml"), HEAD + body);
  const env = { SOURCE_DATE_EPOCH: "1700000000" };
  const built = runCli(["build", join(dir, "plan.yaml"), "-o", join(dir, "goc.docx")], { env });
  expect(built.stderr).not.toMatch(/lỗi  /);
  expect(built.code).toBe(0);
  const out = tempDir("kehoach-rt-back-");
  cpSync(join(dir, "goc.docx"), join(out, "goc.docx"));
  const imp = runCli(["import", join(out, "goc.docx"), "-o", join(out, "lai.yaml")]);
  expect(imp.code).toBe(0);
  expect(runCli(["build", join(out, "lai.yaml"), "-o", join(out, "lai.docx")], { env }).code).toBe(0);
  const yaml = readFileSync(join(out, "lai.yaml"), "utf8");
  return { plan: parse(yaml) as Record<string, unknown>, yaml, orig: parts(join(dir, "goc.docx")), back: parts(join(out, "lai.docx")) };
}

describe("kehoach import: table column widths", () => {
  it("relative widths that give back the same twips: the smallest whole numbers", () => {
    // write/table.ts: floor(w / sum * 9068) for do_rong [1, 6, 3, 2]
    expect(relativeWidths([755, 4534, 2267, 1511], 9068)).toEqual([1, 6, 3, 2]);
    expect(relativeWidths([3886, 2591, 2591], 9069)).toEqual([3, 2, 2]);
  });

  it("a table with do_rong comes back with it; a table kehoach measured comes back without", () => {
    const r = roundTrip(`noi_dung:
  - loai: nhiem_vu
    bang:
      cot: [STT, Nhiệm vụ, Thời hạn]
      do_rong: [1, 6, 2]
      dong:
        - ["1", Rà soát thủ tục hành chính, Quý II/2026]
  - loai: to_chuc_thuc_hien
    bang:
      cot: [STT, Đơn vị]
      dong:
        - ["1", Sở Nông nghiệp và Môi trường]
`);
    expect(r.yaml.match(/do_rong: \[.*\]/g)).toEqual(["do_rong: [1, 6, 2]"]);
    expect(r.back).toEqual(r.orig);
  });
});

describe("kehoach import: the office's look of each level (trinh_bay.cac_cap)", () => {
  it("headings printed by a level's default come back as that level's default, not item by item", () => {
    // Quảng Trị's profile: level 1 headings "dam" (italic switched off), level 2 "nghieng"
    const r = roundTrip(`noi_dung:
  - loai: muc_tieu
    cac_y:
      - tieu_de: Mục tiêu chung
        doan: Theo dõi diễn biến chất lượng môi trường.
      - tieu_de: Mục tiêu cụ thể
        cac_y:
          - tieu_de: Vùng ven biển
            doan: Đủ 6 đợt quan trắc trong năm.
          - tieu_de: Khu công nghiệp
            doan: Quan trắc tự động liên tục.
`);
    expect(r.plan.trinh_bay).toEqual({ cac_cap: [{ kieu_tieu_de: "dam" }, { kieu_tieu_de: "nghieng" }] });
    expect(r.yaml).not.toMatch(/^\s+kieu_tieu_de: nghieng$/m);
    expect(r.back).toEqual(r.orig);
  });
});

describe("kehoach import: a footnote cited again", () => {
  it("the note's bookmark and the NOTEREF field come back as ^[…]{#id} and <id>, in text and in a table", () => {
    const r = roundTrip(`noi_dung:
  - loai: muc_tieu
    doan: Tỷ lệ đạt 46,3%^[Báo cáo số 512/BC-SNNMT ngày 15/12/2025.]{#bc-512}.
    cac_y:
      - Nâng tỷ lệ từ 46,3%<bc-512> lên 50%.
    bang:
      cot: [TT, Chỉ tiêu]
      dong:
        - ["1", Tỷ lệ năm 2025<bc-512>]
`);
    expect(r.yaml).toContain("]{#chu-thich-1}");
    expect(r.yaml.match(/<chu-thich-1>/g)).toHaveLength(2);
    expect(r.back).toEqual(r.orig);
  });
});

describe("kehoach import: a task's lines", () => {
  it("lines typed without a dash (label in italic) and a line printed after the sub-items come back as truong", () => {
    const r = roundTrip(`noi_dung:
  - loai: nhiem_vu
    cac_y:
      - tieu_de: Quan trắc nước thải
        truong:
          - { nhan: "*Đơn vị chủ trì thực hiện:*", noi_dung: Ban Quản lý các Khu công nghiệp, gach: false }
        cac_y:
          - Kiểm tra hệ thống quan trắc tự động.
      - tieu_de: Công bố thông tin
        truong:
          - { nhan: Cơ quan thực hiện, noi_dung: Sở Nông nghiệp và Môi trường }
          - { nhan: Thời gian thực hiện, noi_dung: Quý IV năm 2026, sau_cac_y: true }
        cac_y:
          - Công bố kết quả quan trắc.
          - Cập nhật quy trình công bố.
`);
    const items = (r.plan.noi_dung as { cac_y: Record<string, unknown>[] }[])[0]!.cac_y;
    expect(items[0]!.truong).toEqual([{ nhan: "*Đơn vị chủ trì thực hiện:*", noi_dung: "Ban Quản lý các Khu công nghiệp", gach: false }]);
    expect(items[1]!.truong).toEqual([
      { nhan: "Cơ quan thực hiện", noi_dung: "Sở Nông nghiệp và Môi trường" },
      { nhan: "Thời gian thực hiện", noi_dung: "Quý IV năm 2026", sau_cac_y: true },
    ]);
    expect(r.back).toEqual(r.orig);
  });
});

describe("kehoach import: budget lines (du_toan)", () => {
  it("kehoach's budget table, with a group of lines, comes back as du_toan with cac_dong and the amounts as typed", () => {
    const r = roundTrip(`noi_dung:
  - loai: kinh_phi
    du_toan:
      - noi_dung: Khôi phục công trình cấp nước
        nguon: Vốn Chương trình mục tiêu quốc gia
        cac_dong:
          - { noi_dung: Sửa chữa 37 công trình, so_tien: "18.500.000.000" }
          - { noi_dung: Lập hồ sơ chuyển giao, so_tien: "1.215.000.000" }
      - { noi_dung: Tuyên truyền sử dụng nước sạch, so_tien: "450.000.000", nguon: Ngân sách tỉnh }
`);
    expect((r.plan.noi_dung as Record<string, unknown>[])[0]!.du_toan).toEqual([
      {
        noi_dung: "Khôi phục công trình cấp nước",
        nguon: "Vốn Chương trình mục tiêu quốc gia",
        cac_dong: [
          { noi_dung: "Sửa chữa 37 công trình", so_tien: "18.500.000.000" },
          { noi_dung: "Lập hồ sơ chuyển giao", so_tien: "1.215.000.000" },
        ],
      },
      { noi_dung: "Tuyên truyền sử dụng nước sạch", so_tien: "450.000.000", nguon: "Ngân sách tỉnh" },
    ]);
    expect(r.back).toEqual(r.orig);
  });

  it("a clerk's budget table (TT | Nội dung | Số tiền (đồng) | Nguồn, a row Tổng cộng) is read as du_toan; a wrong total keeps it a table", () => {
    const table = (total: string): string => `noi_dung:
  - loai: kinh_phi
    bang:
      cot: [TT, Nội dung, Số tiền (đồng), Nguồn kinh phí]
      dong:
        - ["1", Tập huấn cán bộ, "12.000.000", Ngân sách xã]
        - ["2", In tài liệu tuyên truyền, "3.500.000", ""]
        - [{ noi_dung: Tổng cộng, gop_cot: 2 }, "${total}", ""]
`;
    const r = roundTrip(table("15.500.000"));
    expect((r.plan.noi_dung as Record<string, unknown>[])[0]!.du_toan).toEqual([
      { noi_dung: "Tập huấn cán bộ", so_tien: "12.000.000", nguon: "Ngân sách xã" },
      { noi_dung: "In tài liệu tuyên truyền", so_tien: "3.500.000" },
    ]);
    const wrong = roundTrip(table("15.000.000"));
    expect((wrong.plan.noi_dung as Record<string, unknown>[])[0]!.bang).toBeDefined();
    expect(wrong.back).toEqual(wrong.orig);
  });
});

describe("kehoach import: a Phụ lục heading with nothing under it", () => {
  it("is kept in a '# kiểm tra:' comment, and the plan builds (no empty phu_luc entry)", () => {
    const dir = tempDir("kehoach-rt-pl-");
    cpSync(join(ROOT, "test", "fixtures", "phu-luc-trong.txt"), join(dir, "kh.txt"));
    const r = runCli(["import", join(dir, "kh.txt")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"PHỤ LỤC" của bản gốc không có nội dung');
    const yaml = readFileSync(join(dir, "kh.yaml"), "utf8");
    expect(yaml).toContain("# kiểm tra: kehoach không in được phần này của bản gốc ở chỗ này; chữ của bản gốc: PHỤ LỤC");
    expect(yaml).not.toContain("phu_luc");
  });
});

describe("kehoach import: the office's own task labels", () => {
  it("task lines printed by an office template come back as chu_tri/phoi_hop/thoi_gian, the template written beside co-quan.yaml", () => {
    const dir = tempDir("kehoach-rt-mau-");
    cpSync(join(ROOT, "examples", "co-quan", "ly-son.yaml"), join(dir, "co-quan.yaml"));
    cpSync(join(ROOT, "examples", "co-quan", "mau-ly-son"), join(dir, "mau-ly-son"), { recursive: true });
    writeFileSync(
      join(dir, "plan.yaml"),
      HEAD +
        `noi_dung:
  - loai: nhiem_vu
    cac_y:
      - doan: Tuyên truyền về quyền trẻ em.
        chu_tri: Phòng Nội vụ.
        phoi_hop: Các phòng, ban, ngành.
        thoi_gian: Thường xuyên trong năm.
`,
    );
    const env = { SOURCE_DATE_EPOCH: "1700000000" };
    expect(runCli(["build", join(dir, "plan.yaml"), "-o", join(dir, "goc.docx")], { env }).code).toBe(0);
    const out = tempDir("kehoach-rt-mau-back-");
    cpSync(join(dir, "goc.docx"), join(out, "goc.docx"));
    expect(runCli(["import", join(out, "goc.docx"), "-o", join(out, "lai.yaml")]).code).toBe(0);
    expect(readFileSync(join(out, "mau", "nhiem-vu-phoi-hop.hbs"), "utf8")).toBe("Cơ quan, đơn vị phối hợp thực hiện: {{loi_van}}");
    expect(parse(readFileSync(join(out, "co-quan.yaml"), "utf8")).mau).toBe("mau");
    const item = (parse(readFileSync(join(out, "lai.yaml"), "utf8")).noi_dung as { cac_y: Record<string, unknown>[] }[])[0]!.cac_y[0]!;
    expect(item).toMatchObject({ chu_tri: "Phòng Nội vụ.", phoi_hop: "Các phòng, ban, ngành.", thoi_gian: "Thường xuyên trong năm." });
    expect(runCli(["build", join(out, "lai.yaml"), "-o", join(out, "lai.docx")], { env }).code).toBe(0);
    expect(parts(join(out, "lai.docx"))).toEqual(parts(join(dir, "goc.docx")));
    // an office profile found beside the output: no template written, the lines kept as truong
    const found = tempDir("kehoach-rt-mau-found-");
    cpSync(join(dir, "goc.docx"), join(found, "goc.docx"));
    cpSync(join(ROOT, "examples", "co-quan", "quang-tri.yaml"), join(found, "co-quan.yaml"));
    expect(runCli(["import", join(found, "goc.docx"), "-o", join(found, "lai.yaml")]).code).toBe(0);
    const kept = (parse(readFileSync(join(found, "lai.yaml"), "utf8")).noi_dung as { cac_y: { truong?: { nhan: string }[] }[] }[])[0]!.cac_y[0]!;
    expect(kept.truong?.map((t) => t.nhan)).toContain("Cơ quan, đơn vị phối hợp thực hiện");
  });
});

describe("kehoach import: a Phụ lục table numbered by structure", () => {
  it("a TT column of 1, 1.1, 1.1.1, a … comes back as tt: so_cap with cap and group rows, and its font size as co_chu", () => {
    const r = roundTrip(`noi_dung:
  - loai: nhiem_vu
    doan: Chi tiết tại Phụ lục kèm theo.
phu_luc:
  - tieu_de: Danh mục nhiệm vụ
    bang:
      tt: so_cap
      co_chu: 12
      cot: [TT, Nội dung nhiệm vụ, Thời gian]
      dong:
        - { loai: nhom, o: [{ noi_dung: Khôi phục công trình, gop_cot: 2 }] }
        - { cap: 2, o: [Sửa chữa công trình, Quý III năm 2026] }
        - { cap: 3, o: [Khảo sát, Quý I năm 2026] }
        - { cap: 4, o: [Các xã miền núi, Tháng 02 năm 2026] }
        - { cap: 2, o: [Chuyển giao công trình, Quý IV năm 2026] }
        - [Công bố kết quả, Hằng quý]
`);
    const bang = (r.plan.phu_luc as { bang: Record<string, unknown> }[])[0]!.bang;
    expect(bang).toMatchObject({ tt: "so_cap", co_chu: 12, cot: ["TT", "Nội dung nhiệm vụ", "Thời gian"] });
    expect(bang.dong).toEqual([
      { loai: "nhom", o: [{ noi_dung: "Khôi phục công trình", gop_cot: 2 }] },
      { cap: 2, o: ["Sửa chữa công trình", "Quý III năm 2026"] },
      { cap: 3, o: ["Khảo sát", "Quý I năm 2026"] },
      { cap: 4, o: ["Các xã miền núi", "Tháng 02 năm 2026"] },
      { cap: 2, o: ["Chuyển giao công trình", "Quý IV năm 2026"] },
      ["Công bố kết quả", "Hằng quý"],
    ]);
    expect(r.back).toEqual(r.orig);
  });
});
