/**
 * .odt and .doc become .docx through LibreOffice headless (the route build --pdf already takes),
 * then are read as any .docx. Each conversion has a fresh private profile (a user's running
 * LibreOffice or a broken profile cannot interfere) and a temporary folder, both removed after.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { findSoffice, runSoffice } from "../../office.js";

export type ConvertResult = { docx: Buffer } | { failure: "no-soffice" } | { failure: "failed" } | { failure: "timeout"; seconds: number };

/** LibreOffice's Word 2007–365 export filter. */
const FILTER = "docx:MS Word 2007 XML";

export async function toDocx(bytes: Buffer, ext: "odt" | "doc", timeoutMs: number): Promise<ConvertResult> {
  const soffice = findSoffice();
  if (!soffice) return { failure: "no-soffice" };
  const work = mkdtempSync(join(tmpdir(), "kehoach-import-"));
  try {
    const input = join(work, `in.${ext}`);
    const out = join(work, "out");
    writeFileSync(input, bytes);
    const profile = pathToFileURL(join(work, "profile")).href;
    try {
      await runSoffice(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--norestore", "--convert-to", FILTER, "--outdir", out, input], { ...process.env }, timeoutMs);
    } catch {
      return { failure: "timeout", seconds: Math.round(timeoutMs / 1000) };
    }
    try {
      return { docx: readFileSync(join(out, "in.docx")) };
    } catch {
      return { failure: "failed" };
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
