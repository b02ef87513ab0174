// An event's place is where its happening took place: the lead's locative cue, a city over its country, and a
// recalled place ("in Vladivostok in September") for the happening another article looks back at.

import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import { articlePlaces } from "../src/link/places.ts";
import type { ClusterDoc } from "../src/link/types.ts";
import { BACKGROUND } from "./link-fixtures.ts";

const place = (name: string) => ({ kind: "PLACE", name });

describe("articlePlaces", () => {
  it("reads the place after in/at/held in in the lead, and a dateline", () => {
    const held = articlePlaces(
      "Russia, Japan to work towards postwar peace treaty",
      "Winding up talks held in Moscow Monday, President Vladimir Putin and Prime Minister Shinzo Abe instructed their ministers.\n\nRussia has no plans to return the islands to Japan.",
      [place("Russia"), place("Japan"), place("Moscow")],
    );
    expect(held.lead.map((p) => [p.name, p.specific])).toEqual([["Moscow", true]]);
    const dateline = articlePlaces("Talks resume", "MOSCOW — The two leaders met on Monday to resume talks on the treaty.", [
      place("Moscow"),
    ]);
    expect(dateline.lead.map((p) => p.name)).toEqual(["Moscow"]);
  });

  it("keeps look-back sentences apart as recalls", () => {
    const r = articlePlaces(
      "Putin, Abe agree on framework",
      "Putin said in Argentina, following talks on the sidelines of the G20 summit in Buenos Aires, that the sides agreed.\n\nDuring an exchange in Vladivostok in September, Putin offered a treaty without preconditions.",
      [place("Argentina"), place("Buenos Aires"), place("Vladivostok")],
    );
    expect(r.lead.map((p) => [p.name, p.specific])).toEqual([
      ["Argentina", false],
      ["Buenos Aires", true],
    ]);
    expect(r.recalls.map((x) => x.place.name)).toEqual(["Vladivostok"]);
  });
});

const doc = (id: string, title: string, body: string, names: string[], publishedAt: string | null = null): ClusterDoc => ({
  id,
  title,
  body,
  publishedAt,
  outlet: null,
  entities: [{ kind: "PERSON", name: "Vladimir Putin" }, { kind: "PERSON", name: "Shinzo Abe" }, ...names.map(place)],
});

describe("event places", () => {
  it("prefer the city the leads name over the country, and take a recalled place when the leads name none", () => {
    // Clustering is not under test: the two reports stay apart whatever they share.
    const index = new EventIndex({ threshold: 0.95, mergeThreshold: 0.95, runMergeThreshold: 0.95 });
    for (const d of BACKGROUND) index.assign(d);
    const g20 = index.assign(
      doc(
        "g20",
        "Putin, Abe agree on framework to finalize peace treaty",
        "Japan and Russia agreed to set up a framework to intensify negotiations, with new mechanisms for interaction, humanitarian contacts and economic ties.\n\nPutin said in Argentina that the brief exchange on the sidelines of the G20 summit in Buenos Aires went well, and that the prime minister would visit next year.\n\nDuring an exchange in Vladivostok in September, Putin offered Abe to sign a peace treaty by the end of the year without any preconditions.",
        ["Japan", "Russia", "Argentina", "Buenos Aires", "Vladivostok"],
        "2018-12-02",
      ),
    );
    const offer = index.assign(
      doc(
        "offer",
        "Putin offers to sign a peace treaty by the end of the year without preconditions",
        "In a surprise move, Putin made the offer to sign a peace treaty with Japan by the end of the year without any preconditions at a conference stage on Wednesday. Abe did not respond; a government spokesman said sovereignty over the islands must be resolved first.",
        ["Japan", "Russia"],
      ),
    );
    expect(offer.eventId).not.toBe(g20.eventId);
    index.consolidate();
    index.consolidate("run");
    expect(index.event(index.resolve(g20.eventId)!)!.place?.name).toBe("Buenos Aires");
    expect(index.event(index.resolve(offer.eventId)!)!.place?.name).toBe("Vladivostok");
    // Places survive a save and reload.
    const reloaded = EventIndex.fromJSON(index.toJSON());
    expect(reloaded.event(index.resolve(offer.eventId)!)!.place?.name).toBe("Vladivostok");
  });

  it("name no place for a lone article whose places are all incidental", () => {
    const index = new EventIndex();
    const r = index.assign(
      doc(
        "x",
        "Leaders to meet next month",
        "The two leaders will meet next month to push for a treaty, officials said on Friday.",
        ["Singapore", "Moscow"],
      ),
    );
    expect(index.event(r.eventId)!.place).toBeNull();
  });
});

describe("story titles", () => {
  it("name the subject the events share, not one headline", () => {
    const index = new EventIndex({ threshold: 0.95, mergeThreshold: 0.95, runMergeThreshold: 0.95 });
    for (const d of BACKGROUND) index.assign(d);
    const docs = [
      doc(
        "a",
        "Russia, Japan to work towards postwar peace treaty",
        "Putin and Abe held talks on a peace treaty.",
        ["Russia", "Japan"],
        "2018-11-14",
      ),
      doc(
        "b",
        "Putin offers Abe a peace treaty by year end",
        "Putin offered Abe a peace treaty with Japan.",
        ["Russia", "Japan"],
        "2018-11-20",
      ),
      doc(
        "c",
        "2 Countries Looking To End WW2 In Historic Peace Agreement",
        "Japan and Russia look to a peace treaty.",
        ["Japan", "Russia"],
        "2018-11-28",
      ),
    ];
    const stories = new Set(docs.map((d) => index.assign(d).storyId));
    expect(stories.size).toBe(1);
    expect(index.story([...stories][0]!)!.title).toBe("Japan–Russia peace treaty");
  });
});
