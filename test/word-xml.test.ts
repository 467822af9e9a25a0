/** The XML reader of import (src/read/word/xml.ts): what Word writes, and what an attacker would. */
import { describe, expect, it } from "vitest";
import { parseXml, XmlError, type XmlProblem } from "../src/read/word/xml.js";

const problem = (text: string): XmlProblem | "none" => {
  try {
    parseXml(text);
    return "none";
  } catch (e) {
    if (e instanceof XmlError) return e.problem;
    throw e;
  }
};

describe("parseXml", () => {
  it("reads elements, attributes, entities, CDATA, comments and PIs; names get the canonical w: prefix", () => {
    const root = parseXml(
      `\uFEFF<?xml version="1.0"?><a:doc xmlns:a="http://schemas.openxmlformats.org/wordprocessingml/2006/main" a:x='1>2' y="&amp;&#x1EA1;&#7841;"><a:t xml:space="preserve"> hi &lt; <![CDATA[<b>&amp;]]><!-- c --><?pi x?>!</a:t><e/></a:doc>`,
    );
    expect(root).toEqual({
      name: "w:doc",
      attrs: { "w:x": "1>2", y: "&ạạ" },
      children: [{ name: "w:t", attrs: { "xml:space": "preserve" }, children: [" hi < <b>&amp;!"] }, { name: "e", attrs: {}, children: [] }],
    });
  });

  it("gives the default namespace's elements the canonical prefix, not its attributes", () => {
    const root = parseXml(`<document xmlns="http://purl.oclc.org/ooxml/wordprocessingml/main" val="1"><p/></document>`);
    expect(root.name).toBe("w:document");
    expect(root.attrs).toEqual({ val: "1" });
    expect((root.children[0] as { name: string }).name).toBe("w:p");
  });

  it("refuses DTDs (XXE, billion laughs) and anything not well-formed", () => {
    expect(problem(`<!DOCTYPE x [<!ENTITY a "b">]><x>&a;</x>`)).toBe("doctype");
    expect(problem(`<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]><lolz>&lol2;</lolz>`)).toBe("doctype");
    expect(problem(`<x><!ENTITY a "b"></x>`)).toBe("doctype");
    expect(problem(`<a><b></a>`)).toBe("mismatch");
    expect(problem(`<a x="1" x="2"/>`)).toBe("syntax");
    expect(problem(`<a x=1/>`)).toBe("syntax");
    expect(problem(`<a>&foo;</a>`)).toBe("entity");
    expect(problem(`<a>&#0;</a>`)).toBe("entity");
    expect(problem(`<a>&#xD800;</a>`)).toBe("entity");
    expect(problem(`<a>`)).toBe("unclosed");
    // a quote never closed takes the rest of the file: no ">" inside it ends the tag
    expect(problem(`<a x="1>2</a>`)).toBe("unclosed");
    expect(problem(`<a x='1>"2</a>`)).toBe("unclosed");
    expect(parseXml(`<a x='say "hi" >' y="it's > 1"><b/></a>`).attrs).toEqual({ x: 'say "hi" >', y: "it's > 1" });
    expect(problem(``)).toBe("no-root");
    expect(problem(`<a/><b/>`)).toBe("syntax");
    expect(problem(`text<a/>`)).toBe("syntax");
    expect(problem("<a>" + "<b>".repeat(300) + "</b>".repeat(300) + "</a>")).toBe("depth");
  });

  it("reads a start tag the same whether its attributes follow white space (one pattern) or not (the general reading)", () => {
    const spaced = parseXml(`<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:a="1"\n  w:b = 'x &amp; y' ><w:r w:c="&#x1EA1;" /></w:p>`);
    const packed = parseXml(`<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" w:a="1"w:b='x &amp; y'><w:r w:c="&#x1EA1;"/></w:p>`);
    expect(spaced).toEqual(packed);
    expect(spaced).toEqual({ name: "w:p", attrs: { "w:a": "1", "w:b": "x & y" }, children: [{ name: "w:r", attrs: { "w:c": "ạ" }, children: [] }] });
    // the same errors at the same offsets either way
    const at = (text: string): string => {
      try {
        parseXml(text);
        return "none";
      } catch (e) {
        return e instanceof XmlError ? `${e.problem} ${e.offset} ${e.detail}` : String(e);
      }
    };
    expect(at(`<a x="1" 9y="2"/>`)).toBe("syntax 8 9y");
    expect(at(`<a x="1"9y="2"/>`)).toBe("syntax 8 9y");
    expect(at(`<a x="&bad;"/>`)).toBe("entity 2 bad");
    expect(at(`<a x="1" x="2"/>`)).toBe("syntax 8 x");
  });

  it("bounds the elements a part may hold (a hostile part cannot fill the memory)", () => {
    expect(() => parseXml("<a>" + "<b/>".repeat(1001) + "</a>", { elements: 1000 })).toThrow(expect.objectContaining({ problem: "elements" }));
    expect(parseXml("<a>" + "<b/>".repeat(999) + "</a>", { elements: 1000 }).children).toHaveLength(999);
  });

  it("reads a tag with 100,000 attributes (each attribute read once, not the rest of the tag again)", () => {
    const attrs = Array.from({ length: 100_000 }, (_, k) => `a${k}="${k}"`).join(" ");
    expect(Object.keys(parseXml(`<x ${attrs} />`).attrs)).toHaveLength(100_000);
  });

  it("is linear: a 5 MB document of runs parses", () => {
    const body = `<w:r><w:t>Chữ tiếng Việt &amp; số 1</w:t></w:r>`.repeat(100_000);
    const root = parseXml(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p>${body}</w:p></w:document>`);
    expect((root.children[0] as { children: unknown[] }).children.length).toBe(100_000);
  });
});
