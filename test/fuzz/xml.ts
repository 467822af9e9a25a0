/** A strict-enough XML 1.0 well-formedness check for the parts of a .docx (tests only). */

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ENTITY = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;

/** Returns a description of the first problem, or undefined when the document is well formed. */
export function xmlProblem(xml: string): string | undefined {
  if (FORBIDDEN.test(xml)) return "character XML 1.0 forbids";
  const stack: string[] = [];
  let i = 0;
  let root = false;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const text = xml.slice(i, lt < 0 ? xml.length : lt);
    if (ENTITY.test(text)) return `bad entity near ${JSON.stringify(text.slice(0, 40))}`;
    if (lt < 0) break;
    if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt);
      if (end < 0) return "unclosed processing instruction";
      i = end + 2;
      continue;
    }
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt);
      if (end < 0) return "unclosed comment";
      i = end + 3;
      continue;
    }
    if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0) return "unclosed CDATA";
      i = end + 3;
      continue;
    }
    const gt = xml.indexOf(">", lt);
    if (gt < 0) return "unclosed tag";
    const tag = xml.slice(lt + 1, gt);
    if (tag.includes("<")) return `< inside a tag: ${tag.slice(0, 40)}`;
    const attrs = tag.replace(/^\/?[\w:.-]+/, "");
    const quotes = attrs.replace(/"[^"]*"|'[^']*'/g, "");
    if (/["'<]/.test(quotes)) return `bad attribute quoting in <${tag.slice(0, 40)}>`;
    for (const v of attrs.matchAll(/"([^"]*)"/g)) if (ENTITY.test(v[1]!) || v[1]!.includes("<")) return `bad attribute value in <${tag.slice(0, 40)}>`;
    if (tag.startsWith("/")) {
      const name = tag.slice(1).trim();
      if (stack.pop() !== name) return `mismatched </${name}>`;
    } else if (!tag.endsWith("/")) {
      const name = /^[\w:.-]+/.exec(tag)?.[0];
      if (!name) return `bad tag <${tag.slice(0, 40)}>`;
      if (stack.length === 0 && root) return "two root elements";
      stack.push(name);
      root = true;
    } else if (stack.length === 0) {
      if (root) return "two root elements";
      root = true;
    }
    i = gt + 1;
  }
  return stack.length ? `unclosed <${stack[stack.length - 1]}>` : root ? undefined : "no root element";
}
