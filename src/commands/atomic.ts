/**
 * Writing an output without ever leaving half a file: write a temporary file in the same
 * folder, then rename it over the target (rename replaces a symlink, it does not follow it).
 */
import { closeSync, openSync, renameSync, rmSync, writeSync, realpathSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";

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

/** Throws OutputError with the system's reason code when the file cannot be written. */
export function writeAtomic(path: string, data: Buffer, protect: string[] = []): void {
  if (protect.some((p) => same(p, path))) throw new OutputError(path, "source");
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "wx", 0o644);
    writeSync(fd, data);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(tmp, { force: true });
    throw new OutputError(path, (e as NodeJS.ErrnoException).code ?? String(e));
  }
}
