/**
 * The bundle's entry (src/bundle.ts): the command line on the main thread, a build worker on
 * the others. One bundle, one code cache, for both.
 */
import { isMainThread } from "node:worker_threads";

if (isMainThread) void import("./cli.js");
else void import("./commands/build-worker.js");
