import { describe, expect, it } from "vitest";
import { dateFromUrl, findDates, inferPublicationDate, parseDatelineLine, parseDateValue } from "../src/extract/dates.ts";

describe("parseDateValue", () => {
  it("keeps the wall clock and sets the offset apart", () => {
    expect(parseDateValue("2018-12-02T01:05:00+03:00")).toEqual({
      value: "2018-12-02T01:05:00",
      offset: "+03:00",
      precision: "MINUTE",
    });
    expect(parseDateValue("2023-10-24T22:30:00.000Z")).toEqual({
      value: "2023-10-24T22:30:00",
      offset: "+00:00",
      precision: "MINUTE",
    });
    expect(parseDateValue("2019-11-13")).toEqual({ value: "2019-11-13", offset: null, precision: "DAY" });
  });

  it("reads RFC 2822 feed dates and human dates in several languages", () => {
    expect(parseDateValue("Sun, 02 Dec 2018 01:05:00 +0300")).toEqual({
      value: "2018-12-02T01:05:00",
      offset: "+03:00",
      precision: "MINUTE",
    });
    expect(parseDateValue("24. Oktober 2023")?.value).toBe("2023-10-24");
    expect(parseDateValue("2 de diciembre de 2018")?.value).toBe("2018-12-02");
    expect(parseDateValue("12 сентября 2018")?.value).toBe("2018-09-12");
    expect(parseDateValue("November 18, 2019 at 11:04 pm")?.value).toBe("2019-11-18T23:04:00");
    expect(parseDateValue("01.02.2022")?.value).toBe("2022-02-01");
  });

  it("rejects impossible dates", () => {
    expect(parseDateValue("2019-02-30")).toBeNull();
    expect(parseDateValue("not a date")).toBeNull();
  });
});

describe("findDates", () => {
  it("resolves numeric day/month order by convention unless the numbers decide it", () => {
    expect(findDates("on 04/05/2019")[0]?.value).toBe("2019-05-04");
    expect(findDates("on 04/05/2019", { usDates: true })[0]?.value).toBe("2019-04-05");
    expect(findDates("on 13/05/2019", { usDates: true })[0]?.value).toBe("2019-05-13");
  });

  it("finds every date with its position", () => {
    const text = "Signed on October 19, 1956 and ratified in December 1956.";
    expect(findDates(text).map((d) => [d.value, text.slice(d.index, d.index + d.length)])).toEqual([
      ["1956-10-19", "October 19, 1956"],
      ["1956-12", "December 1956"],
    ]);
  });
});

describe("dateFromUrl", () => {
  it("reads day and month paths, not long ids", () => {
    expect(dateFromUrl("https://nypost.com/2019/11/18/chinese-hunter/")).toMatchObject({ value: "2019-11-18", precision: "DAY" });
    expect(dateFromUrl("https://www.registerguard.com/news/20200413/second-suspect")).toMatchObject({ value: "2020-04-13" });
    expect(dateFromUrl("https://example.org/artikel/2015/01/eine-realistische")).toMatchObject({
      value: "2015-01",
      precision: "MONTH",
    });
    expect(dateFromUrl("https://example.com/story/a-2018120212345")).toBeNull();
    expect(dateFromUrl(null)).toBeNull();
  });
});

describe("parseDatelineLine", () => {
  it("accepts a line that is only a date, with label, weekday or time", () => {
    expect(parseDatelineLine("2 Dec, 2018 01:05")).toMatchObject({ value: "2018-12-02T01:05:00", precision: "MINUTE" });
    expect(parseDatelineLine("Published: Monday, March 4, 2019")).toMatchObject({ value: "2019-03-04", label: "Published" });
    expect(parseDatelineLine("Veröffentlicht am 24.10.2023 um 14:30 Uhr")?.value).toBe("2023-10-24T14:30:00");
  });

  it("rejects sentences that merely contain a date", () => {
    expect(parseDatelineLine("The Joint Declaration of October 19, 1956 ended the state of war.")).toBeNull();
    expect(parseDatelineLine("Published on")).toBeNull();
  });
});

describe("inferPublicationDate", () => {
  const now = new Date("2024-06-01T00:00:00Z");

  it("counts years from an event the article names", () => {
    const text = "It was not normal to remain at war 68 years after the end of the Second World War, Abe said.";
    expect(inferPublicationDate(text, { now })).toMatchObject({
      value: "2013",
      precision: "YEAR",
      source: "INFERRED",
      earliest: "2013-01-01",
      latest: "2013-12-31",
    });
    expect(inferPublicationDate("Crowds marked the 75th anniversary of the end of World War II.", { now })?.value).toBe("2020");
    expect(inferPublicationDate("The treaty was signed in 1956, 62 years ago.", { now })?.value).toBe("2018");
  });

  it("does not count from 'the war' when the article never says which war", () => {
    expect(inferPublicationDate("Talks stalled 68 years after the end of the war.", { now })).toBeNull();
  });

  it("pins a day when a full date carries its weekday ('on Friday, January 4, 2019')", () => {
    const text =
      "Abe announced on Friday, January 4, 2019 that he would visit Russia later this month. Last year the two met in Singapore.";
    expect(inferPublicationDate(text, { now })).toMatchObject({
      value: "2019-01-04",
      precision: "DAY",
      earliest: "2019-01-04",
      latest: "2019-01-11",
    });
    expect(inferPublicationDate("Yesterday (March 3, 2021) the minister resigned.", { now })?.value).toBe("2021-03-04");
  });

  it("falls back to a lower bound: after the latest past date mentioned, ignoring future targets", () => {
    const text = "Putin was late for a December 2016 summit. Both sides aim to settle it by 2030.";
    expect(inferPublicationDate(text, { now })).toMatchObject({ source: "INFERRED", earliest: "2016-12-01", latest: null });
    expect(inferPublicationDate(text, { now })?.confidence).toBeLessThan(0.3);
  });

  it("says nothing when nothing anchors it", () => {
    expect(inferPublicationDate("The leaders met on Friday and will meet again next month.", { now })).toBeNull();
  });
});
