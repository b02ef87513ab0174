// `storyline recluster`: rebuild events and stories from every stored article.
import { acquireIngestLock } from "../store/index.ts";
import { reclusterAll } from "../store/recluster.ts";
import { couldNotRun, openCliDatabase } from "./database.ts";
import { EXIT } from "./exit-codes.ts";

export async function reclusterCommand(flags: { json?: boolean }): Promise<number> {
  let db: Awaited<ReturnType<typeof openCliDatabase>>;
  try {
    db = await openCliDatabase();
  } catch (error) {
    return couldNotRun(error);
  }
  try {
    // Shares the ingest lock: reclustering while an ingest assigns events would interleave two writers.
    const lock = await acquireIngestLock(db.url, { waitMs: 0 });
    try {
      const summary = await reclusterAll(db.prisma);
      if (flags.json) console.log(JSON.stringify(summary));
      else {
        console.error(
          `storyline: reclustered ${summary.articles} articles into ${summary.events} events and ${summary.stories} stories ` +
            `(${summary.keptEventIds} event ids kept, ${summary.newEventIds} new) in ${summary.seconds.toFixed(1)} s`,
        );
      }
      return EXIT.OK;
    } finally {
      await lock.release();
    }
  } catch (error) {
    return couldNotRun(error);
  } finally {
    await db.close();
  }
}
