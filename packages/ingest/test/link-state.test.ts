import { describe, expect, it } from "vitest";
import { EventIndex, type EventIndexState } from "../src/link/event-index.ts";
import { recluster } from "../src/link/recluster.ts";
import { BACKGROUND, BRIDGE_COLLAPSE_A, BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, CHESS_FINAL } from "./link-fixtures.ts";

const DOCS = [...BACKGROUND, BRIDGE_COLLAPSE_A, CHESS_FINAL, BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER];

describe("serialisation", () => {
  it("round-trips through JSON and goes on exactly as the original would", () => {
    const original = new EventIndex();
    for (const doc of [...BACKGROUND, BRIDGE_COLLAPSE_A, CHESS_FINAL]) original.assign(doc);
    const state = JSON.parse(JSON.stringify(original.toJSON())) as EventIndexState;
    const restored = EventIndex.fromJSON(state);

    expect(restored.toJSON()).toEqual(original.toJSON());
    expect(restored.eventViews()).toEqual(original.eventViews());

    const next = [BRIDGE_COLLAPSE_B, BRIDGE_COLLAPSE_LATER, { ...CHESS_FINAL, id: "chess-2", duplicateOf: CHESS_FINAL.id }];
    for (const doc of next) {
      const a = original.assign(doc);
      const b = restored.assign(doc);
      expect(b.eventId).toBe(a.eventId);
      expect(b.storyId).toBe(a.storyId);
      expect(b.isNew).toBe(a.isNew);
      expect(b.similarity).toBeCloseTo(a.similarity, 3);
    }
    // New ids continue the sequence rather than reusing one.
    const fresh = restored.assign({
      ...CHESS_FINAL,
      id: "other",
      title: "Zoo welcomes twin pandas",
      body: "Two panda cubs were born at the zoo, keepers said.",
    });
    expect(state.events.map((e) => e.id)).not.toContain(fresh.eventId);
  });

  it("resumes from the core state plus per-event and per-story snapshots", () => {
    const original = new EventIndex();
    for (const doc of [...BACKGROUND, BRIDGE_COLLAPSE_A, CHESS_FINAL]) original.assign(doc);
    const { events, stories } = original.takeChanges();
    const core = JSON.parse(JSON.stringify(original.coreState())) as EventIndexState;
    expect(core.events).toEqual([]);
    const restored = EventIndex.fromJSON(core);
    for (const s of stories) restored.loadStory(JSON.parse(JSON.stringify(s)));
    for (const e of events) restored.loadEvent(JSON.parse(JSON.stringify(e)));
    expect(restored.toJSON()).toEqual(original.toJSON());
    const a = original.assign(BRIDGE_COLLAPSE_B);
    const b = restored.assign(BRIDGE_COLLAPSE_B);
    expect({ ...b, similarity: 0 }).toEqual({ ...a, similarity: 0 });
    expect(b.similarity).toBeCloseTo(a.similarity, 3);
  });

  it("keeps per-event state small", () => {
    const index = new EventIndex({ maxCentroidTerms: 50 });
    for (const doc of BACKGROUND) index.assign(doc);
    let eventId = "";
    for (let i = 0; i < 40; i++) {
      // Many long reports of one happening, each with its own extra vocabulary.
      const r = index.assign({
        ...BRIDGE_COLLAPSE_A,
        id: `long-${i}`,
        body: `${BRIDGE_COLLAPSE_A.body} ${"word".repeat(1)}${i}alpha extra${i}beta detail${i}gamma`.repeat(3),
      });
      eventId ||= r.eventId;
      expect(r.eventId).toBe(eventId);
    }
    const snapshot = index.snapshot(eventId)!;
    expect(Object.keys(snapshot.centroid).length).toBeLessThanOrEqual(50);
    expect(snapshot.titles.length).toBeLessThanOrEqual(index.options.maxTitles);
    expect(JSON.stringify(snapshot).length).toBeLessThan(4000);
  });
});

describe("recluster", () => {
  it("keeps every event it assigns in the rebuilt index, however old (none is evicted mid-run)", () => {
    // More than 1024 articles (the eviction cadence) over six years: online, the early events leave memory.
    const day = (i: number) => new Date(Date.UTC(2015, 0, 1) + i * 2 * 86_400_000).toISOString().slice(0, 10);
    const docs = Array.from({ length: 1100 }, (_, i) => ({
      id: `a${i}`,
      title: `Council ${i} votes on budget item zq${i}x`,
      body: `The council of district zq${i}x voted on item ${i} of the budget, named kv${i}y by its authors.`,
      publishedAt: day(i),
      outlet: null,
    }));
    const result = recluster(docs, new Map());
    const stored = new Set(result.index.toJSON().events.map((e) => e.id));
    const missing = [...result.assignments.values()].filter((id) => !stored.has(id));
    expect(missing).toEqual([]);
  });

  it("gives the same ids when membership is unchanged", () => {
    const online = new EventIndex();
    const previous = new Map<string, { eventId: string; storyId: string | null }>();
    for (const doc of DOCS) {
      const r = online.assign(doc);
      previous.set(doc.id, { eventId: r.eventId, storyId: r.storyId });
    }
    // Make the previous ids unlike the ones a fresh run would number, so only the mapping can produce them.
    const renamed = new Map([...previous].map(([a, p]) => [a, { eventId: `old-${p.eventId}`, storyId: `old-${p.storyId}` }]));
    const result = recluster(DOCS, renamed);
    for (const doc of DOCS) expect(result.assignments.get(doc.id)).toBe(renamed.get(doc.id)!.eventId);
    expect(result.newEventIds).toBe(0);
    const bridgeEvent = result.assignments.get(BRIDGE_COLLAPSE_A.id)!;
    expect(result.index.event(bridgeEvent)?.articleCount).toBe(2);
    expect(result.index.event(bridgeEvent)?.storyId).toBe(renamed.get(BRIDGE_COLLAPSE_A.id)!.storyId);
  });

  it("keeps the id of a cluster that mostly survives and numbers new clusters afresh", () => {
    const previous = new Map<string, string>();
    for (const doc of DOCS) previous.set(doc.id, "ev-7");
    // Previously everything was wrongly in one event ev-7: the largest new cluster that is mostly from it keeps
    // the id (one cluster only), the others get ids after the highest previous number.
    const result = recluster(DOCS, previous);
    const ids = new Set(result.assignments.values());
    expect(ids.size).toBeGreaterThan(1);
    expect([...ids].filter((id) => id === "ev-7")).toHaveLength(1);
    for (const id of ids) if (id !== "ev-7") expect(Number(id.slice(3))).toBeGreaterThan(7);
    expect(result.keptEventIds).toBe(1);
  });
});
