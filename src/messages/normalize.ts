/** Messages of the normalize stage: profile and the parts a complete plan needs. */
export const normalizeMessages = {
  profileOutside: (p: string) =>
    `hồ sơ cơ quan "${p}" nằm ngoài thư mục của kế hoạch. Hãy đặt hồ sơ trong thư mục của kế hoạch (hoặc thư mục con) và ghi đường dẫn tương đối.`,
  profileMissing: (p: string) => `không tìm thấy hồ sơ cơ quan "${p}". Kiểm tra lại đường dẫn (tính từ thư mục của kế hoạch).`,
  templatesOutside: (p: string) =>
    `thư mục mẫu "${p}" nằm ngoài thư mục của tệp khai báo. Hãy đặt thư mục mẫu bên trong thư mục đó và ghi đường dẫn tương đối.`,
  templatesMissing: (p: string) => `không tìm thấy thư mục mẫu "${p}". Kiểm tra lại đường dẫn (tính từ tệp khai báo).`,
  missingPart: (key: string, what: string) =>
    `thiếu ${what} ("${key}"), cả trong kế hoạch lẫn hồ sơ cơ quan. Hãy thêm "${key}" vào kế hoạch hoặc vào co-quan.yaml.`,
  missingSigner: () =>
    `thiếu họ tên người ký ("nguoi_ky.ho_ten"). Hãy thêm vào kế hoạch hoặc co-quan.yaml (chỉ được bỏ trống khi ky_so: true).`,
  missingTitle: () =>
    `thiếu chức vụ người ký: cần "chuc_vu" hoặc "q" trong "nguoi_ky", ví dụ chuc_vu: CHỦ TỊCH.`,
  missingDate: () =>
    `thiếu ngày ban hành ("ngay"). Ghi ít nhất năm, ví dụ ngay: "2025" (chỉ được bỏ trống khi ky_so: true).`,
  nestedFootnote: () =>
    `chú thích nằm trong một chú thích khác (Word không có chú thích trong chú thích). Hãy viết hai chú thích liền nhau (A^[chú thích 1]^[chú thích 2]) hoặc gộp nội dung vào một chú thích.`,
  blankLineInTitle: (what: string) =>
    `${what} có dòng trống: ${what} là một đoạn duy nhất. Hãy xóa dòng trống; muốn xuống dòng trong ${what} thì kết thúc dòng bằng dấu \\ (gạch chéo ngược).`,
} as const;
