/**
 * `npm start`: the author's preview (plugins/preview).
 *
 *   node scripts/run.mjs --serve [--port 8080] [--config eleventy.config.ts]
 *
 * The process started by npm watches the code and runs the server in a
 * child process (`--child`), started anew when the code changes.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { runPreview } from "../plugins/preview/index.ts";
import { startServer, supervise } from "../plugins/preview/supervisor.ts";
import { UsageError } from "./cli.ts";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

try {
  const { values } = parseArgs({
    options: {
      serve: { type: "boolean" },
      child: { type: "boolean" },
      port: { type: "string", default: "8080" },
      config: { type: "string", default: "eleventy.config.ts" },
      quiet: { type: "boolean" },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new UsageError(`--port: found "${values.port}", expected a port number`);
  if (values.child) {
    await runPreview({ configPath: values.config, port });
  } else {
    const args = ["--serve", `--port=${port}`, `--config=${values.config}`];
    await supervise({
      roots: [...new Set([path.resolve(ROOT), path.dirname(path.resolve(values.config))])],
      start: () => startServer(path.join(ROOT, "scripts/run.mjs"), args),
      say: (message) => console.log(`[billet] ${message}`),
    });
  }
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(error.message);
  process.exitCode = 2;
}
