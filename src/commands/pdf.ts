/**
 * PDF through LibreOffice headless: signing systems sign PDFs. Converted in a private
 * folder with a private LibreOffice profile, then renamed into place, so a failed
 * conversion leaves nothing behind and parallel conversions do not share a profile.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { checkOutputPath, temporaryName } from "./atomic.js";

export const PDF_PACKAGE = "libreoffice-writer-nogui";

let found: string | null | undefined;

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (found !== undefined) return found;
  for (const name of ["soffice", "libreoffice"]) {
    const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (r.status === 0 && r.stdout.trim()) return (found = r.stdout.trim());
  }
  return (found = null);
}

/**
 * Converts docx to pdf; rejects with a short reason on failure, or with an OutputError when the
 * .pdf's path is one of `protect` or not a regular file (checked again as it is renamed into place).
 */
export async function convertToPdf(docx: string, pdf: string, protect: string[] = [], timeoutMs = 180_000): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new Error("no-soffice");
  const work = mkdtempSync(join(tmpdir(), "kehoach-pdf-"));
  try {
    const input = join(work, basename(docx));
    copyFileSync(docx, input);
    const profile = pathToFileURL(join(work, "profile")).href;
    await new Promise<void>((resolve, reject) => {
      const child = spawn(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", work, input], { stdio: "ignore" });
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error("timeout"));
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(`soffice exit ${code}`));
      });
    });
    const made = readdirSync(work).find((f) => f.endsWith(".pdf"));
    if (!made) throw new Error("no-output");
    const tmp = join(work, "out.pdf");
    renameSync(join(work, made), tmp);
    checkOutputPath(pdf, protect);
    try {
      renameSync(tmp, pdf);
    } catch {
      // another file system: copy next to the target, then rename
      const near = join(dirname(pdf), temporaryName(basename(pdf), "copy"));
      copyFileSync(tmp, near);
      renameSync(near, pdf);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
