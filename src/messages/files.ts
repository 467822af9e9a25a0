/** Messages about files read on behalf of a plan (profile, templates): what is refused and why. */
import type { Refusal } from "../read/files.js";

const REASON_VI: Record<string, string> = {
  EACCES: "không có quyền đọc",
  EPERM: "không có quyền",
  ELOOP: "liên kết tượng trưng vòng quanh",
  ENAMETOOLONG: "đường dẫn quá dài",
  EMFILE: "mở quá nhiều tệp cùng lúc",
  EIO: "lỗi đọc đĩa",
  EISDIR: "đã có thư mục trùng tên",
  ENOTDIR: "một phần của đường dẫn là tệp, không phải thư mục",
  ENOSPC: "đĩa đầy",
  EROFS: "ổ đĩa chỉ đọc",
  EEXIST: "đã có tệp trùng tên",
  ENOENT: "không tìm thấy",
};

/** A system error code in words, the code kept for a search. */
export function reasonVi(code: string | undefined): string {
  if (!code) return "lỗi hệ thống";
  return REASON_VI[code] ? `${REASON_VI[code]}, ${code}` : code;
}

export const fileMessages = {
  /** `what` names the file's role: "tệp mẫu", "hồ sơ cơ quan", "thư mục mẫu". */
  /** What each file or folder is called in refused(). */
  fileWord: "tệp",
  profileWord: "hồ sơ cơ quan",
  templatesFolderWord: "thư mục mẫu",
  templateWord: "tệp mẫu",
  refused: (what: string, p: string, refusal: Refusal, code?: string): string => {
    switch (refusal) {
      case "outside":
        return `${what} "${p}" dẫn ra ngoài thư mục được phép (liên kết tượng trưng hoặc đường dẫn ..); kehoach không đọc tệp ngoài thư mục đó. Hãy chép tệp thật vào thư mục thay vì tạo liên kết.`;
      case "missing":
        return `không tìm thấy ${what} "${p}". Kiểm tra lại tên và đường dẫn.`;
      case "dangling":
        return `${what} "${p}" là liên kết tượng trưng trỏ tới một tệp không còn tồn tại. Hãy xóa liên kết này hoặc chép tệp thật vào chỗ đó.`;
      case "not-file":
        return `${what} "${p}" là một thư mục (hoặc tệp đặc biệt), không phải tệp thường. Hãy đổi tên hoặc xóa nó.`;
      case "not-folder":
        return `${what} "${p}" là một tệp, không phải thư mục. Hãy ghi đường dẫn tới thư mục chứa các tệp .hbs.`;
      case "special":
        return `${what} "${p}" là tệp đặc biệt (thiết bị, FIFO hoặc socket), không phải tệp thường; kehoach không đọc loại tệp này. Hãy chỉ ra một tệp thường.`;
      case "too-large":
        return `${what} "${p}" quá lớn; một tệp mẫu chỉ vài trăm byte. Kiểm tra xem có chép nhầm tệp khác không.`;
      case "unreadable":
        return `không đọc được ${what} "${p}" (${reasonVi(code)}). Kiểm tra quyền đọc tệp.`;
    }
  },
} as const;
