import { describe, expect, it } from "vitest";
import { dayNumber, dayToIso, explicitDates, happeningDay, weekdayCue } from "../src/link/dates.ts";
import { findEventMentions, mentionedDates } from "../src/link/mentions.ts";

const iso = (day: number) => dayToIso(day);

describe("happening dates", () => {
  const sunday = dayNumber("2018-12-02T01:05:00")!;

  it("reads the weekday a lead names as the latest such day", () => {
    expect(iso(happeningDay("Abe announced on Friday that he would visit Russia.", sunday))).toBe("2018-11-30");
    expect(iso(happeningDay("The talks ended yesterday in Buenos Aires.", sunday))).toBe("2018-12-01");
    expect(iso(happeningDay("Putin said on Sunday that talks would go on.", sunday))).toBe("2018-12-02");
  });

  it("keeps the article's day for forward-looking mentions and leads without a day", () => {
    expect(iso(happeningDay("The two leaders will meet on Friday in Moscow.", sunday))).toBe("2018-12-02");
    expect(iso(happeningDay("Leaders agreed to speed up negotiations.", sunday))).toBe("2018-12-02");
  });

  it("finds the first weekday a lead names", () => {
    expect(weekdayCue("The Senate voted on Tuesday, and the House on Wednesday.")).toBe(2);
    expect(weekdayCue("No day here.")).toBeNull();
  });

  it("parses explicit dates, with and without a year", () => {
    const found = explicitDates("signed on October 19, 1956 and met on Nov. 14 and on 3 March 2019", sunday);
    expect(found.map((d) => iso(d.day))).toEqual(["1956-10-19", "2018-11-14", "2019-03-03"]);
    expect(found[0]!.asWritten).toBe("October 19, 1956");
    expect(explicitDates("on February 31, 2019", sunday)).toEqual([]);
    // Without a reference day a date without a year cannot be placed.
    expect(explicitDates("met on Nov. 14", null)).toEqual([]);
  });
});

describe("event mentions", () => {
  const body =
    "Putin and Abe agreed at a meeting in Singapore on November 14 to intensify negotiations on signing a " +
    "peace treaty based on the Joint Declaration of October 19, 1956.";
  const events = [
    { id: "declaration", date: "1956-10-19", title: "Soviet-Japanese Joint Declaration signed in Moscow" },
    { id: "unrelated-1956", date: "1956-10-19", title: "Hurricane makes landfall in Florida" },
    { id: "singapore", date: "2018-11-14", title: "Putin and Abe meet in Singapore" },
    { id: "other-day", date: "1956-10-20", title: "Joint Declaration ratified" },
  ];

  it("finds the events an article refers to by date, choosing by title words near the date", () => {
    const hits = findEventMentions(body, events, { publishedAt: "2019-01-04" });
    expect(hits.map((h) => [h.eventId, h.asWritten])).toEqual([
      ["singapore", "November 14"],
      ["declaration", "October 19, 1956"],
    ]);
    expect(body.slice(hits[1]!.start, hits[1]!.end)).toBe("October 19, 1956");
  });

  it("skips the article's own event and events sharing no word with the text", () => {
    const hits = findEventMentions(body, events, { publishedAt: "2019-01-04", excludeEventId: "singapore" });
    expect(hits.map((h) => h.eventId)).toEqual(["declaration"]);
    expect(findEventMentions(body, [events[1]!], { publishedAt: "2019-01-04" })).toEqual([]);
  });

  it("lists the dates to look events up by", () => {
    expect(mentionedDates(body, "2019-01-04").map((d) => iso(d.day))).toEqual(["2018-11-14", "1956-10-19"]);
  });
});
