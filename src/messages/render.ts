/** Messages of the render stage (templates). */
import { excerpt } from "./excerpt.js";

const quoted = (c: string | undefined): string => (c === undefined ? "hết mẫu" : `"${excerpt(c)}"`);

export const renderMessages = {
  templateSyntax: (detail: string) =>
    `mẫu Handlebars không hợp lệ: ${detail}. Sửa mẫu này hoặc xóa nó để dùng mẫu chuẩn.`,
  templateRuntime: (detail: string) =>
    `mẫu Handlebars lỗi khi điền nội dung: ${detail}. Kiểm tra tên biến và các khối {{#if}}/{{#each}} trong mẫu.`,
  unknownTemplate: (name: string, suggestion?: string) =>
    `tệp mẫu "${name}" không thay cho mẫu chuẩn nào nên sẽ không được dùng.` +
    (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""),
  // what the template parser expected where it stopped (`got` is the character found there)
  expectClose: (got: string | undefined) => `chỗ này cần đóng bằng }} nhưng gặp ${quoted(got)}`,
  expectEndBlock: () => `khối {{#…}} chưa được đóng; cần {{/tên-khối}} ở cuối khối, ví dụ {{#if x}}…{{/if}}`,
  expectName: (got: string | undefined) => `chỗ này cần tên biến nhưng gặp ${quoted(got)}`,
  unexpected: (got: string | undefined) => `gặp ${quoted(got)} ở chỗ không được phép`,
  blockMismatch: (opened: string, closed: string) => `khối {{#${excerpt(opened)}}} lại đóng bằng {{/${excerpt(closed)}}}; hãy đóng bằng {{/${excerpt(opened)}}}`,
  unknownHelper: (name: string) =>
    `"${excerpt(name)}" không phải hàm có sẵn; mẫu chỉ dùng được biến và các khối if, unless, each, with, lookup`,
  otherSyntax: (detail: string) => `lỗi cú pháp (${excerpt(detail, 80)})`,
  helperArity: (helper: string) => `{{#${helper}}} cần đúng một tham số, ví dụ {{#${helper} ten_bien}}`,
  eachNeedsList: () => `{{#each}} cần tên một danh sách, ví dụ {{#each thuc_hien}}`,
  noPartials: (name: string) => `mẫu con {{> ${excerpt(name)}}} (hoặc {{* …}}) không dùng được; mẫu của kehoach không có mẫu con, hãy viết thẳng nội dung vào mẫu này`,
  otherRuntime: (detail: string) => `${excerpt(detail, 80)}`,
} as const;
