/**
 * The direct writer (src/write/direct.ts) against docx's own path (prepForXml, then the writer
 * docx's compiler uses), on components beyond what kehoach builds: every fallback and quirk.
 * Each side gets its own, identically built document, since writing changes a document.
 */
import { describe, expect, it } from "vitest";
import {
  AlignmentType,
  BorderStyle,
  Bookmark,
  Document,
  ExternalHyperlink,
  Footer,
  FootnoteReferenceRun,
  Header,
  IgnoreIfEmptyXmlComponent,
  LevelFormat,
  NextAttributeComponent,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
  XmlAttributeComponent,
  XmlComponent,
  type FileChild,
} from "docx";
import { writeComponent, type Context } from "../src/write/direct.js";
import { element, type Xmlable } from "../src/write/xml.js";

interface Wrapper {
  View: { prepForXml(c: Context): Xmlable | undefined };
}
interface FileParts {
  Document: Wrapper;
  FootNotes: Wrapper;
  Headers: Wrapper[];
  Footers: Wrapper[];
}

/** docx numbers hyperlinks at random and bookmarks from a global counter: not the writer's doing. */
const unnumbered = (xml: string): string => xml.replace(/r:id="rId[\w-]{12,}"/g, 'r:id="rId?"').replace(/(<w:bookmark(?:Start|End)\b[^>]*w:id=")\d+/g, "$1?");

/** Both ways of writing each part of a document: body first, as docx's compiler does. */
function both(make: () => Document): { ours: string[]; docx: string[] } {
  const write = (direct: boolean): string[] => {
    const file = make() as unknown as FileParts;
    const wrappers = [file.Document, ...file.Headers, ...file.Footers, file.FootNotes];
    return wrappers.map((w) => {
      const context: Context = { viewWrapper: w, file, stack: [] };
      return unnumbered((direct ? writeComponent(w.View, context) : element(w.View.prepForXml(context)!)) ?? "");
    });
  };
  return { ours: write(true), docx: write(false) };
}

const doc = (children: FileChild[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}): Document =>
  new Document({ sections: [{ children }], ...extra });

class Mixed extends XmlComponent {
  constructor(children: unknown[]) {
    super("w:mixed");
    this.root.push(...(children as never[]));
  }
}
class Optional extends IgnoreIfEmptyXmlComponent {
  constructor(includeIfEmpty: boolean, children: unknown[]) {
    super("w:optional", includeIfEmpty);
    this.root.push(...(children as never[]));
  }
}
class Renamed extends XmlAttributeComponent<{ a?: string; b?: string; c?: number }> {
  protected override readonly xmlKeys = { a: "w:same", b: "w:same", c: "w:c" };
}

const cases: [string, () => Document][] = [
  ["an external hyperlink (adds a relationship)", () => doc([new Paragraph({ children: [new ExternalHyperlink({ link: "https://example.org/a?b=1&c=2", children: [new TextRun("liên kết")] })] })])],
  [
    "numbered paragraphs (make list instances)",
    () =>
      doc([new Paragraph({ text: "một", numbering: { reference: "n", level: 0 } }), new Paragraph({ text: "hai", numbering: { reference: "n", level: 0, instance: 2 } })], {
        numbering: { config: [{ reference: "n", levels: [{ level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START }] }] },
      }),
  ],
  [
    "tables without column widths, kept rows, spans, nested tables",
    () =>
      doc([
        new Table({
          rows: [
            new TableRow({ keepNext: true, children: [new TableCell({ rowSpan: 2, children: [new Paragraph("a")] }), new TableCell({ children: [new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("trong")] })] })] })] })] }),
            new TableRow({ children: [new TableCell({ columnSpan: 1, children: [] })] }),
          ],
        }),
      ]),
  ],
  [
    "tables with column widths: kept rows, empty rows, a cell ending in a table",
    () =>
      doc([
        new Table({
          columnWidths: [3000, 3000],
          rows: [
            new TableRow({ keepNext: true, children: [new TableCell({ children: [new Paragraph("a")] }), new TableCell({ children: [new Paragraph("b")] })] }),
            new TableRow({ children: [] }),
            new TableRow({ children: [new TableCell({ children: [new Table({ columnWidths: [1000], rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("trong")] })] })] })] })] }),
          ],
        }),
      ]),
  ],
  [
    "a full-width table sized to its section's text width",
    () =>
      new Document({
        sections: [
          {
            properties: { page: { margin: { left: 500, right: 500 } } },
            children: [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, columnWidths: [1000, 2000], rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph("a")] }), new TableCell({ children: [new Paragraph("b")] })] })] })],
          },
        ],
      }),
  ],
  [
    "page numbers, bookmarks, shading and borders with colours",
    () =>
      doc([
        new Paragraph({
          shading: { type: ShadingType.SOLID, color: "FF0000", fill: "00FF00" },
          border: { bottom: { style: BorderStyle.DOUBLE, size: 6, color: "0000FF", space: 1 } },
          children: [new Bookmark({ id: "dau", children: [new TextRun({ children: ["Trang ", PageNumber.CURRENT, " / ", PageNumber.TOTAL_PAGES] })] })],
        }),
      ]),
  ],
  [
    "footnotes given up front and made while writing",
    () =>
      doc([new Paragraph({ children: [new TextRun("a"), new FootnoteReferenceRun(1), new FootnoteReferenceRun({ children: [new Paragraph("chú thích")] })] })], {
        footnotes: { 1: { children: [new Paragraph("một")] } },
      }),
  ],
  [
    "sections with headers and footers",
    () =>
      new Document({
        sections: [
          { headers: { default: new Header({ children: [new Paragraph({ children: [new TextRun({ children: [PageNumber.CURRENT] })] })] }) }, children: [new Paragraph("một")] },
          { footers: { default: new Footer({ children: [new Paragraph("chân")] }) }, children: [new Paragraph("hai")] },
          { children: [new Paragraph("ba")] },
        ],
      }),
  ],
  [
    "text after an element, optional elements, attribute sets with gaps and shared names",
    () =>
      doc([
        new Mixed([
          new Mixed([]),
          "văn bản & <thẻ>",
          new Mixed([new Renamed({ a: "1", b: "2", c: 3 })]),
          7,
          new Optional(false, []),
          new Optional(true, []),
          new Optional(false, [new Renamed({ a: undefined, c: 0 })]),
          new Mixed([new NextAttributeComponent({ x: { key: "w:x", value: undefined as unknown as string }, y: { key: "w:y", value: "a\"b" }, z: { key: "w:y", value: "c" } })]),
        ]) as unknown as FileChild,
      ]),
  ],
];

describe("direct writer: docx's bytes beyond kehoach's subset", () => {
  it.each(cases)("%s", (_name, make) => {
    const { ours, docx } = both(make);
    expect(ours.length).toBeGreaterThan(1);
    expect(ours).toEqual(docx);
  });

  it("cannot write a table of contents directly (the body fills it in afterwards), and says so", () => {
    const file = doc([new TableOfContents("Mục lục"), new Paragraph("a")]) as unknown as FileParts;
    expect(() => writeComponent(file.Document.View, { viewWrapper: file.Document, file, stack: [] })).toThrow(/table of contents/);
  });
});
