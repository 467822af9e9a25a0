/**
 * The writer of plan YAML: a plan value (model/plan.ts PlanSource, what the YAML reader gives)
 * becomes YAML text. `kehoach fmt` writes every plan in this one layout, and `kehoach import`
 * writes what it recognised through it: one writer, no second model of a plan.
 *
 * This first version writes the value with the yaml library's defaults plus comments at paths;
 * the canonical layout (schema key order, block scalars at a fixed width, quotes only where YAML
 * needs them) is issue #15 item 3.
 */
import { Document, isNode, type Node } from "yaml";

/** A comment written on its own line(s) just above the node at `path` (keys and list indexes). */
export interface YamlComment {
  path: (string | number)[];
  /** The comment's text, without "#"; several lines allowed. */
  text: string;
}

/** The plan value as YAML text, with the comments above their nodes. */
export function planYaml(plan: unknown, comments: readonly YamlComment[] = []): string {
  const doc = new Document(plan);
  for (const c of comments) {
    const node = doc.getIn(c.path, true);
    const text = c.text
      .split("\n")
      .map((l) => " " + l)
      .join("\n");
    if (isNode(node)) {
      const n = node as Node;
      n.commentBefore = n.commentBefore ? `${n.commentBefore}\n${text}` : text;
    } else doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${text}` : text;
  }
  return doc.toString({ lineWidth: 0 });
}
