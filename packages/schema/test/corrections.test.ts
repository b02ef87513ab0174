// The correction mutations on the seeds (issue 14): for each, the effect, the audit row, the undo, refusal
// without the write token (nothing changes), and counts equal to a recount after each step.
import { findCountMismatches } from "@storyline/ingest/consistency";
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("corrections", { seeds: true });
});
afterAll(() => h?.close());

async function execute(source: string, variables: Record<string, unknown>, canWrite: boolean) {
  const { schema } = await import("../src/index.ts");
  return graphql({ schema, source, variableValues: variables, contextValue: { canWrite } });
}

/** Runs a mutation with the write token and returns its result field (a success's data, or the typed error). */
async function write(field: string, args: string, variables: Record<string, unknown>, select: string) {
  const source = `mutation M(${args}) { result: ${field} {
    __typename
    ... on Error { message }
    ... on Mutation${field[0]!.toUpperCase()}${field.slice(1, field.indexOf("("))}Success { data { ${select} } }
  } }`;
  const result = await execute(source, variables, true);
  if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join("; "));
  return (result.data as { result: { __typename: string; message?: string; data?: any } }).result;
}

const consistent = async () => expect(await findCountMismatches(h.prisma)).toEqual([]);
const latest = () => h.prisma.correction.findFirstOrThrow({ orderBy: { id: "desc" } });

async function undoLatest(note = "undo") {
  const correction = await h.prisma.correction.findFirstOrThrow({
    where: { kind: { not: "UNDO" }, undoneAt: null },
    orderBy: { id: "desc" },
  });
  const result = await execute(
    `mutation U($id: ID!, $note: String) { undoCorrection(id: $id, note: $note) {
      __typename ... on Error { message } ... on MutationUndoCorrectionSuccess { data { undoneAt undoneBy { kind note } } } } }`,
    { id: String(correction.id), note },
    true,
  );
  expect(result.errors).toBeUndefined();
  const undone = (result.data as any).undoCorrection;
  expect(undone.__typename).toBe("MutationUndoCorrectionSuccess");
  expect(undone.data.undoneBy).toEqual({ kind: "UNDO", note });
  await consistent();
  return correction;
}

const seedArticle = async (n: string) =>
  (await h.prisma.article.findMany({ select: { id: true, eventId: true, externalId: true } })).find((a) =>
    a.externalId?.includes(`/${n}_`),
  )!;

describe("corrections through the API", () => {
  it("refuse every mutation without the write token, changing nothing", async () => {
    const [a, b] = await h.prisma.entity.findMany({ where: { kind: "PERSON" }, take: 2, orderBy: { id: "asc" } });
    const before = await h.prisma.entity.count();
    const result = await execute(`mutation { mergeEntities(into: "${a!.id}", from: ["${b!.id}"]) { __typename } }`, {}, false);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(result.data).toBeNull();
    expect(await h.prisma.entity.count()).toBe(before);
    expect(await h.prisma.correction.count()).toBe(0);
    for (const mutation of [
      `updateEntity(id: "${a!.id}", name: "X")`,
      `setQuoteSpeaker(quote: "1", speaker: null)`,
      `rejectQuote(quote: "1")`,
      `moveArticle(article: "1", toEvent: null)`,
      `mergeEvents(into: "1", from: ["2"])`,
      `updateEvent(id: "1", title: "X")`,
      `updateStory(id: "1", title: "X")`,
      `hideArticle(article: "1", hidden: true)`,
      `undoCorrection(id: "1")`,
    ]) {
      const refused = await execute(`mutation { ${mutation} { __typename } }`, {}, false);
      expect(refused.errors?.[0]?.extensions?.code, mutation).toBe("UNAUTHENTICATED");
    }
    expect(await h.prisma.correction.count()).toBe(0);
  });

  it("mergeEntities: mentions, quotes and names move to the survivor; undo brings the other back", async () => {
    const people = await h.prisma.entity.findMany({
      where: { kind: "PERSON" },
      include: { _count: { select: { mentions: true, quotes: true } } },
      orderBy: { id: "asc" },
    });
    const into = people.reduce((best, p) => (p._count.mentions > best._count.mentions ? p : best));
    const from = people.find((p) => p.id !== into.id && p._count.quotes > 0) ?? people.find((p) => p.id !== into.id)!;
    const mentionsBefore = await h.prisma.mention.count({ where: { entityId: { in: [into.id, from.id] } } });
    const quotesBefore = await h.prisma.quote.count({ where: { speakerId: { in: [into.id, from.id] } } });
    const result = await write(
      "mergeEntities(into: $into, from: $from, note: $note)",
      "$into: ID!, $from: [ID!]!, $note: String",
      { into: String(into.id), from: [String(from.id)], note: "one person" },
      "name aliases mentionCount",
    );
    expect(result.__typename).toBe("MutationMergeEntitiesSuccess");
    expect(result.data.aliases).toContain(from.name);
    expect(await h.prisma.entity.findUnique({ where: { id: from.id } })).toBeNull();
    expect(await h.prisma.quote.count({ where: { speakerId: into.id } })).toBe(quotesBefore);
    expect(await h.prisma.mention.count({ where: { entityId: into.id } })).toBeLessThanOrEqual(mentionsBefore);
    const audit = await latest();
    expect(audit).toMatchObject({ kind: "MERGE_ENTITIES", targetIds: [into.id, from.id], note: "one person", undoneAt: null });
    expect(audit.oldValue).toMatchObject({ from: [{ id: from.id, name: from.name }] });
    await consistent();

    await undoLatest();
    expect(await h.prisma.entity.findUnique({ where: { id: from.id } })).toMatchObject({ name: from.name, key: from.key });
    expect(await h.prisma.mention.count({ where: { entityId: { in: [into.id, from.id] } } })).toBe(mentionsBefore);
    expect(await h.prisma.quote.count({ where: { speakerId: from.id } })).toBe(from._count.quotes);
    expect((await h.prisma.entity.findUniqueOrThrow({ where: { id: into.id } })).aliases).toEqual(into.aliases);
  });

  it("mergeEntities refuses typed errors: unknown id, into itself", async () => {
    const [a] = await h.prisma.entity.findMany({ take: 1 });
    const missing = await write(
      "mergeEntities(into: $into, from: $from)",
      "$into: ID!, $from: [ID!]!",
      { into: String(a!.id), from: ["999999"] },
      "id",
    );
    expect(missing.__typename).toBe("NotFoundError");
    const itself = await write(
      "mergeEntities(into: $into, from: $from)",
      "$into: ID!, $from: [ID!]!",
      { into: String(a!.id), from: [String(a!.id)] },
      "id",
    );
    expect(itself.__typename).toBe("InvalidCorrectionError");
  });

  it("updateEntity: renames and fixes the kind; a taken name is a conflict; undo", async () => {
    const [a, b] = await h.prisma.entity.findMany({ where: { kind: "PERSON" }, take: 2, orderBy: { id: "asc" } });
    const renamed = await write(
      "updateEntity(id: $id, name: $name, kind: $kind)",
      "$id: ID!, $name: String, $kind: EntityKind",
      { id: String(a!.id), name: "Someone Else", kind: "ORGANIZATION" },
      "name kind aliases",
    );
    expect(renamed.data).toMatchObject({ name: "Someone Else", kind: "ORGANIZATION" });
    expect(renamed.data.aliases).toContain(a!.name);
    await consistent();
    await undoLatest();
    expect(await h.prisma.entity.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({ name: a!.name, kind: "PERSON" });
    const clash = await write(
      "updateEntity(id: $id, name: $name)",
      "$id: ID!, $name: String",
      { id: String(a!.id), name: b!.name },
      "name",
    );
    expect(clash.__typename).toBe("ConflictError");
  });

  it("setQuoteSpeaker: sets and clears the speaker, SPEAKER rollups follow; undo", async () => {
    const quote = await h.prisma.quote.findFirstOrThrow({ where: { speakerId: { not: null } }, orderBy: { id: "asc" } });
    const other = await h.prisma.entity.findFirstOrThrow({ where: { kind: "PERSON", id: { not: quote.speakerId! } } });
    const set = await write(
      "setQuoteSpeaker(quote: $quote, speaker: $speaker)",
      "$quote: ID!, $speaker: ID",
      { quote: String(quote.id), speaker: String(other.id) },
      "speaker { name }",
    );
    expect(set.data.speaker.name).toBe(other.name);
    await consistent();
    const cleared = await write(
      "setQuoteSpeaker(quote: $quote, speaker: $speaker)",
      "$quote: ID!, $speaker: ID",
      { quote: String(quote.id), speaker: null },
      "speaker { name }",
    );
    expect(cleared.data.speaker).toBeNull();
    expect(await latest()).toMatchObject({
      kind: "SET_QUOTE_SPEAKER",
      oldValue: { speaker: other.id },
      newValue: { speaker: null },
    });
    await consistent();
    await undoLatest();
    expect((await h.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).speakerId).toBe(other.id);
    await undoLatest();
    expect((await h.prisma.quote.findUniqueOrThrow({ where: { id: quote.id } })).speakerId).toBe(quote.speakerId);
  });

  it("rejectQuote: the quote leaves every list and count; undo brings it back", async () => {
    const quote = await h.prisma.quote.findFirstOrThrow({ where: { speakerId: { not: null } }, orderBy: { id: "desc" } });
    const total = await h.prisma.quote.count();
    const result = await write("rejectQuote(quote: $quote)", "$quote: ID!", { quote: String(quote.id) }, "id");
    expect(result.__typename).toBe("MutationRejectQuoteSuccess");
    expect(await h.prisma.quote.count()).toBe(total - 1);
    expect(await h.prisma.quote.findUnique({ where: { id: quote.id } })).toBeNull();
    await consistent();
    await undoLatest();
    expect(await h.prisma.quote.findUnique({ where: { id: quote.id } })).toMatchObject({
      text: quote.text,
      speakerId: quote.speakerId,
    });
  });

  it("moveArticle: to an event of its own and into another event; undo", async () => {
    const s000 = await seedArticle("000");
    const s001 = await seedArticle("001");
    const own = await write(
      "moveArticle(article: $article, toEvent: $toEvent, note: $note)",
      "$article: ID!, $toEvent: ID, $note: String",
      { article: String(s000.id), toEvent: null, note: "January, not September" },
      "event { id articleCount }",
    );
    expect(own.data.event.articleCount).toBe(1);
    expect((await seedArticle("000")).eventId).not.toBe(s000.eventId);
    await consistent();
    const into = await write(
      "moveArticle(article: $article, toEvent: $toEvent)",
      "$article: ID!, $toEvent: ID",
      { article: String(s000.id), toEvent: String(s001.eventId) },
      "id",
    );
    expect(into.__typename).toBe("MutationMoveArticleSuccess");
    expect((await seedArticle("000")).eventId).toBe(s001.eventId);
    await consistent();
    await undoLatest();
    await undoLatest();
    expect((await seedArticle("000")).eventId).toBe(s000.eventId);
  });

  it("mergeEvents, updateEvent and updateStory; undo each", async () => {
    const s001 = await seedArticle("001");
    const s004 = await seedArticle("004");
    const events = await h.prisma.event.count();
    const merged = await write(
      "mergeEvents(into: $into, from: $from)",
      "$into: ID!, $from: [ID!]!",
      { into: String(s001.eventId), from: [String(s004.eventId)] },
      "articleCount",
    );
    expect(merged.__typename).toBe("MutationMergeEventsSuccess");
    expect(await h.prisma.event.count()).toBe(events - 1);
    expect((await seedArticle("004")).eventId).toBe(s001.eventId);
    await consistent();
    await undoLatest();
    expect(await h.prisma.event.count()).toBe(events);
    expect((await seedArticle("004")).eventId).toBe(s004.eventId);

    const event = await h.prisma.event.findUniqueOrThrow({ where: { id: s001.eventId! }, include: { place: true } });
    const updated = await write(
      "updateEvent(id: $id, title: $title, place: $place)",
      "$id: ID!, $title: String, $place: String",
      { id: String(event.id), title: "G20 summit talks", place: "Osaka" },
      "title place { name }",
    );
    expect(updated.data).toEqual({ title: "G20 summit talks", place: { name: "Osaka" } });
    await undoLatest();
    expect(await h.prisma.event.findUniqueOrThrow({ where: { id: event.id } })).toMatchObject({
      title: event.title,
      placeId: event.placeId,
    });
    expect(await h.prisma.entity.findFirst({ where: { kind: "PLACE", name: "Osaka" } })).toBeNull();

    const story = await h.prisma.story.findFirstOrThrow();
    const titled = await write(
      "updateStory(id: $id, title: $title)",
      "$id: ID!, $title: String",
      { id: String(story.id), title: "Kuril talks" },
      "title",
    );
    expect(titled.data.title).toBe("Kuril talks");
    const empty = await write(
      "updateStory(id: $id, title: $title)",
      "$id: ID!, $title: String",
      { id: String(story.id), title: " " },
      "title",
    );
    expect(empty.__typename).toBe("InvalidCorrectionError");
    await undoLatest();
    expect((await h.prisma.story.findUniqueOrThrow({ where: { id: story.id } })).title).toBe(story.title);
  });

  it("hideArticle: out of lists and counts, still readable by id; undo", async () => {
    const s004 = await seedArticle("004");
    const listed = async () => {
      const { data } = await h.run(
        `{ articles(first: 100) { totalCount } event(id: "${s004.eventId}") { ... on QueryEventSuccess { data { articles { totalCount } } } } }`,
      );
      return data.articles.totalCount + data.event.data.articles.totalCount;
    };
    const quotes = async () => (await h.run("{ quotes(first: 1) { totalCount } }")).data.quotes.totalCount;
    const quotesBefore = await quotes();
    const ownQuotes = await h.prisma.quote.count({ where: { articleId: s004.id } });
    expect(ownQuotes).toBeGreaterThan(0);
    const before = await listed();
    const hidden = await write(
      "hideArticle(article: $article, hidden: $hidden)",
      "$article: ID!, $hidden: Boolean!",
      { article: String(s004.id), hidden: true },
      "hidden",
    );
    expect(hidden.data.hidden).toBe(true);
    expect(await listed()).toBe(before - 2);
    expect(await quotes()).toBe(quotesBefore - ownQuotes);
    const byId = await h.run(`{ article(id: "${s004.id}") { ... on QueryArticleSuccess { data { hidden } } } }`);
    expect(byId.data.article.data.hidden).toBe(true);
    const [rollup] = await h.prisma.$queryRaw<
      { n: number }[]
    >`select coalesce(sum(total), 0)::int as n from "CoverageDay" where dimension = 'ALL'`;
    expect(rollup!.n).toBe(await h.prisma.article.count({ where: { hidden: false, publishedAt: { not: null } } }));
    await consistent();
    await undoLatest();
    expect(await listed()).toBe(before);
    expect(await quotes()).toBe(quotesBefore);
  });

  it("corrections lists the audit trail newest first; an undone correction cannot be undone twice", async () => {
    const { data } = await h.run("{ corrections(first: 3) { totalCount edges { node { kind undoneAt undoes { kind } } } } }");
    expect(data.corrections.totalCount).toBe(await h.prisma.correction.count());
    expect(data.corrections.edges[0].node.kind).toBe("UNDO");
    expect(data.corrections.edges[0].node.undoes.kind).toBe("HIDE_ARTICLE");
    expect(data.corrections.edges[1].node).toMatchObject({ kind: "HIDE_ARTICLE", undoes: null });
    const hide = await h.prisma.correction.findFirstOrThrow({ where: { kind: "HIDE_ARTICLE" } });
    const again = await execute(`mutation { undoCorrection(id: "${hide.id}") { __typename } }`, {}, true);
    expect((again.data as any).undoCorrection.__typename).toBe("ConflictError");
  });

  it("concurrent corrections of the same object both hold", async () => {
    const people = await h.prisma.entity.findMany({ where: { kind: "PERSON" }, orderBy: { id: "asc" }, take: 3 });
    const [into, a, b] = people;
    const merge = (from: number) =>
      write(
        "mergeEntities(into: $into, from: $from)",
        "$into: ID!, $from: [ID!]!",
        { into: String(into!.id), from: [String(from)] },
        "aliases",
      );
    const results = await Promise.all([merge(a!.id), merge(b!.id)]);
    expect(results.map((r) => r.message ?? r.__typename)).toEqual([
      "MutationMergeEntitiesSuccess",
      "MutationMergeEntitiesSuccess",
    ]);
    const survivor = await h.prisma.entity.findUniqueOrThrow({ where: { id: into!.id } });
    expect(survivor.aliases).toEqual(expect.arrayContaining([a!.name, b!.name]));
    expect(await h.prisma.entity.count({ where: { id: { in: [a!.id, b!.id] } } })).toBe(0);
    await consistent();
    await undoLatest();
    await undoLatest();
    expect(await h.prisma.entity.count({ where: { id: { in: [a!.id, b!.id] } } })).toBe(2);
    expect((await h.prisma.entity.findUniqueOrThrow({ where: { id: into!.id } })).aliases).toEqual(into!.aliases);
  });
});
