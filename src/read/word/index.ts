/**
 * Placeholder until the Word reader (branch importread) is merged: the interface kehoach import
 * calls. The merge replaces this file with the reader itself.
 */
import type { ImportedDocument } from "../../model/imported.js";
import type { Finding } from "../../model/finding.js";

export async function readWordDocument(file: string, bytes: Buffer, format: "docx" | "odt" | "doc"): Promise<{ document: ImportedDocument; findings: Finding[] } | { findings: Finding[] }> {
  void file;
  void bytes;
  void format;
  return { findings: [] };
}
