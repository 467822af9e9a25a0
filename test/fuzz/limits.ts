/**
 * Plans at the read stage's limits (src/read LIMITS: 2 MB, 50,000 nodes) and special files at an
 * output path: the inputs that once killed a whole batch (issue #14, items 2 and 3). Shared by the
 * batch tests and the fuzz test.
 */
import { execFileSync } from "node:child_process";
import { lstatSync, readlinkSync, rmSync, symlinkSync } from "node:fs";
import { MINIMAL_PLAN } from "../helpers.js";

const ITEM = "          - Huy động sự tham gia của gia đình.";
const BYTES_LIMIT = 2 * 1024 * 1024;

/** MINIMAL_PLAN with its second item replaced by `items` (each a line of YAML). */
function withItems(items: string): string {
  return MINIMAL_PLAN.replace(ITEM, items);
}

/** MINIMAL_PLAN with its second item replaced by one text, as a block scalar (any text, any lines). */
export function withText(text: string): string {
  return withItems(`          - |-\n${text.split("\n").map((l) => `            ${l}`).join("\n")}`);
}

const FOOTNOTE = "x^[y] ";

/**
 * One item carrying `count` footnotes (6 bytes each): 5,000 of them, 30 KB, once made a worker
 * run out of memory; at the size limit a plan holds about 349,000, past the plan's footnote limit.
 */
export function manyFootnotes(count: number): string {
  return withItems(`          - "${FOOTNOTE.repeat(count).trimEnd()}"`);
}

/** The most footnotes a plan under the size limit holds. */
export function footnotesAtLimit(): string {
  return manyFootnotes(Math.floor((BYTES_LIMIT - Buffer.byteLength(MINIMAL_PLAN) - 64) / FOOTNOTE.length));
}

/**
 * `count` items, each long enough that the plan is just under the size limit: the node limit
 * (50,000) allows about 49,900 items besides the rest of the plan.
 */
export function manyItems(count: number, bytes = BYTES_LIMIT - 4096): string {
  const room = Math.floor((bytes - Buffer.byteLength(MINIMAL_PLAN)) / count) - Buffer.byteLength("          - .\n") - 8;
  // ASCII, so that characters are bytes
  const text = "Huy dong su tham gia cua gia dinh va nha truong ".repeat(8).slice(0, Math.max(1, room)).trim();
  return withItems(Array.from({ length: count }, (_, i) => `          - ${text} ${i}.`).join("\n"));
}

/** The special files that once were replaced by a regular file at an output path. */
export type SpecialKind = "fifo" | "symlink-to-device" | "directory";

/** Makes a special file at path (a FIFO, a symlink to /dev/null, or a folder); never touches /dev/null itself. */
export function makeSpecial(kind: SpecialKind, path: string): void {
  if (kind === "fifo") execFileSync("mkfifo", [path]);
  else if (kind === "symlink-to-device") symlinkSync("/dev/null", path);
  else execFileSync("mkdir", [path]);
}

/** Fuzz mutation: the first list item of a plan becomes up to 5,000 footnotes. */
export function withManyFootnotes(src: string, rnd: () => number): string {
  const count = 1 + Math.floor(rnd() * 5000);
  return src.replace(/(\n\s+- )[^\n]*/, (_all, lead: string) => `${lead}"${FOOTNOTE.repeat(count).trimEnd()}"`);
}

/**
 * Fuzz: a special file put at a build's output path. `problem` tells what went wrong, if
 * anything: the build must be refused and the special file left as it was.
 */
export function specialOutput(path: string, rnd: () => number): { problem(output: string | undefined): string | undefined; remove(): void } {
  const kinds: SpecialKind[] = ["fifo", "symlink-to-device", "directory"];
  const kind = kinds[Math.floor(rnd() * kinds.length)]!;
  makeSpecial(kind, path);
  const intact = (): boolean => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (kind === "fifo") return Boolean(st?.isFIFO());
    if (kind === "directory") return Boolean(st?.isDirectory());
    return Boolean(st?.isSymbolicLink()) && readlinkSync(path) === "/dev/null";
  };
  return {
    problem: (output) => (output ? `built over a ${kind} at ${path}` : intact() ? undefined : `${kind} at ${path} was changed`),
    remove: () => rmSync(path, { recursive: true, force: true }),
  };
}
