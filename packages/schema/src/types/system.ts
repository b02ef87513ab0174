// Health and ingest history: what ran, when, and what failed.
import { getPrisma } from "@storyline/db";
import { builder } from "../builder.ts";
import { publicInput, publicReason } from "../redact.ts";

const IngestStatusEnum = builder.enumType("IngestStatus", {
  description: "How an ingest run ended.",
  values: {
    RUNNING: { description: "Still running, or killed before it could record its end." },
    SUCCEEDED: { description: "Every input was stored or already present." },
    PARTIAL: { description: "Some inputs failed; the rest were stored." },
    FAILED: { description: "The run could not proceed." },
    INTERRUPTED: { description: "Killed before it ended; marked so by the next run." },
  } as const,
});

builder.prismaObject("IngestError", {
  description: "One input that an ingest run could not store, with the reason.",
  fields: (t) => ({
    input: t.string({
      description: "The file, URL or record as the user named it; without the write token, a file's name without its folders.",
      select: { input: true },
      resolve: (row, _args, context) => (context.canWrite ? row.input : publicInput(row.input)),
    }),
    stage: t.exposeString("stage", { description: "read, decode, parse, extract or store." }),
    reason: t.string({
      description: "What was wrong, in one sentence (folders shown only with the write token).",
      select: { reason: true },
      resolve: (row, _args, context) => publicReason(row.reason, context.canWrite),
    }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the failure was recorded." }),
  }),
});

builder.prismaNode("IngestRun", {
  id: { field: "id" },
  description: "One run of `storyline ingest`, with its counts.",
  fields: (t) => ({
    startedAt: t.expose("startedAt", { type: "DateTime", description: "When the run began." }),
    finishedAt: t.expose("finishedAt", { type: "DateTime", nullable: true, description: "When it ended." }),
    status: t.expose("status", { type: IngestStatusEnum, description: "How the run ended." }),
    // Command lines and paths describe the machine that ran the ingest: only a writer reads them.
    command: t.string({
      nullable: true,
      description: "The command line that started it; null without the write token.",
      select: { command: true },
      resolve: (run, _args, context) => (context.canWrite ? run.command : null),
    }),
    inputs: t.stringList({
      nullable: true,
      description: "Paths and URLs given to the run; null without the write token.",
      select: { inputs: true },
      resolve: (run, _args, context) => (context.canWrite ? run.inputs : null),
    }),
    dryRun: t.exposeBoolean("dryRun", { description: "True when nothing was written." }),
    seen: t.exposeInt("seen", { description: "Documents read." }),
    stored: t.exposeInt("stored", { description: "New articles stored." }),
    unchanged: t.exposeInt("unchanged", { description: "Documents already stored by an earlier run." }),
    nearDuplicates: t.exposeInt("nearDuplicates", { description: "New articles linked to an original as copies." }),
    failed: t.exposeInt("failed", { description: "Inputs that could not be stored." }),
    // Its own paged query: Prisma pages a nested relation (t.relatedConnection) in memory.
    errors: t.prismaConnection({
      type: "IngestError",
      cursor: "id",
      maxSize: 100,
      defaultSize: 20,
      description: "Every failed input with its reason.",
      totalCount: (run) => getPrisma().ingestError.count({ where: { runId: run.id } }),
      resolve: (query, run) => getPrisma().ingestError.findMany({ ...query, where: { runId: run.id }, orderBy: { id: "asc" } }),
    }),
  }),
});

const Health = builder.objectRef<{ database: boolean; latencyMs: number }>("Health");
Health.implement({
  description: "Liveness of the API and its database.",
  fields: (t) => ({
    ok: t.boolean({ description: "True when everything answered.", resolve: (h) => h.database }),
    databaseLatencyMs: t.float({ description: "Round trip of `select 1`, in ms.", resolve: (h) => h.latencyMs }),
  }),
});

builder.queryType({
  description: "Storyline: news coverage of the stories you follow.",
  fields: (t) => ({
    health: t.field({
      type: Health,
      description: "Is the API up and can it reach its database?",
      resolve: async () => {
        const started = performance.now();
        await getPrisma().$queryRaw`select 1`;
        return { database: true, latencyMs: performance.now() - started };
      },
    }),
  }),
});

builder.queryField("ingestRuns", (t) =>
  t.prismaConnection({
    type: "IngestRun",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "Ingest runs, newest first. Page size is capped at 100.",
    totalCount: () => getPrisma().ingestRun.count(),
    resolve: (query) => getPrisma().ingestRun.findMany({ ...query, orderBy: { id: "desc" } }),
  }),
);
