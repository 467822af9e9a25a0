/**
 * PDF through LibreOffice headless: signing systems sign PDFs. Converted in a private
 * folder with a private LibreOffice profile, then renamed into place, so a failed
 * conversion leaves nothing behind and parallel conversions do not share a profile.
 */
import { spawn, spawnSync } from "node:child_process";
import { lstatSync, mkdtempSync, readdirSync, renameSync, rmSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { outputMessages as om } from "../messages/cli.js";
import { reasonVi } from "../messages/files.js";

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

/** A folder (or anything but a regular file) where the PDF should go: refused before converting. */
function blocked(pdf: string): boolean {
  try {
    return !lstatSync(pdf).isFile() && !lstatSync(pdf).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Converts docx to pdf; rejects with "no-soffice" or a short Vietnamese reason on failure. */
export async function convertToPdf(docx: string, pdf: string, timeoutMs = 180_000): Promise<void> {
  if (blocked(pdf)) throw new Error(om.pdfBlocked(pdf));
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
        reject(new Error(om.pdfTimeout(Math.round(timeoutMs / 1000))));
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(new Error(om.pdfNoStart(reasonVi((e as NodeJS.ErrnoException).code))));
      });
      child.on("exit", (code) => {
        clearTimeout(timer);
        if (code === 0) resolve();
        else reject(new Error(om.pdfExit(String(code))));
      });
    });
    const made = readdirSync(work).find((f) => f.endsWith(".pdf"));
    if (!made) throw new Error(om.pdfNoOutput());
    const tmp = join(work, "out.pdf");
    renameSync(join(work, made), tmp);
    try {
      renameSync(tmp, pdf);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw new Error(om.pdfNotPlaced(pdf, reasonVi((e as NodeJS.ErrnoException).code)));
      // another file system: copy next to the target, then rename; never leave the copy behind
      const near = `${pdf}.${process.pid}.tmp`;
      try {
        copyFileSync(tmp, near);
        renameSync(near, pdf);
      } catch (e2) {
        rmSync(near, { force: true });
        throw new Error(om.pdfNotPlaced(pdf, reasonVi((e2 as NodeJS.ErrnoException).code)));
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
