// Prisma 7 configuration. The CLI is run through src/prisma-cli.ts (or src/generate.ts), which points
// PRISMA_SCHEMA_ENGINE_BINARY at the offline stand-in for Prisma's native engine.
import { defineConfig } from "prisma/config";

// Read DATABASE_URL directly rather than with `env()`, which throws when it is unset: `prisma generate`
// needs no database and must work without one. Commands that do need it report the missing url themselves.
const databaseUrl = process.env.DATABASE_URL;

export default defineConfig({
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  ...(databaseUrl ? { datasource: { url: databaseUrl } } : {}),
});
