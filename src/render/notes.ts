/**
 * Footnotes cited again. Word numbers footnotes in the order their marks stand in the document
 * (the body, then each Phụ lục; in a table, row by row), whatever their ids, so a citation `<id>`
 * can print its note's number only once the whole document is made: this pass walks the document
 * in that order, numbers the notes, and gives each citation its note's number, and each cited note
 * the bookmark the citation's NOTEREF field points at (write/blocks.ts). A citation may come before
 * its note, as a Word cross-reference may. Normalize has checked that every `<id>` left in a text
 * names a footnote, so a citation naming none (a `<…>` where references are not read) is printed as typed.
 */
import type { Block, DocumentModel, Run } from "../model/document.js";

/** Every run of the document's main text in reading order; `inNotes` gets the runs of each note. */
function eachRun(model: DocumentModel, visit: (r: Run) => void, inNotes: (r: Run) => void): void {
  const runs = (list: Run[]): void => {
    for (const r of list) {
      visit(r);
      if (r.footnote) for (const p of r.footnote) for (const x of p) inNotes(x);
    }
  };
  const blocks = (list: Block[]): void => {
    for (const b of list) {
      if (b.kind !== "table") runs(b.runs);
      else {
        for (const row of b.header) for (const c of row) for (const p of c.content) runs(p);
        for (const row of b.rows) for (const c of row.cells) for (const p of c.content) runs(p);
      }
    }
  };
  blocks(model.body);
  for (const a of model.appendices) blocks(a.blocks);
}

/** Numbers the cited notes and prints their citations (in place). */
export function resolveNoteCitations(model: DocumentModel): void {
  const cites: Run[] = [];
  const notes = new Map<string, Run>();
  const numbers = new Map<Run, number>();
  eachRun(
    model,
    (r) => {
      if (r.footnote) {
        numbers.set(r, numbers.size + 1);
        if (r.noteId !== undefined && !notes.has(r.noteId)) notes.set(r.noteId, r);
      } else if (r.cite !== undefined) cites.push(r);
    },
    (r) => {
      if (r.cite !== undefined) cites.push(r);
    },
  );
  for (const c of cites) {
    const note = notes.get(c.cite!);
    delete c.cite;
    if (!note) continue;
    const n = numbers.get(note)!;
    note.bookmark = n;
    c.noteRef = n;
    c.text = String(n);
  }
}
