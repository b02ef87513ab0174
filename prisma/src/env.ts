// The one place that reads process.env. Everything else imports `env` from here.
import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);

const EnvSchema = z.object({
  // Checked when a database is opened (checkDatabaseUrl), not here: commands that need no database, such as
  // `storyline extract`, must run whatever it says.
  DATABASE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined)),
  STORYLINE_DATA_DIR: z.string().default(resolve(repoRoot, ".storyline")),
  STORYLINE_PG_PORT: port(54329),
  STORYLINE_API_PORT: port(4000),
  /** The interface the API listens on; loopback unless the operator opens it to a network on purpose. */
  STORYLINE_API_HOST: z.string().trim().min(1).default("127.0.0.1"),
  /** `npm start` loads the fictional demo into an empty database unless this is 0 (or `npm start -- --no-demo`). */
  STORYLINE_DEMO: z
    .enum(["0", "1", "false", "true", "no", "yes", "off", "on"], { message: "must be 0 or 1" })
    .default("1")
    .transform((v) => ["1", "true", "yes", "on"].includes(v)),
  STORYLINE_WEB_PORT: port(3000),
  STORYLINE_API_URL: z.string().url().optional(),
  STORYLINE_WRITE_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
  STORYLINE_CORS_ORIGINS: z.string().optional(),
  /** How long identical API reads are answered from memory; ingest runs out of process, so this bounds staleness. 0 disables. */
  STORYLINE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(5000),
  STORYLINE_USER_AGENT: z.string().default("StorylineBot/0.1 (+self-hosted news-coverage tracker)"),
});

export type Env = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

function loadDotEnv() {
  // A local .env is a convenience for developers; real environment variables win.
  const file = resolve(repoRoot, ".env");
  if (existsSync(file) && typeof process.loadEnvFile === "function") {
    const before = { ...process.env };
    process.loadEnvFile(file);
    Object.assign(process.env, before);
  }
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ");
    throw new ConfigError(`Invalid configuration: ${problems}. See .env.example for the settings Storyline reads.`);
  }
  return parsed.data;
}

function readEnvOrExit(): Env {
  try {
    return readEnv();
  } catch (error) {
    // Every process reads configuration first: a bad value ends it with one sentence, not a stack trace.
    console.error(`storyline: ${(error as Error).message}`);
    process.exit(3);
  }
}

loadDotEnv();
export const env: Env = readEnvOrExit();

/** Throws a ConfigError when DATABASE_URL is set but is not a PostgreSQL URL. */
export function checkDatabaseUrl(url: string | undefined): void {
  if (url !== undefined && !/^postgres(ql)?:\/\/[^\s]+$/.test(url)) {
    throw new ConfigError(
      "Invalid configuration: DATABASE_URL must look like postgresql://user:password@host:5432/database. See .env.example for the settings Storyline reads.",
    );
  }
}

export const apiUrl = () => env.STORYLINE_API_URL ?? `http://localhost:${env.STORYLINE_API_PORT}/graphql`;
