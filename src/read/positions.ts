import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, type Document, type Scalar } from "yaml";
import type { Path } from "../model/finding.js";
import { readMessages as m } from "../messages/read.js";
import { excerpt } from "../messages/excerpt.js";
import type { Stop } from "./scan.js";

export interface Pos {
  line: number;
  col: number;
}

export interface Entry {
  /** Where the value starts. */
  value: Pos;
  /** Offsets of the value in the file text: [start, end). */
  offset: [number, number];
  /** Where the key starts (for map entries). */
  key?: Pos;
  /** The value's source text, for scalars (to quote back what the user typed). */
  source?: string;
  /** True when the scalar was written without quotes. */
  plain?: boolean;
}

/**
 * Source positions of every node of a YAML document, by path, so that later stages
 * (schema, lint) can point at file:line:col without knowing YAML.
 */
export class PositionIndex {
  private readonly entries = new Map<string, Entry>();
  private readonly lines: LineCounter;

  constructor(lines: LineCounter) {
    this.lines = lines;
  }

  static key(path: Path): string {
    return path.map(String).join("\u0000");
  }

  pos(offset: number): Pos {
    const p = this.lines.linePos(offset);
    return { line: p.line, col: p.col };
  }

  set(path: Path, entry: Entry): void {
    this.entries.set(PositionIndex.key(path), entry);
  }

  /** Position of the value at path, or of the nearest enclosing node that exists. */
  valueAt(path: Path): Pos {
    for (let n = path.length; n >= 0; n--) {
      const e = this.entries.get(PositionIndex.key(path.slice(0, n)));
      if (e) return e.value;
    }
    return { line: 1, col: 1 };
  }

  /** Position of the key of the entry at path (falls back to the value). */
  keyAt(path: Path): Pos {
    const e = this.entries.get(PositionIndex.key(path));
    if (e?.key) return e.key;
    return this.valueAt(path);
  }

  /**
   * Position of the character at `offset` of the string value at `path`. The value holds the
   * lines as typed (read/flow.ts), so its line k is the scalar's k-th source line (after a block
   * scalar's header line), and the column is found where that line's text sits in the source;
   * when it cannot be found (escapes in a quoted scalar), the source line's start, else the value's.
   */
  within(path: Path, value: string, offset: number): Pos {
    const e = this.entries.get(PositionIndex.key(path));
    if (!e?.source) return this.valueAt(path);
    const lineStart = offset > 0 ? value.lastIndexOf("\n", offset - 1) + 1 : 0;
    const k = lineStart === 0 ? 0 : value.slice(0, lineStart).split("\n").length - 1;
    const lineEnd = value.indexOf("\n", lineStart);
    const line = value.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
    const raw = e.source.split("\n");
    const r = /^[|>]/.test(e.source) ? k + 1 : k;
    if (r >= raw.length) return e.value;
    const before = raw.slice(0, r).reduce((n, l) => n + l.length + 1, 0);
    const at = raw[r]!.indexOf(line);
    const col = at >= 0 ? at + offset - lineStart : raw[r]!.search(/\S|$/);
    return this.pos(e.offset[0] + before + col);
  }

  entry(path: Path): Entry | undefined {
    return this.entries.get(PositionIndex.key(path));
  }

  /**
   * Records every node of doc, up to `maxNodes`. Returns the deepest nesting seen, the node count
   * (past the limit, the walk stops), and what makes a key or value unusable: keys that are not a
   * plain word (collections, aliases, empty), keys repeated in one mapping, numbers too big to be
   * exact. Keys are compared as the plan will see them (text, NFC), each mapping with one Set.
   */
  static build(doc: Document, lines: LineCounter, text: string, maxNodes = Infinity): { index: PositionIndex; depth: number; nodes: number; problems: Stop[] } {
    const index = new PositionIndex(lines);
    const problems: Stop[] = [];
    let depth = 0;
    let nodes = 0;
    const walk = (node: Node | null | undefined, path: Path, keyPos?: Pos): void => {
      if (++nodes > maxNodes) return;
      if (path.length > depth) depth = path.length;
      const start = node?.range?.[0];
      const value = start !== undefined ? index.pos(start) : (keyPos ?? { line: 1, col: 1 });
      const offset: [number, number] = node?.range ? [node.range[0], node.range[1]] : [0, 0];
      if (isScalar(node)) {
        const r = node.range;
        const source = r ? text.slice(r[0], r[1]) : undefined;
        index.set(path, { value, offset, key: keyPos, source, plain: node.type === "PLAIN" });
        if (typeof node.value === "number" && !(Math.abs(node.value) <= Number.MAX_SAFE_INTEGER)) {
          problems.push({ rule: "yaml.inexact-number", offset: offset[0], message: m.inexactNumber(excerpt(source ?? String(node.value))) });
        }
        return;
      }
      index.set(path, { value, offset, key: keyPos });
      if (isAlias(node)) return;
      // Stop walking absurdly deep trees: the reader reports them, the index need not follow.
      if (path.length > 200) return;
      if (isMap(node)) {
        const seen = new Set<string>();
        for (const pair of node.items) {
          const keyNode = pair.key as Node | null;
          const kStart = keyNode?.range?.[0];
          const kp = kStart !== undefined ? index.pos(kStart) : value;
          // never String() a collection key: nested ones double at each level
          const bad: Stop | undefined = !keyNode || (isScalar(keyNode) && (keyNode.value === null || keyNode.value === undefined))
            ? { rule: "yaml.empty-key", offset: kStart ?? offset[0], message: m.emptyKey() }
            : isAlias(keyNode)
              ? { rule: "yaml.complex-key", offset: kStart!, message: m.complexKey(m.aliasKeyWord) }
              : !isScalar(keyNode)
                ? { rule: "yaml.complex-key", offset: kStart ?? offset[0], message: m.complexKey(m.collectionKeyWord) }
                : undefined;
          if (bad) {
            problems.push(bad);
            continue;
          }
          const k = String((keyNode as Scalar).value);
          const plain = k.normalize("NFC");
          if (seen.has(plain)) problems.push({ rule: "yaml.duplicate-key", offset: kStart ?? offset[0], message: m.duplicateKey(k) });
          seen.add(plain);
          path.push(k);
          walk(pair.value as Node | null, path, kp);
          if (pair.value === null || pair.value === undefined) index.set(path, { value: kp, offset: [kStart ?? 0, kStart ?? 0], key: kp });
          path.pop();
        }
      } else if (isSeq(node)) {
        for (let i = 0; i < node.items.length; i++) {
          path.push(i);
          walk(node.items[i] as Node | null, path);
          path.pop();
        }
      }
    };
    walk(doc.contents as Node | null, []);
    return { index, depth, nodes, problems };
  }
}
