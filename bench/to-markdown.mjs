// The content of a kehoach plan as Markdown, so pandoc converts the same words (bench only).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const STANDARD = {
  muc_dich_yeu_cau: "MỤC ĐÍCH, YÊU CẦU", pham_vi: "PHẠM VI, ĐỐI TƯỢNG", tinh_hinh: "ĐÁNH GIÁ TÌNH HÌNH", muc_tieu: "MỤC TIÊU, CHỈ TIÊU",
  noi_dung: "NỘI DUNG", nhiem_vu: "NHIỆM VỤ, GIẢI PHÁP", kinh_phi: "KINH PHÍ THỰC HIỆN", to_chuc_thuc_hien: "TỔ CHỨC THỰC HIỆN", bao_cao: "CHẾ ĐỘ THÔNG TIN, BÁO CÁO",
};
const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"];
const list = (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const note = (s) => String(s).replace(/\^\[([^\]]*)\]/g, "^[$1]");

function items(arr, depth, out) {
  arr?.forEach((it, i) => {
    const pad = "    ".repeat(depth);
    const mark = depth === 0 ? `${i + 1}.` : "-";
    if (typeof it === "string") return out.push(`${pad}${mark} ${note(it)}`);
    const head = it.tieu_de ?? (it.don_vi ? `${it.de_nghi ? "Đề nghị " : ""}${it.don_vi}: ${list(it.doan)[0] ?? ""}` : list(it.doan)[0] ?? "");
    out.push(`${pad}${mark} ${it.tieu_de ? `**${note(head)}**` : note(head)}`);
    for (const p of it.tieu_de ? list(it.doan) : list(it.doan).slice(1)) out.push("", `${pad}    ${note(p)}`, "");
    if (it.chu_tri) out.push(`${pad}    - Cơ quan chủ trì: ${it.chu_tri}.`);
    if (it.phoi_hop) out.push(`${pad}    - Cơ quan phối hợp: ${it.phoi_hop}.`);
    if (it.thoi_gian) out.push(`${pad}    - Thời gian thực hiện: ${it.thoi_gian}.`);
    items(it.cac_y, depth + 1, out);
  });
}

export function toMarkdown(file) {
  const p = parse(readFileSync(file, "utf8"));
  const out = ["**KẾ HOẠCH**", "", `**${String(p.trich_yeu).replace(/\n/g, " ")}**`, ""];
  const md = p.mo_dau;
  if (typeof md === "string") out.push(md, "");
  else if (md) out.push(`Thực hiện ${list(md.thuc_hien).join("; ")}, ${md.loi_dan ?? ""}`, "");
  p.noi_dung.forEach((s, i) => {
    out.push(`# ${ROMAN[i]}. ${(s.tieu_de ?? STANDARD[s.loai]).toUpperCase()}`, "");
    for (const d of list(s.doan)) out.push(note(d), "");
    items(s.cac_y, 0, out);
    out.push("");
  });
  if (p.ket_thuc) out.push(`${p.ket_thuc}./.`, "");
  out.push("*Nơi nhận:*", "");
  for (const r of p.noi_nhan ?? []) out.push(`- ${typeof r === "string" ? r : r.ten};`);
  return out.join("\n") + "\n";
}
