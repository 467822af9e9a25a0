/**
 * Width of a line of Times New Roman text, for drawing the short rules Decree 30 asks for
 * (under the agency: 1/3–1/2 of the name; under the tiêu ngữ: as long as the text).
 * Advance widths in 1/1000 em from the Times metrics (Word's Times New Roman and
 * LibreOffice's Liberation Serif share them); a Vietnamese letter takes its base letter's width.
 */
const REGULAR: Record<string, number> = {
  A: 722, B: 667, C: 667, D: 722, E: 611, F: 556, G: 722, H: 722, I: 333, J: 389, K: 722, L: 611, M: 889,
  N: 722, O: 722, P: 556, Q: 722, R: 667, S: 556, T: 611, U: 722, V: 722, W: 944, X: 722, Y: 722, Z: 611,
  a: 444, b: 500, c: 444, d: 500, e: 444, f: 333, g: 500, h: 500, i: 278, j: 278, k: 500, l: 278, m: 778,
  n: 500, o: 500, p: 500, q: 500, r: 333, s: 389, t: 278, u: 500, v: 500, w: 722, x: 500, y: 500, z: 444,
  " ": 250, "-": 333, ",": 250, ".": 250, ":": 278, ";": 278, "/": 278, "(": 333, ")": 333,
};
const BOLD: Record<string, number> = {
  A: 722, B: 667, C: 722, D: 722, E: 667, F: 611, G: 778, H: 778, I: 389, J: 500, K: 778, L: 667, M: 944,
  N: 722, O: 778, P: 611, Q: 778, R: 722, S: 556, T: 667, U: 722, V: 722, W: 1000, X: 722, Y: 722, Z: 667,
  a: 500, b: 556, c: 444, d: 556, e: 444, f: 333, g: 500, h: 556, i: 278, j: 333, k: 556, l: 278, m: 833,
  n: 556, o: 500, p: 556, q: 556, r: 444, s: 389, t: 333, u: 556, v: 500, w: 722, x: 500, y: 500, z: 444,
  " ": 250, "-": 333, ",": 250, ".": 250, ":": 333, ";": 333, "/": 278, "(": 333, ")": 333,
};

function base(ch: string): string {
  if (ch === "đ") return "d";
  if (ch === "Đ") return "D";
  return ch.normalize("NFD")[0] ?? ch;
}

/** Width in twips of text set in Times New Roman at `sizePt`. */
export function textWidth(text: string, sizePt: number, bold: boolean): number {
  const table = bold ? BOLD : REGULAR;
  let em = 0;
  // digits are 500 wide in Times; other characters not listed are taken as wide as a digit
  for (const ch of text) em += table[base(ch)] ?? 500;
  return Math.round((em / 1000) * sizePt * 20);
}

/**
 * A title line too wide for `width` broken at spaces into the fewest lines that fit, as equal as
 * possible (the least sum of squared differences from the mean line), never leaving one word alone on
 * the last line when another split fits. The space at each break becomes the break. A line that fits
 * is returned whole. Each line holds at most a column of words, so the work is linear in the words.
 */
export function balancedLines(text: string, width: number, measure: (s: string) => number): string[] {
  if (measure(text) <= width) return [text];
  const words = text.split(" ");
  const n = words.length;
  const space = measure(" ");
  const start = [0];
  for (const w of words) start.push(start[start.length - 1]! + measure(w) + space);
  const lineWidth = (i: number, j: number): number => start[j]! - start[i]! - space;
  // the fewest lines: greedy
  let lines = 0;
  for (let i = 0; i < n; lines++) {
    let j = i + 1;
    while (j < n && lineWidth(i, j + 1) <= width) j++;
    i = j;
  }
  const mean = lineWidth(0, n) / lines;
  const split = (lonely: boolean): number[][] | undefined => {
    // cost[l][j]: the best first l lines ending before word j; from[l][j]: where line l starts
    const cost = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from = Array.from({ length: lines + 1 }, () => new Array<number>(n + 1).fill(-1));
    cost[0]![0] = 0;
    for (let l = 1; l <= lines; l++) {
      for (let j = 1; j <= n; j++) {
        for (let i = j - 1; i >= 0 && (i === j - 1 || lineWidth(i, j) <= width); i--) {
          if (cost[l - 1]![i] === Infinity) continue;
          if (l === lines && j === n && !lonely && j - i < 2 && n > 1) continue;
          const c = cost[l - 1]![i]! + (lineWidth(i, j) - mean) ** 2;
          if (c < cost[l]![j]!) {
            cost[l]![j] = c;
            from[l]![j] = i;
          }
        }
      }
    }
    if (cost[lines]![n] === Infinity) return undefined;
    const out: number[][] = [];
    for (let l = lines, j = n; l > 0; l--) {
      const i = from[l]![j]!;
      out.unshift([i, j]);
      j = i;
    }
    return out;
  };
  const best = split(false) ?? split(true)!;
  return best.map(([i, j]) => words.slice(i, j).join(" "));
}
