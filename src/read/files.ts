/**
 * Files read on behalf of a plan besides the plan itself (its office profile, an office's
 * templates). The one place that decides what may be read: every path is resolved through its
 * symlinks and must stay inside the folder that may name it, file by file, so a symlink inside
 * a contained folder never leads out of it. Nothing here throws for a file-system problem.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";

/** Why a path cannot be used. */
/** "special": a device, FIFO or socket (reading one may never end, or never start). */
export type Refusal = "outside" | "missing" | "dangling" | "not-file" | "not-folder" | "special" | "unreadable" | "too-large";

/** A usable path, or why not (with the system's error code when there is one). */
export interface Resolved {
  path?: string;
  refusal?: Refusal;
  code?: string;
}

type Refused = { refusal: Refusal; code?: string };

function inside(base: string, target: string): boolean {
  const rel = relative(base, target);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

function errnoRefusal(target: string, e: unknown): Refused {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") {
    // a symlink whose target is gone exists itself
    try {
      if (lstatSync(target).isSymbolicLink()) return { refusal: "dangling" };
    } catch {
      /* not there at all */
    }
    return { refusal: "missing", code };
  }
  return { refusal: "unreadable", code };
}

/**
 * `p` (relative to folder `base`, or absolute) as a file or folder inside base once every
 * symlink is followed. The path returned is the one written (for messages), not the real one.
 */
export function resolveContained(base: string, p: string, kind: "file" | "folder"): Resolved {
  const realBase = realFolder(base);
  const target = resolve(realBase, p);
  if (!inside(realBase, target)) return { refusal: "outside" };
  let real: string;
  try {
    real = realpathSync(target);
  } catch (e) {
    return errnoRefusal(target, e);
  }
  if (!inside(realBase, real)) return { refusal: "outside" };
  try {
    const st = statSync(real);
    if (kind === "folder" && !st.isDirectory()) return { refusal: "not-folder" };
    if (kind === "file" && !st.isFile()) return { refusal: "not-file" };
  } catch (e) {
    return errnoRefusal(target, e);
  }
  return { path: isAbsolute(p) ? p : join(base, p) };
}

/** Whether path is a folder (through symlinks); false when it is anything else or absent. */
export function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export interface FolderEntry {
  name: string;
  path: string;
  /** Size, time and inode of the real file: changes when the file is saved. */
  stamp: string;
}

export interface FolderScan {
  entries: FolderEntry[];
  refused: { path: string; refusal: Refusal; code?: string }[];
}

/**
 * The files of a folder whose names end in `ext`, sorted, each contained in the folder (a
 * symlink leading out of it, a dangling one, or a folder of that name is refused, by path).
 */
export function scanFolder(dir: string, ext: string): FolderScan | Refused {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return { refusal: "not-folder" };
    names = readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
  } catch (e) {
    return errnoRefusal(dir, e);
  }
  const scan: FolderScan = { entries: [], refused: [] };
  for (const name of names) {
    const path = join(dir, name);
    const r = resolveContained(dir, name, "file");
    if (r.refusal) {
      scan.refused.push({ path, refusal: r.refusal, code: r.code });
      continue;
    }
    try {
      const st = statSync(path);
      scan.entries.push({ name, path, stamp: `${st.size}:${st.mtimeMs}:${st.ino}` });
    } catch (e) {
      scan.refused.push({ path, ...errnoRefusal(path, e) });
    }
  }
  return scan;
}

const CHUNK = 1 << 16;

/**
 * The bytes of a regular file, at most `limit` of them; anything else is refused, never waited on.
 * Opened without blocking (opening a FIFO would wait for a writer), checked on the descriptor (what
 * is read is what was checked), and read in chunks until the end or limit + 1 bytes, whatever the
 * size the system states (/dev/zero and /proc files state 0). `size` is known when the state said it.
 * With `start`, a longer file is not refused: its first `limit` bytes are the answer (a folder scan
 * telling plans from other YAML reads no more than that).
 */
export function readRegularFile(path: string, limit: number, start = false): { bytes: Buffer } | (Refused & { size?: number }) {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return errnoRefusal(path, e);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return { refusal: "not-file", code: "EISDIR" };
    if (!st.isFile()) return { refusal: "special" };
    if (st.size > limit && !start) return { refusal: "too-large", size: st.size };
    const wanted = start ? limit : limit + 1;
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < wanted) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, wanted - total));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n < chunk.length ? chunk.subarray(0, n) : chunk);
      total += n;
    }
    if (total > limit) return { refusal: "too-large" };
    return { bytes: Buffer.concat(chunks, total) };
  } catch (e) {
    return errnoRefusal(path, e);
  } finally {
    closeSync(fd);
  }
}

/** The text of a file scanFolder accepted; a refusal when it cannot be read or exceeds `maxBytes`. */
export function readText(path: string, maxBytes: number): { text: string } | Refused {
  const r = readRegularFile(path, maxBytes);
  return "bytes" in r ? { text: r.bytes.toString("utf8") } : r;
}
