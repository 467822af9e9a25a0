/** "Did you mean …?" for near-miss keys and values. */

function stripMarks(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

const stripped = new Map<string, string>();

/** The closest candidate within a small edit distance, comparing without diacritics. */
export function suggest(word: string, candidates: readonly string[]): string | undefined {
  const w = stripMarks(word);
  const limit = w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3;
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    let sc = stripped.get(c);
    if (sc === undefined) stripped.set(c, (sc = stripMarks(c)));
    // lengths further apart than the limit are further apart than it: no need to measure
    if (Math.abs(sc.length - w.length) > limit) continue;
    const d = distance(w, sc);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= limit ? best : undefined;
}
