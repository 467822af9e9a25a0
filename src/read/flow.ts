/**
 * The lines of a text as the user typed them, whatever the YAML scalar style.
 *
 * YAML folds the lines of plain, quoted and ">" scalars (one newline becomes a space, a blank
 * line a single newline), while a "|" block keeps them. kehoach's text rule (render/inline.ts:
 * a single newline is a space, a blank line a new paragraph, "\" before a newline a line break)
 * reads the typed lines, so the value of every folding scalar that spans lines is replaced here by
 * its lines as a "|" block would give them: the style never changes the meaning.
 */
import { CST, Pair, Scalar, YAMLMap, YAMLSeq, type Document } from "yaml";
import { isBlank, joinLines } from "../lines.js";

const trimStart = (s: string): string => s.replace(/^[ \t]+/, "");
const trimEnd = (s: string): string => s.replace(/[ \t]+$/, "");

/**
 * The source lines of a flow scalar's content, each trimmed where YAML folds it: the blanks
 * around every line end go, the first line's start and the last line's end stay.
 */
const flowLines = (inner: string): string => joinLines(inner, "\n", isBlank, isBlank);

/** A double-quoted scalar's typed lines: escapes resolved, an escaped line end joins lines as YAML does. */
function doubleQuoted(inner: string): string {
  const raw = inner.split("\n");
  const logical: string[] = [];
  let cur = "";
  raw.forEach((line, i) => {
    let l = i > 0 ? trimStart(line) : line;
    const trailing = /\\+$/.exec(l)?.[0].length ?? 0;
    if (i < raw.length - 1 && trailing % 2 === 1) {
      // "\" at a line's end: the line goes on without a space (a YAML escape, not a line break)
      cur += l.slice(0, -1);
      return;
    }
    if (i < raw.length - 1) l = trimEnd(l);
    logical.push(cur + l);
    cur = "";
  });
  return logical.map((l) => CST.resolveAsScalar({ type: "double-quoted-scalar", offset: 0, indent: 0, source: `"${l}"` })?.value ?? l).join("\n");
}

/** The typed-lines value of a scalar that YAML folded, or undefined when its value is that already. */
export function typedLines(node: Scalar): string | undefined {
  const tok = node.srcToken;
  if (!tok || typeof node.value !== "string") return undefined;
  if (tok.type === "block-scalar") {
    if (node.type !== "BLOCK_FOLDED") return undefined;
    const props = tok.props.map((p) => (p.type === "block-scalar-header" ? { ...p, source: p.source.replace(">", "|") } : p));
    return CST.resolveAsScalar({ ...tok, props })?.value;
  }
  if (!("source" in tok) || !tok.source.includes("\n")) return undefined;
  // a file saved with Windows line ends: YAML reads "\r\n" as one line end, and so does this
  const source = tok.source.includes("\r") ? tok.source.replace(/\r\n/g, "\n") : tok.source;
  switch (tok.type) {
    case "scalar":
      return flowLines(source);
    case "single-quoted-scalar":
      return flowLines(source.slice(1, -1)).replace(/''/g, "'");
    case "double-quoted-scalar":
      return doubleQuoted(source.slice(1, -1));
    default:
      return undefined;
  }
}

/**
 * Replaces the value of every folded string scalar (not keys) by its typed lines. Walked here
 * rather than with yaml's visit, which builds a frozen path for every node (a plan's read spent
 * a sixth of its time there); aliases are not followed, as visit does not.
 */
export function restoreTypedLines(doc: Document): void {
  // instanceof, not yaml's isScalar/isMap: their symbol lookups on nodes of many shapes cost more than the rest
  const walk = (node: unknown): void => {
    if (node instanceof Scalar) {
      const v = typedLines(node);
      if (v !== undefined) node.value = v;
    } else if (node instanceof YAMLMap || node instanceof YAMLSeq) {
      for (const item of node.items as unknown[]) {
        if (!(item instanceof Pair)) walk(item);
        else {
          // a key's own scalar stays as typed (it names a field); a collection key is walked, as visit does
          if (!(item.key instanceof Scalar)) walk(item.key);
          walk(item.value);
        }
      }
    }
  };
  walk(doc.contents);
}
