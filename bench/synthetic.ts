// A synthetic archive for the coverage and API benchmarks, written with SQL (INSERT ... SELECT
// generate_series), because ingesting millions of articles through the pipeline would take hours.
//
// Every value is a hash of the row number, so a corpus is the same on every run and machine, and growing
// 1M to 10M adds rows 1M+1..10M with the same distributions instead of refilling:
//   - 50 outlets with skewed volume (the biggest ~17% of articles, the smallest ~1%);
//   - two years of days (2024-01-01..2025-12-31), seconds spread over the day;
//   - 20,000 events (30% of articles), sizes from a few to thousands, articles within two weeks of the
//     event's day; 70% of events belong to one of 3,000 stories;
//   - 10% near-duplicates pointing at a recent article;
//   - one quote for 20% of articles, 5,000 speakers with skewed volume (fewer quotes than real articles
//     carry, which the SPEAKER rollups and quote search only need in proportion);
//   - short bodies and titles: coverage never reads them.
// Secondary indexes and foreign keys are dropped while rows go in and rebuilt after, exactly as the
// migrations defined them (bulk index builds are many times faster than row-by-row maintenance).
import { rebuildRollups } from "@storyline/ingest/store";
import type pg from "pg";
import { type BenchDatabase, createBenchDatabase, withClient } from "./lib/db.ts";
import { formatCount, log } from "./lib/log.ts";
import { now } from "./lib/stats.ts";

export const OUTLETS = 50;
export const EVENTS = 20_000;
export const STORIES = 3_000;
export const SPEAKERS = 5_000;
export const FIRST_DAY = "2024-01-01";
export const DAYS = 731;
/** A word in ~3% of quotes (two of the sixty objects), for quote search. */
export const SEARCH_WORD = "harbour";

export interface SyntheticCorpus {
  db: BenchDatabase;
  articles: number;
  quotes: number;
  fillSeconds: number;
  /** The last rebuildRollups (a full recompute of CoverageDay). */
  rollupSeconds: number;
  sizeBytes: number;
}

const FIRST_NAMES = (
  "Maria Daniel Grace Tomas Elena Ahmed Sofia Kenji Amina Pavel Ingrid Marco Laura Samuel Nadia Lucas Claire " +
  "Omar Yuki Henrik Helena Rafael Fatima Victor Anna Jonas Lucia Ivan Sara Carlos Olga Peter Mei David Leila " +
  "Arjun Chloe Felix Zara Hugo Irene Kofi Lina Mateo Noor Oscar Priya Quentin Rosa Stefan"
).split(" ");
const SURNAMES = (
  "Lindqvist Okafor Marchetti Novak Haddad Sorensen Tanaka Alvarez Kowalczyk Brennan Petrov Mendes " +
  "Achterberg Varga Osei Castellano Dufresne Halvorsen Ibrahim Kaminski Moreau Nakamura Oyelaran Rasmussen " +
  "Szabo Valdez Whitfield Zielinski Baptiste Eriksen Abara Bianchi Costa Dimitrov Engel Fischer Garcia " +
  "Horvat Ito Jansen Kim Larsen Mensah Nilsson Ortiz Park Quinn Rossi Schmidt Tran Uddin Vogel Weber Xu " +
  "Yilmaz Zhou Adler Borg Chen Diaz Evans Ferreira Gallo Hansen Ivanova Jovanovic Keller Lopez Muller Nowak " +
  "Olsen Popescu Reyes Silva Toth Ueda Vasquez Wolf Young Zeman Amato Brandt Cruz Dahl Ekstrom Fontaine " +
  "Greco Holm Iqbal Jung Kovac Lang Moretti Nagy Ohlsson Pereira Ruiz Sato Torres Urban"
).split(" ");
// Quotes are four phrases; each array is short because element access in a text[] walks the array.
const Q_SUBJECT = [
  "We",
  "The government",
  "Our ministry",
  "Nobody in this room",
  "The commission",
  "Our partners",
  "The people of this region",
  "This office",
  "The opposition",
  "Every family here",
  "The negotiators",
  "Our teams",
  "The central bank",
  "The unions",
  "Local officials",
  "The investors",
  "Our allies",
  "The courts",
  "The voters",
  "Parliament",
];
const Q_VERB = [
  "will not accept",
  "have never supported",
  "are ready to discuss",
  "cannot ignore",
  "will fight for",
  "are deeply worried about",
  "will review",
  "have asked for",
  "want answers on",
  "are committed to",
  "will not negotiate on",
  "expect progress on",
  "have warned about",
  "will publish",
  "are studying",
  "rejected",
  "welcome",
  "will not be rushed on",
  "must protect",
  "are confident about",
];
const Q_OBJECT = [
  "the new budget",
  "the pension reform",
  "the fishing quotas",
  "the border agreement",
  "the rail strike",
  "the flood defences",
  "the energy prices",
  "the trade deal",
  "the election timetable",
  "the housing plan",
  "the tax rise",
  "the bank rescue",
  "the water supply",
  "the grain exports",
  "the ceasefire terms",
  "the hospital closures",
  "the road tolls",
  "the mining licences",
  "the school reforms",
  "the airport expansion",
  "the wage offer",
  "the drought relief",
  "the data rules",
  "the court ruling",
  "the harbour treaty",
  "the port dues",
  "the steel tariffs",
  "the refugee plan",
  "the debt talks",
  "the fuel subsidies",
  "the gas pipeline",
  "the wind farms",
  "the forest fires",
  "the teachers' pay",
  "the bus network",
  "the visa regime",
  "the fishing fleet",
  "the army budget",
  "the police reform",
  "the inflation figures",
  "the interest rates",
  "the farm aid",
  "the currency peg",
  "the power cuts",
  "the ferry routes",
  "the harbour dredging",
  "the coal phase-out",
  "the minimum wage",
  "the rent controls",
  "the export ban",
  "the vaccine rollout",
  "the river cleanup",
  "the metro line",
  "the customs checks",
  "the oil revenue",
  "the ports authority",
  "the bond sale",
  "the cyber attack",
  "the tax office",
  "the strike ballot",
];
const Q_TAIL = [
  "and we said so today",
  "whatever the polls say",
  "before the end of the month",
  "and that will not change",
  "as long as it takes",
  "and the figures prove it",
  "without any preconditions",
  "and we expect the same from them",
  "for the sake of the next generation",
  "and we will say more on Monday",
  "despite the pressure",
  "in the coming weeks",
  "and nobody should be surprised",
  "once the inquiry reports",
  "and the door remains open",
  "after a long night of talks",
  "if the talks resume",
  "because the law is clear",
  "and we have the votes",
  "at any price",
];

const sqlArray = (xs: readonly string[]) => `array[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

// A 16-bit slice of a 64-bit row hash as a uniform in [0, 1): four independent draws per hash call.
const u = (h: string, slice: 0 | 1 | 2 | 3) => `(((${h} >> ${slice * 16}) & 65535)::float8 / 65536)`;

async function reference(c: pg.Client) {
  await c.query(`
    insert into "Outlet" (id, name, slug, domain, kind, country, language, aliases)
    select k, 'Outlet ' || k, 'outlet-' || k, 'outlet-' || k || '.example', (array['WIRE_AGENCY','PUBLISHER','BROADCASTER','STATE_MEDIA'])[1 + k % 4]::"OutletKind", 'XX', 'en', '{}'
    from generate_series(1, ${OUTLETS}) k`);
  await c.query(`
    insert into "Entity" (id, kind, name, key, aliases)
    select k, 'PERSON', n, lower(n), '{}'
    from (select k, (${sqlArray(FIRST_NAMES)})[1 + k % ${FIRST_NAMES.length}] || ' ' || (${sqlArray(SURNAMES)})[1 + (k / ${FIRST_NAMES.length}) % ${SURNAMES.length}] as n
          from generate_series(1, ${SPEAKERS}) k) s`);
  await c.query(`
    insert into "Story" (id, title, "firstDate", "lastDate", "updatedAt")
    select k, 'Story ' || k, null, null, now() from generate_series(1, ${STORIES}) k`);
  // 70% of events belong to a story, bigger stories first (skewed like the articles).
  await c.query(`
    insert into "Event" (id, title, date, "storyId", "updatedAt")
    select e, 'Event ' || e, date '${FIRST_DAY}' + ((hashint4extended(e, 42) & 2147483647) % ${DAYS - 13})::int,
           case when ${u("hashint4extended(e, 43)", 0)} < 0.7 then 1 + floor(${STORIES} * power(${u("hashint4extended(e, 43)", 1)}, 1.3))::int end,
           now()
    from generate_series(1, ${EVENTS}) e`);
  for (const table of ["Outlet", "Entity", "Story", "Event"]) {
    await c.query(`select setval(pg_get_serial_sequence('"${table}"', 'id'), (select max(id) from "${table}"))`);
  }
}

/** Articles lo..hi and their quotes, in one statement so each quote copies its article's date. */
function articleChunkSql(lo: number, hi: number): string {
  // OFFSET 0 keeps each hash a column computed once per row, instead of being inlined into every use.
  return `
    with src as materialized (
      select i, sim, outlet, ev, dup, q, speaker,
             timestamp '${FIRST_DAY}' + make_interval(days => case when ev is null then floor(${DAYS} * ud)::int
                 else least(${DAYS - 1}, ((hashint4extended(ev, 42) & 2147483647) % ${DAYS - 13})::int + floor(14 * power(ud, 3))::int) end,
               secs => floor(86400 * us)::int) as published
      from (
        select i, h2 as sim,
               1 + floor(${OUTLETS} * power(${u("h1", 0)}, 2.2))::int as outlet,
               case when ${u("h1", 1)} < 0.3 then 1 + floor(${EVENTS} * power(${u("h1", 2)}, 1.5))::int end as ev,
               case when i > 100 and ${u("h1", 3)} < 0.1 then i - 1 - (h2 & 63)::int end as dup,
               ${u("h3", 0)} as ud, ${u("h3", 1)} as us,
               case when ${u("h3", 2)} < 0.2 then h3 end as q,
               1 + floor(${SPEAKERS} * power(${u("h3", 3)}, 2))::int as speaker
        from (select i, hashint4extended(i, 1) as h1, hashint4extended(i, 2) as h2, hashint4extended(i, 3) as h3
              from generate_series(${lo}, ${hi}) i offset 0) h
      ) r
    ),
    a as (
      insert into "Article" (id, "outletId", "outletSource", title, authors, body, language, "wordCount", "publishedAt",
        "publishedAtPrecision", "publishedAtSource", "publishedAtConfidence", "contentHash", simhash, "simhashBands",
        "duplicateOfId", "duplicateSimilarity", "inputKind", "eventId", "eventSimilarity")
      select i, outlet, 'INPUT', 'Synthetic report ' || i, '{}', 'Synthetic article ' || i || ' of outlet ' || outlet || '.', 'en', 6,
        published, 'MINUTE', 'METADATA', 0.9, md5(i::text) || md5((-i)::text), sim,
        array[(sim & 65535)::int, ((sim >> 16) & 65535)::int | 65536, ((sim >> 32) & 65535)::int | 131072, ((sim >> 48) & 65535)::int | 196608],
        dup, case when dup is not null then 0.97 end, 'TEXT', ev, case when ev is not null then 0.6 end
      from src
    )
    insert into "Quote" ("articleId", text, start, "end", kind, "speakerId", attribution, confidence, "publishedAt")
    select i, t, 0, length(t), 'FULL', speaker, 'CUE_AFTER', 0.9, published
    from (
      select i, speaker, published,
        (${sqlArray(Q_SUBJECT)})[1 + ((q >> 8) & 1023) % ${Q_SUBJECT.length}] || ' ' ||
        (${sqlArray(Q_VERB)})[1 + ((q >> 20) & 1023) % ${Q_VERB.length}] || ' ' ||
        (${sqlArray(Q_OBJECT)})[1 + ((q >> 40) & 1023) % ${Q_OBJECT.length}] || ', ' ||
        (${sqlArray(Q_TAIL)})[1 + ((q >> 52) & 1023) % ${Q_TAIL.length}] as t
      from src where q is not null
    ) s`;
}

interface Detached {
  indexes: string[];
  foreignKeys: { table: string; name: string; definition: string }[];
}

/** Drops secondary indexes and foreign keys of the bulk tables, returning their exact definitions. */
async function detach(c: pg.Client, tables: string[]): Promise<Detached> {
  const { rows: indexes } = await c.query<{ name: string; def: string }>(
    `select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
     from pg_index i where i.indrelid = any($1::regclass[]) and not i.indisprimary`,
    [tables.map((t) => `"${t}"`)],
  );
  const { rows: fks } = await c.query<{ table: string; name: string; def: string }>(
    `select conrelid::regclass::text as table, conname as name, pg_get_constraintdef(oid) as def
     from pg_constraint where contype = 'f' and (conrelid = any($1::regclass[]) or confrelid = any($1::regclass[]))`,
    [tables.map((t) => `"${t}"`)],
  );
  for (const fk of fks) await c.query(`alter table ${fk.table} drop constraint "${fk.name}"`);
  for (const index of indexes) await c.query(`drop index ${index.name}`);
  for (const t of tables) await c.query(`alter table "${t}" set (autovacuum_enabled = false)`);
  return {
    indexes: indexes.map((i) => i.def),
    foreignKeys: fks.map((f) => ({ table: f.table, name: f.name, definition: f.def })),
  };
}

async function reattach(c: pg.Client, tables: string[], detached: Detached, label: string) {
  await c.query("set maintenance_work_mem = '1GB'");
  for (const [i, def] of detached.indexes.entries()) {
    const t = now();
    await c.query(def);
    log(
      `${label}: index ${i + 1}/${detached.indexes.length} ${/INDEX (\S+)/.exec(def)?.[1] ?? ""} (${((now() - t) / 1000).toFixed(1)} s)`,
    );
  }
  for (const fk of detached.foreignKeys) await c.query(`alter table ${fk.table} add constraint "${fk.name}" ${fk.definition}`);
  for (const t of tables) await c.query(`alter table "${t}" reset (autovacuum_enabled)`);
}

async function sizeOf(c: pg.Client) {
  return Number((await c.query<{ s: string }>("select pg_database_size(current_database()) as s")).rows[0]?.s ?? 0);
}

const CHUNK = 500_000;

async function addArticles(corpus: SyntheticCorpus, target: number, label: string) {
  const started = now();
  await withClient(corpus.db.url, async (c) => {
    await c.query("set synchronous_commit = off");
    await c.query("set work_mem = '256MB'");
    const bulk = ["Article", "Quote"];
    const detached = await detach(c, bulk);
    for (let lo = corpus.articles + 1; lo <= target; lo += CHUNK) {
      const hi = Math.min(target, lo + CHUNK - 1);
      await c.query(articleChunkSql(lo, hi));
      log(`${label}: articles ${formatCount(hi)}/${formatCount(target)}`);
    }
    await c.query(`select setval(pg_get_serial_sequence('"Article"', 'id'), ${target})`);
    await reattach(c, bulk, detached, label);
    log(`${label}: rebuilding coverage rollups (rebuildRollups)`);
  });
  const rollupStart = now();
  await rebuildRollups(corpus.db.prisma);
  corpus.rollupSeconds = (now() - rollupStart) / 1000;
  await withClient(corpus.db.url, async (c) => {
    log(`${label}: rollups rebuilt in ${corpus.rollupSeconds.toFixed(1)} s; vacuum analyze`);
    // What autovacuum would have done by the time anyone charts an archive this size: statistics and the
    // visibility map (index-only scans), for the rollups and the raw baseline alike.
    await c.query('vacuum (analyze) "Article", "Quote", "CoverageDay", "Event", "Outlet", "Entity"');
    corpus.articles = target;
    corpus.quotes = Number((await c.query<{ n: string }>('select count(*) as n from "Quote"')).rows[0]?.n ?? 0);
    corpus.sizeBytes = await sizeOf(c);
  });
  corpus.fillSeconds += (now() - started) / 1000;
}

export async function createSyntheticCorpus(articles: number): Promise<SyntheticCorpus> {
  const label = `corpus ${formatCount(articles)}`;
  const db = await createBenchDatabase(`corpus_${formatCount(articles)}`);
  log(`${label}: database ${db.name}`);
  const corpus: SyntheticCorpus = { db, articles: 0, quotes: 0, fillSeconds: 0, rollupSeconds: 0, sizeBytes: 0 };
  try {
    await withClient(db.url, reference);
    await addArticles(corpus, articles, label);
  } catch (error) {
    await db.drop();
    throw error;
  }
  log(
    `${label}: ready, ${formatCount(corpus.articles)} articles, ${corpus.quotes.toLocaleString("en-US")} quotes, ${(corpus.sizeBytes / 2 ** 30).toFixed(2)} GB, ${corpus.fillSeconds.toFixed(0)} s`,
  );
  return corpus;
}

/** Grows the corpus in place to `articles` rows (same distributions), then rebuilds indexes and rollups. */
export async function growSyntheticCorpus(corpus: SyntheticCorpus, articles: number): Promise<void> {
  const label = `corpus ${formatCount(articles)}`;
  await addArticles(corpus, articles, label);
  log(
    `${label}: ready, ${formatCount(corpus.articles)} articles, ${corpus.quotes.toLocaleString("en-US")} quotes, ${(corpus.sizeBytes / 2 ** 30).toFixed(2)} GB, ${corpus.fillSeconds.toFixed(0)} s in all`,
  );
}
