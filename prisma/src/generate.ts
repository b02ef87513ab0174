// `prisma generate`, offline: writes the Prisma client to generated/client/ and the Pothos types to
// generated/pothos-types.ts. Generation needs no database and no engine binary; pointing
// PRISMA_SCHEMA_ENGINE_BINARY at an existing file (the stand-in) is what stops the CLI from downloading one.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { generatedDir } from "./engine/paths.ts";
import { runPrismaCli } from "./prisma-cli.ts";

/** Files the rest of the monorepo imports; generation is only a success when they are all there. */
export const expectedGeneratedFiles = [join(generatedDir, "client", "client.ts"), join(generatedDir, "pothos-types.ts")];

export async function generate(): Promise<void> {
  const { exitCode } = await runPrismaCli(["generate"]);
  if (exitCode !== 0) throw new Error(`prisma generate failed (exit code ${exitCode}); its output is above.`);
  const missing = expectedGeneratedFiles.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`prisma generate succeeded but did not write: ${missing.join(", ")}`);
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  try {
    await generate();
  } catch (error) {
    // Also the root package's postinstall: one sentence and how to retry, not a stack trace.
    console.error(
      `storyline: could not generate the Prisma client: ${error instanceof Error ? error.message : error} ` +
        "Run `npm run generate` to try again.",
    );
    process.exitCode = 1;
  }
}
