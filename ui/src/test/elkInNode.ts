// The real ELK, as the app runs it: in a worker of its own (here a Node worker thread), whose
// realm has the unfrozen Object.prototype ELK's GWT runtime needs — this test realm freezes
// it like the window does. Resolves with ELK's answer for the graph.
/// <reference types="node" />
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { ElkNode } from "elkjs/lib/elk-api.js";

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const ELK = require(workerData.elk);
new ELK().layout(workerData.graph).then(
  (result) => parentPort.postMessage({ result }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

export function elkInNode(graph: ElkNode): Promise<ElkNode> {
  // Resolved from ui/ (where tests run), as Node would for the app's own dependency.
  const elk = createRequire(resolve(process.cwd(), "package.json")).resolve("elkjs/lib/elk.bundled.js");
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { elk, graph } });
    worker.once("message", (message: { result?: ElkNode; error?: string }) => {
      void worker.terminate();
      if (message.result === undefined) reject(new Error(message.error ?? "no layout"));
      else resolve(message.result);
    });
    worker.once("error", reject);
  });
}
