/** A build worker: builds the plans the main thread sends, one at a time. */
import { parentPort, workerData } from "node:worker_threads";
import { buildOne, type BuildOptions } from "./build.js";
import type { PlanFile } from "./expand.js";

const opts = workerData as BuildOptions;
parentPort!.on("message", (msg: { id: number; plan: PlanFile }) => {
  buildOne(msg.plan, opts).then(
    (r) => parentPort!.postMessage({ id: msg.id, result: r }),
    (e: unknown) => parentPort!.postMessage({ id: msg.id, error: e instanceof Error ? e.message : String(e) }),
  );
});
