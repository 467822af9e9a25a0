/** Messages of the normalize stage and of the profile and templates lookup. */
export const normalizeMessages = {
  profileOutside: (p: string) =>
    `hồ sơ cơ quan "${p}" nằm ngoài thư mục của kế hoạch. Hãy đặt hồ sơ trong thư mục của kế hoạch (hoặc thư mục con) và ghi đường dẫn tương đối.`,
  profileMissing: (p: string) => `không tìm thấy hồ sơ cơ quan "${p}". Kiểm tra lại đường dẫn (tính từ thư mục của kế hoạch).`,
  templatesOutside: (p: string) =>
    `thư mục mẫu "${p}" nằm ngoài thư mục của tệp khai báo. Hãy đặt thư mục mẫu bên trong thư mục đó và ghi đường dẫn tương đối.`,
  templatesMissing: (p: string) => `không tìm thấy thư mục mẫu "${p}". Kiểm tra lại đường dẫn (tính từ tệp khai báo).`,
  notWithDecree: (key: string) =>
    `kế hoạch ban hành kèm theo Quyết định (quyet_dinh) không có ${key === "so" ? "Số riêng" : key === "ngay" ? "dòng địa danh, ngày tháng riêng" : key === "nguoi_ky" ? "chữ ký riêng" : key === "ky_so" ? "ô ký số riêng" : "Nơi nhận riêng"}: khóa "${key}" sẽ không được in. Hãy xóa "${key}" (số, ngày của Quyết định ghi trong quyet_dinh), hoặc bỏ quyet_dinh nếu kế hoạch tự ban hành.`,
  nestedFootnote: () =>
    `chú thích nằm trong một chú thích khác (Word không có chú thích trong chú thích). Hãy viết hai chú thích liền nhau (A^[chú thích 1]^[chú thích 2]) hoặc gộp nội dung vào một chú thích.`,
  /** What blankLineInTitle calls the trích yếu and a tiêu đề. */
  summaryWord: "trích yếu",
  titleWord: "tiêu đề",
  /** What tooMuchText counts. */
  footnotesWord: "chú thích",
  emphasesWord: "chỗ in đậm, in nghiêng, chỉ số trên, chỉ số dưới",
  paragraphsWord: "đoạn và dòng ngắt",
  tooMuchText: (what: string, limit: string) =>
    `kế hoạch có quá nhiều ${what} (tối đa ${limit} trong một kế hoạch); từ chỗ này trở đi vượt giới hạn. Một kế hoạch thật chỉ có vài chục; hãy kiểm tra xem có dán nhầm nội dung không, hoặc chia thành nhiều kế hoạch, phụ lục.`,
  blankLineInTitle: (what: string) =>
    `${what} có dòng trống: ${what} là một đoạn duy nhất. Hãy xóa dòng trống; muốn xuống dòng trong ${what} thì kết thúc dòng bằng dấu \\ (gạch chéo ngược).`,
  referenceUnknown: (id: string, known: string[], near: string | undefined) =>
    `không có mục, ý hay phụ lục nào mang mã "${id}" (dẫn chiếu <${id}>). ` +
    (near ? `Có phải là <${near}>? ` : known.length ? `Các mã đã đặt: ${known.slice(0, 8).join(", ")}${known.length > 8 ? ", …" : ""}. ` : "") +
    `Hãy thêm ma: ${id} vào phần cần dẫn chiếu, hoặc sửa lại mã; muốn in dấu "<" thì gõ \\<.`,
  referenceDuplicate: (id: string, first: string) =>
    `mã "${id}" đã đặt cho phần khác (${first}); mỗi mã chỉ dùng cho một phần. Hãy đổi một trong hai mã (và các dẫn chiếu <${id}> tương ứng).`,
  noteDuplicate: (id: string, first: string) =>
    `mã "${id}" đặt cho chú thích này đã dùng cho ${first}; mỗi mã chỉ đặt cho một chú thích hay một phần. Hãy đổi mã của chú thích ({#${id}}) và các chỗ dẫn lại <${id}> tương ứng.`,
  noteFirst: "một chú thích khác",
  noteFirstPart: (path: string) => `phần ${path}`,
  notePlace: (id: string, definition: boolean) =>
    (definition
      ? `chú thích mang mã "${id}" nằm trong tên mục, là chỗ kehoach in hoa toàn bộ, nên mã {#${id}} không đọc được ở đây. `
      : `<${id}> dẫn lại chú thích số mấy, nhưng ở đây (trích yếu, tên mục, tên hay dòng "Kèm theo" của phụ lục, nơi nhận) không in được dấu chú thích. `) +
    `Hãy đặt chú thích${definition ? "" : " và chỗ dẫn lại"} trong đoạn văn, ý hoặc ô bảng.`,
  notesWord: "chỗ dẫn lại chú thích",
  referenceUnnumbered: (id: string) =>
    `ý mang mã "${id}" không có số hay chữ thứ tự (đánh dấu "-", "+" hoặc không đánh dấu) nên không dẫn chiếu được. Hãy bỏ ma, hoặc dẫn chiếu ý cha có số.`,
} as const;

/** Messages about a typed mark that would stand next to the mark a template adds. */
export const punctuationMessages = {
  beforeJoin: (mark: string) =>
    `văn bản này kết thúc bằng "${mark}", nhưng kehoach tự nối các văn bản "Thực hiện" bằng "; " (sẽ in "${mark};"). Hãy xóa "${mark}" ở cuối.`,
  beforeLead: (mark: string) =>
    `văn bản "Thực hiện" cuối cùng kết thúc bằng "${mark}", nhưng kehoach nối nó với lời dẫn bằng ", " (sẽ in "${mark},"). ` +
    `Hãy xóa "${mark}" ở cuối; hoặc thay bằng dấu chấm nếu muốn lời dẫn thành câu riêng.`,
  beforeDeadline: (mark: string) =>
    `nội dung có hạn (han) kết thúc bằng "${mark}", nhưng kehoach in tiếp ": trước ngày …" ngay sau (sẽ in "${mark}: trước ngày"). Hãy xóa "${mark}" ở cuối.`,
  beforeEndMark: (mark: string) =>
    `đoạn cuối kết thúc bằng "${mark}", nhưng kehoach thêm dấu kết thúc "./." vào cuối đoạn này (sẽ in "${mark}./."). ` +
    `Hãy xóa "${mark}" ở cuối (dấu chấm thì được: nó nhập vào "./.").`,
  unitHeadingLast: () =>
    `với ket_thuc: false, kehoach thêm "./." vào đoạn cuối, nhưng đoạn cuối ở đây là tên đơn vị, in kèm dấu ":" (sẽ in ":./."). ` +
    `Hãy thêm doan (nhiệm vụ của đơn vị) cho ý này, hoặc viết câu kết trong ket_thuc.`,
} as const;

/** Messages about the trích yếu inside the default lời dẫn and closing sentence. */
export const sentenceMessages = {
  summaryInCapitals: (usedBy: string[], lower: string) =>
    `trích yếu viết in hoa, nên ${usedBy.map((k) => (k === "loi_dan" ? "lời dẫn mẫu" : "câu kết mẫu")).join(" và ")} sẽ in nguyên chữ in hoa giữa câu ` +
    `("… Kế hoạch TRIỂN KHAI …"); kehoach không tự viết thường vì có thể làm sai tên riêng. ` +
    `Hãy thêm khóa trich_yeu_trong_cau với trích yếu viết như trong câu văn, ví dụ trich_yeu_trong_cau: ${lower} (rồi viết hoa lại tên riêng, như "Luật Việc làm"), ` +
    `hoặc tự viết ${usedBy.join(" và ")}.`,
  sentenceFormUnused: () =>
    `trich_yeu_trong_cau chỉ dùng trong lời dẫn và câu kết mẫu, nhưng kế hoạch này đã tự viết cả loi_dan (hoặc mo_dau là đoạn văn) và ket_thuc, nên khóa này không có tác dụng. Hãy xóa khóa này.`,
} as const;

/** Messages about a key another key makes useless. */
export const unusedMessages = {
  archive: () =>
    `luu không có tác dụng: nơi nhận đã có dòng "Lưu: …" gõ tay, và dòng đó được in nguyên văn thay cho dòng Lưu do kehoach tạo. ` +
    `Hãy xóa luu, hoặc xóa dòng "Lưu: …" trong noi_nhan để kehoach in dòng Lưu từ luu.`,
  archiveNote: () =>
    `dòng "Lưu: …" gõ tay được in nguyên văn, nên ghi_chu của nó không được in. Hãy viết ghi chú vào chính dòng Lưu (ten) rồi xóa ghi_chu.`,
  besideInsert: (key: string) =>
    `${key} không có tác dụng: ý này có doan_chen, là một đoạn văn không đánh số chen giữa các ý, nên chỉ có khóa doan_chen. ` +
    `Hãy xóa ${key}, hoặc đưa nó vào một ý riêng (trước hay sau đoạn chen).`,
} as const;

/** The words of a generated reference label: "Mục IV", "khoản 2 Mục III", "điểm a khoản 2 Mục III", "Phụ lục II". */
export const referenceLabel = {
  section: (numeral: string) => `Mục ${numeral}`,
  appendix: (numeral: string) => (numeral ? `Phụ lục ${numeral}` : "Phụ lục"),
  khoan: (n: string) => `khoản ${n}`,
  diem: (letter: string) => `điểm ${letter}`,
} as const;
