/**
 * Fuzz mutations of the shapes that once cost memory or time far under the size limit (issue #14):
 * nesting inside keys, duplicate keys, long repetitions of spaces, "./.", anchors and tags. Sizes
 * stay in the tens of KB so that a run keeps its pace; bench/worst-cases.mjs goes to the limit.
 */

type Rnd = () => number;

const pick = <T>(rnd: Rnd, a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
const count = (rnd: Rnd, max: number): number => 1 + Math.floor(rnd() ** 2 * max);

/** A text value's line (key: value) replaced by one whose value is `value`, or src unchanged. */
function replaceValue(src: string, rnd: Rnd, value: string): string {
  const lines = src.split("\n");
  const texts = lines.map((l, i) => (/^\s*(- )?[a-z_]+: [^\s&*!|>{[]/.test(l) ? i : -1)).filter((i) => i >= 0);
  if (!texts.length) return src;
  const i = pick(rnd, texts);
  lines[i] = lines[i]!.replace(/: .*$/, () => `: ${value}`);
  return lines.join("\n");
}

// ("*a" repeated, inline emphasis, is render/inline.ts's own case)
const REPEATED = [" ", "./.", "&a ", "!t ", "!!str ", "? ", "- ", "{", "[", "(", "31/4/2025 ", "năm 2019 ", "Kế hoạch số 1 ", "\\\n"];

export function hostileMutation(src: string, rnd: Rnd): string {
  switch (Math.floor(rnd() * 5)) {
    case 0: {
      // a value nested inside complex keys, in flow or block style
      const depth = count(rnd, 45);
      const nest = rnd() < 0.5 ? `${"{".repeat(depth)}${"}".repeat(depth)}` : `\n  ${"? ".repeat(depth)}a`;
      return replaceValue(src, rnd, nest);
    }
    case 1: {
      // a line repeated as duplicate keys
      const lines = src.split("\n").filter((l) => /^[a-z_]+:/.test(l));
      return lines.length ? src + `\n${pick(rnd, lines)}`.repeat(count(rnd, 10_000)) + "\n" : src;
    }
    case 2: {
      // a repetition inside a quoted text
      const unit = pick(rnd, REPEATED);
      return replaceValue(src, rnd, JSON.stringify(`a${unit.repeat(count(rnd, 30_000))}b`));
    }
    case 3: {
      // a repetition as YAML (anchors or tags on one node, nested lists, aliases)
      const unit = pick(rnd, ["&a ", "!t ", "- ", "*a, ", "[", "? "]);
      return replaceValue(src, rnd, unit.repeat(count(rnd, 30_000)) + "x");
    }
    default: {
      // numbers a double cannot hold, as values or amounts
      return replaceValue(src, rnd, pick(rnd, ["9999999999999999", "1e24", '"999.999.999.999.999.999.999"', "-9007199254740993", ".inf"]));
    }
  }
}
