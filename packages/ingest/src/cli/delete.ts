// `storyline delete`: removes the demo, one ingest run's articles, or one outlet's articles, with a dry run.
// Holds the ingest lock, so no ingest writes while the counts are redone.

import { type DeletePlan, type DeleteSelection, deleteArticles, planDelete } from "../store/delete.ts";
import { acquireIngestLock } from "../store/lock.ts";
import { couldNotRun, openCliDatabase } from "./database.ts";
import { EXIT } from "./exit-codes.ts";

interface DeleteFlags {
  demo?: boolean;
  run?: number;
  outlet?: string;
  dryRun?: boolean;
  json?: boolean;
  wait?: number;
}

const describePlan = (plan: DeletePlan) =>
  `${plan.articles} article${plan.articles === 1 ? "" : "s"} (${plan.quotes} quotes); ` +
  `${plan.emptiedEvents} event(s) and ${plan.emptiedStories} stor${plan.emptiedStories === 1 ? "y" : "ies"} left empty`;

export async function deleteCommand(flags: DeleteFlags): Promise<number> {
  const chosen = [flags.demo, flags.run !== undefined, flags.outlet !== undefined].filter(Boolean).length;
  if (chosen !== 1) {
    console.error("storyline delete: name exactly one of --demo, --run ID or --outlet NAME (see --help)");
    return EXIT.USAGE;
  }
  let db: Awaited<ReturnType<typeof openCliDatabase>>;
  try {
    db = await openCliDatabase();
  } catch (error) {
    return couldNotRun(error);
  }
  let lock: Awaited<ReturnType<typeof acquireIngestLock>> | null = null;
  try {
    let selection: DeleteSelection;
    let what: string;
    if (flags.demo) {
      selection = { demo: true };
      what = "the demo corpus";
    } else if (flags.run !== undefined) {
      const run = await db.prisma.ingestRun.findUnique({ where: { id: flags.run }, select: { id: true } });
      if (!run) {
        console.error(`storyline delete: there is no ingest run ${flags.run} (the dashboard's Ingest page lists them)`);
        return EXIT.USAGE;
      }
      selection = { runId: run.id };
      what = `ingest run ${run.id}`;
    } else {
      const name = flags.outlet!.trim();
      const outlets = await db.prisma.outlet.findMany({
        where: {
          OR: [{ name: { equals: name, mode: "insensitive" } }, { slug: name.toLowerCase() }, { domain: name.toLowerCase() }],
        },
        select: { id: true, name: true, domain: true },
      });
      if (outlets.length !== 1) {
        console.error(
          outlets.length === 0
            ? `storyline delete: no outlet is called "${name}" (give its name, slug or domain as the Outlets page shows it)`
            : `storyline delete: "${name}" names ${outlets.length} outlets (${outlets.map((o) => `${o.name} ${o.domain ?? ""}`.trim()).join("; ")}); give its domain`,
        );
        return EXIT.USAGE;
      }
      selection = { outletId: outlets[0]!.id };
      what = `the articles of ${outlets[0]!.name}`;
    }
    if (flags.dryRun) {
      const plan = await planDelete(db.prisma, selection);
      if (flags.json) console.log(JSON.stringify({ dryRun: true, ...plan }));
      else console.error(`storyline: deleting ${what} would remove ${describePlan(plan)}. Nothing was changed (dry run).`);
      return EXIT.OK;
    }
    lock = await acquireIngestLock(db.url, { waitMs: (flags.wait ?? 0) * 1000 });
    const plan = await deleteArticles(db.prisma, selection);
    if (flags.json) console.log(JSON.stringify({ dryRun: false, ...plan }));
    else console.error(`storyline: deleted ${what}: ${describePlan(plan)} were removed; rollups recounted.`);
    return EXIT.OK;
  } catch (error) {
    return couldNotRun(error);
  } finally {
    await lock?.release();
    await db.close();
  }
}
