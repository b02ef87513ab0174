#!/usr/bin/env node
// The executable the Prisma CLI runs in place of its native schema-engine binary: point
// PRISMA_SCHEMA_ENGINE_BINARY at this file. It only loads the TypeScript implementation through tsx, in this
// same process (a `node --import tsx` shebang needs `env -S`, which tsx cannot parse).
"use strict";

import("tsx/esm/api")
  .then(({ tsImport }) => tsImport("./schema-engine-stdio.ts", __filename))
  .catch((error) => {
    const message = String(error?.stack ?? error);
    process.stderr.write(`${JSON.stringify({ level: "ERROR", fields: { message }, target: "schema_engine" })}\n`);
    process.exit(1);
  });
