// Time in event clustering: events are short, stories long. A dated report does not join an undated event on a
// weak word link (nor the reverse; see link-seeds.test.ts), a close follow-up weeks later still joins its incident,
// and an arrest and a commutation a year and a half apart are two events.

import { describe, expect, it } from "vitest";
import { EventIndex } from "../src/link/event-index.ts";
import type { ClusterDoc } from "../src/link/types.ts";
import { BACKGROUND } from "./link-fixtures.ts";

/** What the tagger would find, roughly: runs of capitalised words after a sentence's first word. */
const named = (body: string) =>
  [...new Set(body.match(/(?<=\s)[A-Z][a-z]+(?: [A-Z][a-z]+)+/g) ?? [])].map((name) => ({ kind: "PERSON", name }));

const lead = (id: string, title: string, body: string, publishedAt: string | null = null): ClusterDoc => ({
  id,
  title,
  body,
  publishedAt,
  outlet: null,
  entities: named(body),
});

function warmIndex(): EventIndex {
  const index = new EventIndex();
  for (const doc of BACKGROUND) index.assign({ ...doc, entities: named(doc.body) });
  index.consolidate();
  return index;
}

const ARREST = lead(
  "arrest",
  "Former mayor Dario Kessler arrested on bribery charges",
  "Police arrested former Westbrook mayor Dario Kessler on Monday on charges that he took bribes from a construction firm in exchange for city contracts, prosecutors said.",
  "2019-03-04",
);
const ARREST_B = lead(
  "arrest-b",
  "Ex-mayor Kessler held in Westbrook bribery probe",
  "Former Westbrook mayor Dario Kessler was arrested on Monday and charged with taking bribes from a construction firm for city contracts, according to prosecutors.",
  "2019-03-05",
);
const COMMUTATION = lead(
  "commutation",
  "Governor commutes sentence of former mayor Dario Kessler",
  "The governor on Friday commuted the prison sentence of former Westbrook mayor Dario Kessler, who was convicted of taking bribes from a construction firm in exchange for city contracts.",
  "2020-09-11",
);

const SHOOTING = lead(
  "shooting",
  "Two wounded in shooting outside Lakeview bowling alley",
  "Two men were wounded early Saturday when a gunman opened fire in the parking lot of the Starlite bowling alley on Lakeview Avenue, police said. Marcus Delaney, 24, and Tyrell Okafor, 27, were taken to Mercy Hospital.",
  "2016-05-14",
);
const SHOOTING_FOLLOW_UP = lead(
  "shooting-charge",
  "Man charged in Starlite bowling alley shooting on Lakeview Avenue",
  "Police charged a 22-year-old man in the shooting that wounded Marcus Delaney and Tyrell Okafor in the parking lot of the Starlite bowling alley on Lakeview Avenue, police said; both men were treated at Mercy Hospital.",
  "2016-06-01",
);

describe("time in event clustering", () => {
  it("keeps an arrest and a commutation 18 months later apart as events", () => {
    const index = warmIndex();
    const a = index.assign(ARREST);
    const b = index.assign(ARREST_B);
    const c = index.assign(COMMUTATION);
    index.consolidate();
    index.consolidate("run");
    const event = (id: string) => index.resolve(id)!;
    expect(event(b.eventId)).toBe(event(a.eventId));
    expect(event(c.eventId)).not.toBe(event(a.eventId));
  });

  it("lets a close follow-up weeks later join its incident", () => {
    const index = warmIndex();
    const first = index.assign(SHOOTING);
    const later = index.assign(SHOOTING_FOLLOW_UP);
    index.consolidate();
    expect(index.resolve(later.eventId)).toBe(index.resolve(first.eventId));
  });
});
