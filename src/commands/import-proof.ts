/**
 * The proof of `kehoach import`: the words of the document built from the written plan against the
 * original's, in order. Words as nd30check counts them (letters and digits, lower case, NFC); the
 * alignment is Myers' diff, O((N+M)·D) time, so a faithful import of a long plan is fast.
 */
import { readZip } from "../pack/read-zip.js";
import { childrenNamed, parseXml, textOf, type XmlElement } from "../read/word/xml.js";

export function words(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The text of a part's paragraphs; footnote references replaced by the note's text when given. */
function partText(root: XmlElement, notes: Map<string, string> = new Map()): string {
  let out = "";
  const walk = (el: XmlElement): void => {
    for (const c of el.children) {
      if (typeof c === "string") continue; // text counts only inside w:t
      if (c.name === "w:t") out += textOf(c);
      else if (c.name === "w:tab" || c.name === "w:br") out += " ";
      else if (c.name === "w:footnoteReference") out += " " + (notes.get(c.attrs["w:id"] ?? "") ?? "") + " ";
      else {
        walk(c);
        if (c.name === "w:p") out += "\n";
      }
    }
  };
  walk(root);
  return out;
}

/** A .docx's words in reading order, each footnote at its reference; read by the import's own XML reader. */
export function docxText(bytes: Buffer): string {
  const entries = readZip(bytes, { include: (n) => n === "word/document.xml" || n === "word/footnotes.xml" });
  const part = (n: string): XmlElement | undefined => {
    const e = entries.find((x) => x.name === n);
    return e ? parseXml(e.data.toString("utf8")) : undefined;
  };
  const notes = new Map<string, string>();
  const footnotes = part("word/footnotes.xml");
  if (footnotes) for (const fn of childrenNamed(footnotes, "w:footnote")) notes.set(fn.attrs["w:id"] ?? "", partText(fn));
  const body = part("word/document.xml");
  return body ? partText(body, notes) : "";
}

export interface Proof {
  /** Words of the original, and how many of them the document has in order. */
  total: number;
  kept: number;
  share: number;
  /** Runs of the original's words the document does not have, each as text. */
  missing: string[];
}

/**
 * Myers' greedy diff of a against b: which words of a are kept. Prefix and suffix in common are
 * taken first; the trace keeps only the band visited at each step, O(D²) memory at worst.
 */
export function compareWords(a: string[], b: string[], maxD = 20000): Proof {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const A = a.slice(pre, a.length - suf);
  const B = b.slice(pre, b.length - suf);
  const n = A.length;
  const mLen = B.length;
  const keptA = new Uint8Array(n);
  const max = Math.min(n + mLen, maxD);
  const off = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    trace.push(v.slice(off - d - 1, off + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < mLen && A[x] === B[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= mLen) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) {
    // too different to align within the bound: an upper bound on what is kept
    const kept = pre + suf + Math.max(0, Math.floor((n + mLen - max) / 2));
    return { total: a.length, kept, share: a.length ? kept / a.length : 1, missing: [A.slice(0, 12).join(" ")] };
  }
  // walk back through the trace, marking the diagonal (kept) moves
  let x = n;
  let y = mLen;
  for (let d = found; d > 0; d--) {
    const band = trace[d]!; // v before step d, indexes -d-1 … d+1
    const at = (k: number): number => band[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    for (let xx = startX; xx < x; xx++) keptA[xx] = 1;
    x = prevX;
    y = prevY;
  }
  for (let xx = 0; xx < x; xx++) keptA[xx] = 1;
  let kept = pre + suf;
  const missing: string[] = [];
  let runStart = -1;
  for (let i = 0; i <= n; i++) {
    if (i < n && keptA[i]) kept++;
    if (i < n && !keptA[i]) {
      if (runStart < 0) runStart = i;
    } else if (runStart >= 0) {
      missing.push(A.slice(runStart, i).join(" "));
      runStart = -1;
    }
  }
  return { total: a.length, kept, share: a.length ? kept / a.length : 1, missing };
}
