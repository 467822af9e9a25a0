/**
 * The bundle's entry (src/bundle.ts): the command line on the main thread, a build worker on
 * the others. One bundle, one code cache, for both. The launcher says which (src/boot.ts), so
 * that a single build never loads node:worker_threads.
 */
export type Role = "cli" | "worker";

export function start(role: Role): void {
  if (role === "cli") void import("./cli.js");
  else void import("./commands/build-worker.js");
}
