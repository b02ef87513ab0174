// Runs a command with DATABASE_URL pointing at a live server: the configured one, or the embedded one,
// started here if nobody runs it yet and stopped again when the command ends.
import { spawn } from "node:child_process";
import { ConfigError } from "../prisma/src/env.ts";
import { openDatabaseServer, redactUrl } from "../prisma/src/server.ts";

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error("usage: with-database.ts COMMAND [ARGS...]");
  process.exit(2);
}

try {
  const server = await openDatabaseServer();
  console.log(`storyline: database ${server.embedded ? "embedded" : "external"} at ${redactUrl(server.url)}`);
  const child = spawn(command, args, {
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: server.url },
    shell: process.platform === "win32",
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on("SIGINT", forward);
  process.on("SIGTERM", forward);
  const code: number = await new Promise((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  await server.stop();
  process.exit(code);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`storyline: ${error.message}`);
    process.exit(3);
  }
  throw error;
}
