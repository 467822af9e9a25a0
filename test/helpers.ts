/** Shared test helpers: run the real CLI as a process, make temporary folders. */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const CLI = join(ROOT, "bin", "kehoach.cjs");

/** The independent Decree 30 checker in ../shared. In CI its absence fails the tests that use it, never skips them. */
export const CHECKER = join(ROOT, "..", "shared", "tools", "nd30check.py");
export const HAS_CHECKER = existsSync(CHECKER) || Boolean(process.env.CI);
/** `npm run test:fast` (KEHOACH_FAST=1) leaves out the slow tests: the fuzz test and LibreOffice conversions. */
export const SLOW_TESTS = !process.env.KEHOACH_FAST;
/** LibreOffice conversions run where soffice is, and always in CI (.ci/run installs it): a failed install fails them. */
export const HAS_SOFFICE = SLOW_TESTS && ((process.env.PATH ?? "").split(":").some((d) => existsSync(join(d, "soffice"))) || Boolean(process.env.CI));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv; timeout?: number } = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: opts.cwd ?? ROOT,
    env: { ...process.env, ...opts.env },
    encoding: "utf8",
    timeout: opts.timeout ?? 60_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "kehoach-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A complete, valid plan with everything inline (no profile). */
export const MINIMAL_PLAN = `co_quan:
  ten: [ỦY BAN NHÂN DÂN, XÃ BẰNG MẠC]
  ten_goi: Ủy ban nhân dân xã Bằng Mạc
  viet_tat: UBND
  dia_danh: Bằng Mạc
so: "5"
ngay: "2025-03-05"
trich_yeu: Thực hiện công tác trẻ em năm 2025
noi_dung:
  - loai: muc_dich_yeu_cau
    cac_y:
      - tieu_de: Mục đích
        cac_y:
          - Tăng cường sự lãnh đạo của cấp ủy.
          - Huy động sự tham gia của gia đình.
nguoi_ky:
  kt: CHỦ TỊCH
  chuc_vu: PHÓ CHỦ TỊCH
  ho_ten: Triệu Thị Diệp
noi_nhan:
  - { ten: UBND huyện, ghi_chu: b/c }
  - Các trường học
luu: { don_vi: VHXH, so_ban: "02" }
`;
