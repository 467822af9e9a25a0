/**
 * Writing an output without ever leaving half a file: write a temporary file in the same
 * folder, then rename it over the target (rename replaces a symlink, it does not follow it).
 * Asynchronous, so a batch builds its next plan while the disk creates this one's file
 * (creating a file is mostly waiting: about 1.5 ms each on the benchmark machine). Through
 * node:fs's callbacks, which Node has loaded already: node:fs/promises costs a cold build 2 ms.
 */
import { close, existsSync, fchmod, mkdirSync, open, realpathSync, rename, rm, statSync, write } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { promisify } from "node:util";

const openFile = promisify(open);
const writeFile = promisify(write);
const closeFile = promisify(close);
const renameFile = promisify(rename);
const removeFile = promisify(rm);
const chmodFile = promisify(fchmod);

let written = 0;

export class OutputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

function same(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/**
 * A new temporary file beside path. Several plans, from several threads of one process, are
 * written at once: a name already taken ("wx" refuses it) is passed over for the next.
 */
async function createTemporary(path: string): Promise<{ tmp: string; fd: number }> {
  for (;;) {
    const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${++written}.tmp`);
    try {
      return { tmp, fd: await openFile(tmp, "wx", 0o644) };
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
export async function writeAtomic(path: string, data: Buffer, protect: string[] = [], mode?: number): Promise<void> {
  if (protect.some((p) => same(p, path))) throw new OutputError(path, "source");
  let tmp: string | undefined;
  let fd: number | undefined;
  try {
    ({ tmp, fd } = await createTemporary(path));
    if (mode !== undefined) await chmodFile(fd, mode);
    for (let at = 0; at < data.length; ) at += (await writeFile(fd, data, at, data.length - at, null)).bytesWritten;
    await closeFile(fd);
    fd = undefined;
    await renameFile(tmp, path);
  } catch (e) {
    if (fd !== undefined) await closeFile(fd).catch(() => undefined);
    if (tmp !== undefined) await removeFile(tmp, { force: true });
    throw new OutputError(path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
