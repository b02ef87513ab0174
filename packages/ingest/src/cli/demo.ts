// `storyline demo`: write the generated demo corpus and ingest it.
import { resolve } from "node:path";
import { writeDemoCorpus } from "../demo/generate.ts";
import { loadDemo } from "../demo/load.ts";
import { couldNotRun, openCliDatabase } from "./database.ts";
import { EXIT } from "./exit-codes.ts";

export async function demoCommand(flags: { out: string; ingest: boolean }): Promise<number> {
  const dir = resolve(flags.out);
  if (!flags.ingest) {
    const { files } = writeDemoCorpus(dir);
    console.error(`storyline: wrote ${files.length} demo files to ${dir}`);
    return EXIT.OK;
  }
  let db: Awaited<ReturnType<typeof openCliDatabase>>;
  try {
    db = await openCliDatabase();
  } catch (error) {
    return couldNotRun(error);
  }
  try {
    const summary = await loadDemo({ prisma: db.prisma, databaseUrl: db.url, dir });
    console.error(
      `storyline: demo: ${summary.stored} articles stored, ${summary.unchanged} already there, ${summary.failed} failed`,
    );
    return summary.failed ? EXIT.SOME_FAILED : EXIT.OK;
  } catch (error) {
    return couldNotRun(error);
  } finally {
    await db.close();
  }
}
