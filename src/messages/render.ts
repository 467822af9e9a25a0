/** Messages of the render stage (templates). */
export const renderMessages = {
  templateSyntax: (detail: string) =>
    `mẫu Handlebars không hợp lệ: ${detail}. Sửa mẫu này hoặc xóa nó để dùng mẫu chuẩn.`,
  templateRuntime: (detail: string) =>
    `mẫu Handlebars lỗi khi điền nội dung: ${detail}. Kiểm tra tên biến và các khối {{#if}}/{{#each}} trong mẫu.`,
  unknownTemplate: (name: string, suggestion?: string) =>
    `tệp mẫu "${name}" không thay cho mẫu chuẩn nào nên sẽ không được dùng.` +
    (suggestion ? ` Có phải ý bạn là "${suggestion}"?` : ""),
} as const;
