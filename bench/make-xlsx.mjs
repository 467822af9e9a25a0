// Writes examples/phu-luc-bang-tinh/du-toan-quan-trac.xlsx from the data below, byte for byte the
// same at every run (fixed zip dates, parts in order): `npm run build && node bench/make-xlsx.mjs [out.xlsx]`.
// The workbook is what an office keeps: a two-row header with merged titles, group rows, SUM
// formulas with the values Excel caches beside them, a note merged down several rows.
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { writeZip } from "../dist/pack/index.js";

const OUT = process.argv[2] ?? fileURLToPath(new URL("../examples/phu-luc-bang-tinh/du-toan-quan-trac.xlsx", import.meta.url));

// columns: A Nội dung | B Đơn vị | C Số mẫu | D Đơn giá | E Thành tiền | F X | G Y | H Ghi chú
const groups = [
  {
    title: "Quan trắc nước mặt",
    rows: [
      ["Sông Bằng Giang đoạn qua cầu Hoàng Ngà", "Mẫu", 4, 1850000, 588000, 2508321],
      ["Sông Hiến tại cầu Sông Hiến", "Mẫu", 4, 1850000, 587412, 2507985],
      ["Suối Khuổi Khoán sau khu xử lý nước thải", "Mẫu", 4, 1850000, 589120, 2509410],
    ],
    note: "Lấy mẫu 4 đợt (tháng 3, 6, 9, 12)",
  },
  {
    title: "Quan trắc không khí xung quanh",
    rows: [
      ["Ngã tư Km3, phường Sông Hiến", "Mẫu", 6, 2150000, 586214, 2510307],
      ["Khu công nghiệp Đề Thám", "Mẫu", 6, 2150000, 590841, 2506733],
    ],
    note: "Lấy mẫu 6 đợt, mỗi đợt 1 ngày",
  },
  {
    title: "Quan trắc đất",
    rows: [["Bãi chôn lấp chất thải rắn Khuổi Kép", "Mẫu", 2, 3420000, 584995, 2511872]],
  },
];

const strings = [];
const sst = (s) => {
  let i = strings.indexOf(s);
  if (i < 0) i = strings.push(s) - 1;
  return i;
};
const esc = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const rows = [];
const merges = [];
const text = (ref, s) => `<c r="${ref}" t="s"><v>${sst(s)}</v></c>`;
const num = (ref, n) => `<c r="${ref}"><v>${n}</v></c>`;
const sum = (ref, f, n) => `<c r="${ref}"><f>${f}</f><v>${n}</v></c>`;
const row = (r, cells) => rows.push(`<row r="${r}">${cells.join("")}</row>`);

row(1, [text("A1", "Nội dung"), text("B1", "Đơn vị tính"), text("C1", "Số mẫu"), text("D1", "Đơn giá (đồng)"), text("E1", "Thành tiền (đồng)"), text("F1", "Vị trí lấy mẫu (VN-2000)"), text("H1", "Ghi chú")]);
row(2, [text("F2", "X"), text("G2", "Y")]);
for (const m of ["A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:E2", "F1:G1", "H1:H2"]) merges.push(m);
let r = 3;
const groupRows = [];
const subtotalRows = [];
let total = 0;
const subtotalRefs = [];
for (const g of groups) {
  groupRows.push(r);
  row(r, [text(`A${r}`, g.title)]);
  merges.push(`A${r}:H${r}`);
  r++;
  const first = r;
  let subtotal = 0;
  for (const [name, unit, n, price, x, y] of g.rows) {
    const amount = n * price;
    subtotal += amount;
    const cells = [text(`A${r}`, name), text(`B${r}`, unit), num(`C${r}`, n), num(`D${r}`, price), sum(`E${r}`, `C${r}*D${r}`, amount), num(`F${r}`, x), num(`G${r}`, y)];
    if (r === first) cells.push(g.note ? text(`H${r}`, g.note) : text(`H${r}`, ""));
    row(r, cells);
    r++;
  }
  if (g.note && g.rows.length > 1) merges.push(`H${first}:H${r - 1}`);
  subtotalRows.push(r);
  row(r, [text(`A${r}`, "Cộng"), sum(`E${r}`, `SUM(E${first}:E${r - 1})`, subtotal)]);
  merges.push(`A${r}:D${r}`);
  subtotalRefs.push(`E${r}`);
  total += subtotal;
  r++;
}
const totalRow = r;
row(r, [text(`A${r}`, "Tổng cộng"), sum(`E${r}`, subtotalRefs.join("+"), total)]);
merges.push(`A${r}:D${r}`);

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet ${NS} xmlns:r="${REL}"><sheetData>${rows.join("")}</sheetData><mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join("")}</mergeCells></worksheet>`;
const shared = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst ${NS} count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${esc(s)}</t></si>`).join("")}</sst>`;
const parts = [
  {
    name: "[Content_Types].xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
  },
  {
    name: "_rels/.rels",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  },
  {
    name: "xl/workbook.xml",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook ${NS} xmlns:r="${REL}"><sheets><sheet name="Dự toán" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  },
  {
    name: "xl/_rels/workbook.xml.rels",
    data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  },
  { name: "xl/worksheets/sheet1.xml", data: sheet },
  { name: "xl/sharedStrings.xml", data: shared },
];
writeFileSync(OUT, writeZip(parts, new Date(Date.UTC(2025, 0, 1))));
console.log(`${OUT}: nhóm ${groupRows.join(", ")}; cộng ${subtotalRows.join(", ")}; tổng ${totalRow}`);
