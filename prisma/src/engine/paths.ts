// Where the database package keeps its Prisma files, resolved from this file so that commands work from any
// working directory.

import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const resolveFromHere = createRequire(import.meta.url).resolve;

/** The `prisma/` workspace (package @storyline/db): home of prisma.config.ts. */
export const dbPackageDir = fileURLToPath(new URL("../../", import.meta.url));
export const schemaPath = fileURLToPath(new URL("../../schema.prisma", import.meta.url));
export const migrationsDir = fileURLToPath(new URL("../../migrations/", import.meta.url));
export const generatedDir = fileURLToPath(new URL("../../generated/", import.meta.url));

/** The executable that stands in for Prisma's native schema-engine binary. */
export const schemaEngineStandIn = fileURLToPath(new URL("./schema-engine-stand-in.cjs", import.meta.url));

/** The real Prisma CLI's entry point. */
export const prismaCliEntry = resolveFromHere("prisma/build/index.js");
