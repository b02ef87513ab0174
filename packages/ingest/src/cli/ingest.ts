// `storyline ingest`: progress bar on a terminal, one JSON summary with --json.
import { SingleBar } from "cli-progress";
import { runIngest } from "../pipeline.ts";
import { IngestBusyError } from "../store/index.ts";
import { couldNotRun, openCliDatabase } from "./database.ts";
import { EXIT } from "./exit-codes.ts";

interface IngestFlags {
  include?: string[];
  exclude?: string[];
  dryRun?: boolean;
  json?: boolean;
  batchSize: number;
  wait?: number;
  maxFileSize: number;
  threads?: number;
}

export async function ingestCommand(inputs: string[], flags: IngestFlags): Promise<number> {
  let db: Awaited<ReturnType<typeof openCliDatabase>>;
  try {
    db = await openCliDatabase();
  } catch (error) {
    return couldNotRun(error);
  }
  const interactive = !flags.json && process.stderr.isTTY;
  const bar = interactive
    ? new SingleBar({
        format: "ingest {bar} {value} docs | {stored} new | {failed} failed | {origin}",
        stream: process.stderr,
        hideCursor: true,
      })
    : null;
  let done = 0;
  let stored = 0;
  let failed = 0;
  bar?.start(0, 0, { stored, failed, origin: "" });
  try {
    const summary = await runIngest({
      prisma: db.prisma,
      databaseUrl: db.url,
      inputs,
      command: ["storyline", "ingest", ...process.argv.slice(3)].join(" "),
      dryRun: flags.dryRun,
      batchSize: flags.batchSize,
      threads: flags.threads,
      waitMs: (flags.wait ?? 0) * 1000,
      read: { include: flags.include, exclude: flags.exclude, maxFileBytes: flags.maxFileSize * 1024 * 1024 },
      onProgress: (event) => {
        if (event.type === "error") {
          failed++;
          if (!flags.json) {
            bar?.stop();
            console.error(`storyline: ${event.error.input}: ${event.error.reason}`);
            bar?.start(done, done, { stored, failed, origin: "" });
          }
        } else if (event.type === "skipped") {
          // Counted here, listed once at the end: a folder of images would otherwise flood the terminal.
        } else {
          done++;
          if (event.status === "stored" || event.status === "near-duplicate") stored++;
          bar?.setTotal(done);
          bar?.update(done, { stored, failed, origin: event.origin.slice(-40) });
        }
      },
    });
    bar?.stop();
    if (flags.json) {
      console.log(JSON.stringify(summary));
    } else {
      const verb = summary.dryRun ? "extracted (dry run, nothing written)" : "stored";
      console.error(
        `storyline: run ${summary.runId}: ${summary.seen} documents read, ${summary.stored} ${verb}` +
          ` (${summary.nearDuplicates} near-duplicates), ${summary.unchanged} already stored, ${summary.failed} failed` +
          ` in ${summary.seconds.toFixed(1)} s`,
      );
      for (const repeat of summary.errors.filter((e) => / more inputs$/.test(e.input))) {
        console.error(`storyline: ${repeat.input}: ${repeat.reason}`);
      }
      if (summary.skipped > 0) {
        const examples = summary.skippedInputs.slice(0, 3).map((s) => `${s.input} (${s.reason})`);
        console.error(
          `storyline: skipped ${summary.skipped} ${summary.skipped === 1 ? "entry" : "entries"} of the named folders: ${examples.join("; ")}` +
            `${summary.skipped > examples.length ? "; ... (--json lists up to 100)" : ""}`,
        );
      }
      if (summary.interruptedRuns.length > 0) {
        console.error(
          `storyline: marked killed run(s) ${summary.interruptedRuns.join(", ")} INTERRUPTED; their events were consolidated by this run`,
        );
      }
    }
    return summary.failed > 0 ? EXIT.SOME_FAILED : EXIT.OK;
  } catch (error) {
    bar?.stop();
    if (flags.json) {
      console.log(JSON.stringify({ status: "FAILED", error: error instanceof Error ? error.message : String(error) }));
    }
    if (error instanceof IngestBusyError) return couldNotRun(error);
    return couldNotRun(error);
  } finally {
    await db.close();
  }
}
