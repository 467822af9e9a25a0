/** Messages of validate's completeness check: the parts a plan needs, from itself or its office profile. */
export const completeMessages = {
  missingPart: (key: string, what: string) =>
    `thiếu ${what} ("${key}"), cả trong kế hoạch lẫn hồ sơ cơ quan. Hãy thêm "${key}" vào kế hoạch hoặc vào co-quan.yaml.`,
  missingSigner: () =>
    `thiếu họ tên người ký ("nguoi_ky.ho_ten"). Hãy thêm vào kế hoạch hoặc co-quan.yaml (chỉ được bỏ trống khi ky_so: true).`,
  missingTitle: () =>
    `thiếu chức vụ người ký: cần "chuc_vu" hoặc "q" trong "nguoi_ky", ví dụ chuc_vu: CHỦ TỊCH.`,
  missingDate: () =>
    `thiếu ngày ban hành ("ngay"). Ghi ít nhất năm, ví dụ ngay: "2025" (chỉ được bỏ trống khi ky_so: true).`,
};

/** What each required part is called in missingPart. */
export const PART_VI = {
  "co_quan.ten": "tên cơ quan ban hành",
  "co_quan.viet_tat": "chữ viết tắt tên cơ quan",
  "co_quan.dia_danh": "địa danh",
  nguoi_ky: "người ký",
  noi_nhan: "nơi nhận",
} as const;
