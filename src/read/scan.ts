/**
 * YAML parsed token by token behind a gate. The yaml library spends time and memory that grow
 * faster than the text on some shapes (deep nesting, thousands of anchors or tags on one node,
 * hundreds of thousands of tiny nodes): the gate sees every token before the parser does, in one
 * pass, and stops at the first one past a limit, so the parser never sees more than a bounded plan.
 */
import { Composer, CST, Lexer, Parser, type Document, type LineCounter } from "yaml";
import { readMessages as m, yamlErrorVi } from "../messages/read.js";
import { excerpt } from "../messages/excerpt.js";
import type { RuleId } from "../model/rules.js";

export interface ScanLimits {
  /** Deepest nesting of [ ] and { }, and of compact "- - -" on one line. */
  depth: number;
  /** Nodes; the gate counts the tokens that make one (scalars, aliases, collection starts, "-"), at most two a node. */
  nodes: number;
}

/** Where and why the gate stopped the parse. */
export interface Stop {
  rule: RuleId;
  offset: number;
  message: string;
}

// a plain or block scalar is counted by the mark before its text (a block scalar's header is not counted)
const NODE_TOKENS = new Set(["scalar", "single-quoted-scalar", "double-quoted-scalar", "alias", "flow-map-start", "flow-seq-start", "seq-item-ind"]);
/** Tokens after which a node's properties (anchor) no longer wait for their node. */
const PROPERTY_ENDS = new Set([...NODE_TOKENS, "block-scalar-header", "map-value-ind", "explicit-key-ind", "comma", "flow-map-end", "flow-seq-end", "doc-start", "doc-end"]);

/**
 * Parses text as one YAML document (what parseDocument does), unless a token passes a limit:
 * then returns where, and the parser has seen nothing past it.
 */
export function parseGated(text: string, lines: LineCounter, limits: ScanLimits, options: ConstructorParameters<typeof Composer>[0]): { doc?: Document; stop?: Stop } {
  const parser = new Parser(lines.addNewLine);
  const composer = new Composer(options);
  let stop: Stop | undefined;
  let flow = 0;
  let compact = 0;
  let tokens = 0;
  let anchorWaiting = false;
  let afterScalarMark = false;
  function* gated() {
    lines.addNewLine(0);
    for (const lexeme of new Lexer().lex(text)) {
      const offset = parser.offset;
      // the lexeme after a plain-scalar mark is the scalar's own text, whatever it looks like
      const k = afterScalarMark ? "scalar-text" : (CST.tokenType(lexeme) ?? "other");
      afterScalarMark = k === "scalar";
      if (k === "tag") stop = { rule: "yaml.tag", offset, message: m.tag(excerpt(lexeme)) };
      else if (k === "explicit-key-ind") stop = { rule: "yaml.complex-key", offset, message: m.complexKey(m.explicitKeyWord) };
      else if (k === "anchor") {
        if (anchorWaiting) stop = { rule: "yaml.syntax", offset, message: m.multipleAnchors() };
        anchorWaiting = true;
      } else if (PROPERTY_ENDS.has(k)) anchorWaiting = false;
      if (k === "flow-map-start" || k === "flow-seq-start") flow++;
      else if ((k === "flow-map-end" || k === "flow-seq-end") && flow > 0) flow--;
      if (k === "seq-item-ind") compact++;
      else if (k === "newline") compact = 0;
      if (!stop && (flow > limits.depth || compact > limits.depth)) stop = { rule: "limit.depth", offset, message: m.tooDeep(limits.depth) };
      if (NODE_TOKENS.has(k) && ++tokens > 2 * limits.nodes && !stop) stop = { rule: "limit.nodes", offset, message: m.tooManyNodes(limits.nodes) };
      if (stop) return;
      yield* parser.next(lexeme);
    }
    yield* parser.end();
  }
  let doc: Document | undefined;
  for (const d of composer.compose(gated(), true, text.length)) {
    if (stop) break;
    if (!doc) doc = d;
    // as parseDocument: one document only
    else return { stop: { rule: "yaml.syntax", offset: d.range[0], message: m.yamlSyntax(yamlErrorVi("MULTIPLE_DOCS")) } };
  }
  return stop ? { stop } : { doc };
}
