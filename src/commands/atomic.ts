/**
 * Writing an output without ever leaving half a file: write a temporary file in the same
 * folder, then rename it over the target (rename replaces a symlink, it does not follow it).
 * A batch build writes through Node's thread pool (FileOps "pool"), so it builds its next plan
 * while the disk creates this one's file (creating a file is mostly waiting: about 1.5 ms each
 * on the benchmark machine); a build of one plan and the other commands write their few files in
 * place ("direct"): the pool's four threads and the event loop's turns for each step cost an
 * import 2.5 ms, more than the waiting they would hide. Through node:fs's callbacks, which Node
 * has loaded already: node:fs/promises costs a cold build 2 ms.
 */
import { close, closeSync, existsSync, fchmod, fchmodSync, lstatSync, mkdirSync, open, openSync, readdirSync, realpathSync, rename, renameSync, rm, rmSync, statSync, write, writeSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";
import { resolveContained, type Refusal } from "../read/files.js";

/** The steps of a write, each a value or its promise (awaited alike). */
interface FileOps {
  open(path: string, flags: string, mode: number): number | Promise<number>;
  write(fd: number, data: Buffer, offset: number, length: number): number | Promise<number>;
  close(fd: number): void | Promise<void>;
  rename(from: string, to: string): void | Promise<void>;
  remove(path: string): void | Promise<void>;
  chmod(fd: number, mode: number): void | Promise<void>;
}

const writeAsync = promisify(write);
const FILE_OPS: Record<"pool" | "direct", FileOps> = {
  pool: {
    open: promisify(open),
    write: async (fd, data, offset, length) => (await writeAsync(fd, data, offset, length, null)).bytesWritten,
    close: promisify(close),
    rename: promisify(rename),
    remove: (path) => promisify(rm)(path, { force: true }),
    chmod: promisify(fchmod),
  },
  direct: {
    open: openSync,
    write: (fd, data, offset, length) => writeSync(fd, data, offset, length, null),
    close: closeSync,
    rename: renameSync,
    remove: (path) => rmSync(path, { force: true }),
    chmod: fchmodSync,
  },
};
/** How a write goes: through the thread pool (a batch's plans), or in place (one plan, every other command). */
export type WriteMode = keyof typeof FILE_OPS;

let written = 0;

export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** The path with its folder's symlinks resolved, whether or not the file itself exists yet. */
export function canonicalPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    try {
      return join(realpathSync(dirname(p)), basename(p));
    } catch {
      return resolve(p);
    }
  }
}

function same(a: string, b: string): boolean {
  return canonicalPath(a) === canonicalPath(b);
}

/**
 * An output path must be absent or a regular file, or a symlink to one (the symlink is replaced,
 * not followed): renaming over a device, a FIFO or a folder would replace it (as root, /dev/null
 * itself). Throws OutputError "special" for anything else, and "source" for a file to protect.
 */
export function checkOutputPath(path: string, protect: string[] = []): void {
  if (protect.some((p) => same(p, path))) throw new OutputError(path, "source");
  let st;
  try {
    st = lstatSync(path);
    if (st.isSymbolicLink()) st = statSync(path);
  } catch {
    return; // absent, or a dangling symlink: nothing is replaced but the link
  }
  if (!st.isFile()) throw new OutputError(path, "special");
}

/**
 * The name of a temporary file of this process (any of its threads) for the output `name`, in
 * the output's folder; `n` tells it from the others. Hidden, and named so that removeTemporaries
 * finds it.
 */
export function temporaryName(name: string, n: number | string): string {
  return `.${name}.${process.pid}.${n}.tmp`;
}

/** Removes this process's temporary files beside the given outputs (after an interruption). */
export function removeTemporaries(outputs: string[]): void {
  const byDir = new Map<string, string[]>();
  for (const out of outputs) byDir.set(dirname(out), [...(byDir.get(dirname(out)) ?? []), basename(out)]);
  for (const [dir, names] of byDir) {
    let entries: string[];
    try {
      entries = readdirSync(dir);
    } catch {
      continue;
    }
    const prefixes = names.map((name) => temporaryName(name, "").slice(0, -".tmp".length));
    for (const e of entries) if (e.endsWith(".tmp") && prefixes.some((p) => e.startsWith(p))) rmSync(join(dir, e), { force: true });
  }
}

/**
 * A new temporary file beside path. Several plans, from several threads of one process, are
 * written at once: a name already taken ("wx" refuses it) is passed over for the next.
 */
async function createTemporary(path: string, ops: FileOps): Promise<{ tmp: string; fd: number }> {
  for (;;) {
    const tmp = join(dirname(path), temporaryName(basename(path), ++written));
    try {
      return { tmp, fd: await ops.open(tmp, "wx", 0o644) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
  }
}

/**
 * Makes the folders missing above an output, one by one. Not mkdirSync's recursive mode: on
 * Node 20 it spins forever where a folder cannot be made (under /proc, say) instead of failing.
 */
export function makeFolders(dir: string): void {
  const missing: string[] = [];
  let d = resolve(dir);
  for (; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.push(d);
  if (existsSync(d) && !statSync(d).isDirectory()) {
    // as mkdir says it: the folder itself is a file (EEXIST), or a file stands above it (ENOTDIR)
    const code = missing.length ? "ENOTDIR" : "EEXIST";
    throw Object.assign(new Error(`${code}: ${d}`), { code });
  }
  for (let i = missing.length - 1; i >= 0; i--) mkdirSync(missing[i]!);
}

/**
 * Throws OutputError with the system's reason code when the file cannot be written. `mode`
 * gives the new file the permissions of the one it replaces (lint --fix keeps a 0600 plan 0600).
 */
export async function writeAtomic(path: string, data: Buffer, protect: string[] = [], mode?: number, how: WriteMode = "direct"): Promise<void> {
  const ops = FILE_OPS[how];
  checkOutputPath(path, protect);
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    ({ tmp, fd } = await createTemporary(path, ops));
    if (mode !== undefined) await ops.chmod(fd, mode);
    for (let at = 0; at < data.length; ) at += await ops.write(fd, data, at, data.length - at);
    await ops.close(fd);
    fd = undefined;
    await ops.rename(tmp, path);
  } catch (e) {
    if (fd !== undefined) {
      try {
        await ops.close(fd);
      } catch {
        // the write's own error is the one to report
      }
    }
    if (tmp !== undefined) await ops.remove(tmp);
    throw new OutputError(path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}

/** Why a file could not be rewritten in place: refused by read/files.ts, or the system's error code. */
export type InPlaceProblem = { refusal: Refusal; code?: string } | { code?: string };

/**
 * Rewrites a user's file in place (lint --fix, fmt), as the user's file: same permissions, and a
 * symlink stays a symlink (its target is rewritten, when the target is in the symlink's folder;
 * otherwise refused, "outside"). Undefined when written.
 */
export async function writeInPlace(file: string, text: string): Promise<InPlaceProblem | undefined> {
  const where = resolveContained(dirname(file), basename(file), "file");
  if (where.refusal) return { refusal: where.refusal, code: where.code };
  try {
    const real = realpathSync(file);
    await writeAtomic(real, Buffer.from(text, "utf8"), [], statSync(real).mode & 0o7777);
  } catch (e) {
    return { code: e instanceof OutputError ? e.reason : (e as NodeJS.ErrnoException).code };
  }
  return undefined;
}
