// The public API does not publish the ingest machine's command lines, folders or file bytes: a run's command
// and inputs need the write token, and error inputs and reasons show file names, not paths or control bytes.
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publicInput, publicReason } from "../src/redact.ts";
import { type Harness, startHarness } from "./support.ts";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("schema_ingest_runs");
  const run = await h.prisma.ingestRun.create({
    data: { command: "storyline ingest /home/ana/private/leads", inputs: ["/home/ana/private/leads"], status: "PARTIAL" },
  });
  await h.prisma.ingestError.create({
    data: {
      runId: run.id,
      input: "/home/ana/private/leads/memo.json",
      stage: "parse",
      reason: "/home/ana/private/leads/memo.json: not JSON\n\u001b[31mroot:x:0:0\u0007",
    },
  });
});
afterAll(async () => h?.close());

const query = `{ ingestRuns(first: 1) { edges { node { command inputs errors(first: 5) { edges { node { input reason } } } } } } }`;
async function read(canWrite: boolean) {
  const { schema } = await import("../src/index.ts");
  const result = await graphql({ schema, source: query, contextValue: { canWrite } });
  expect(result.errors).toBeUndefined();
  return (result.data as any).ingestRuns.edges[0].node;
}

describe("ingest runs through the public API", () => {
  it("hides command lines and inputs, and shows file names instead of paths, without the write token", async () => {
    const run = await read(false);
    expect(run.command).toBeNull();
    expect(run.inputs).toBeNull();
    const error = run.errors.edges[0].node;
    expect(error.input).toBe("memo.json");
    expect(error.reason).toBe("memo.json: not JSON [31mroot:x:0:0");
    expect(JSON.stringify(run)).not.toMatch(/home|ana|private|\\u00/);
  });

  it("shows them to a writer", async () => {
    const run = await read(true);
    expect(run.command).toBe("storyline ingest /home/ana/private/leads");
    expect(run.inputs).toEqual(["/home/ana/private/leads"]);
    expect(run.errors.edges[0].node.input).toBe("/home/ana/private/leads/memo.json");
  });

  it("keeps URLs without their query, records with their line, reasons to one short line", () => {
    expect(publicInput("https://example.org/feed.json?token=secret")).toBe("https://example.org/feed.json");
    expect(publicInput("C:\\Users\\ana\\news.jsonl:12")).toBe("news.jsonl:12");
    expect(publicInput("relative/dir/a.html")).toBe("a.html");
    expect(publicReason(`x${"y".repeat(1000)}`, false).length).toBe(300);
    expect(publicReason("a\r\nb\u0000c", true)).toBe("a b c");
  });
});
