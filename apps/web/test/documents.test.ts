// Every GraphQL document the dashboard sends must pass the API's own validation: the schema, and the
// operation limits (depth, aliases, tokens, cost) that refuse oversized queries. A page whose query grows
// past them would otherwise only fail in front of an analyst.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const appRoot = join(import.meta.dirname, "..");
const SOURCE_DIRS = ["app", "components", "lib"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const documents = SOURCE_DIRS.flatMap((dir) => sourceFiles(join(appRoot, dir))).flatMap((file) =>
  [...readFileSync(file, "utf8").matchAll(/graphql\(\s*`([\s\S]*?)`/g)].map((match) => ({
    file: relative(appRoot, file),
    text: match[1] ?? "",
  })),
);
const fragments = new Map(
  documents.flatMap(({ text }) =>
    [...text.matchAll(/fragment\s+(\w+)\s+on\s+\w+\s*\{/g)].map((m) => [m[1] ?? "", text] as const),
  ),
);
const operations = documents.filter(({ text }) => /^\s*query\b/.test(text));

/** An operation with the fragments it spreads, as the client sends it. */
function withFragments(text: string, seen = new Set<string>()): string {
  const spreads = [...text.matchAll(/\.\.\.(\w+)/g)]
    .map((m) => m[1] ?? "")
    .filter((name) => fragments.has(name) && !seen.has(name));
  let full = text;
  for (const name of spreads) {
    seen.add(name);
    full += `\n${withFragments(fragments.get(name) ?? "", seen)}`;
  }
  return full;
}

type Enveloped = ReturnType<typeof import("../../api/src/yoga.ts")["yoga"]["getEnveloped"]>;
let api: Enveloped;

beforeAll(async () => {
  const { yoga } = await import("../../api/src/yoga.ts");
  api = yoga.getEnveloped({ request: new Request("http://test/graphql") });
});

describe("dashboard GraphQL documents", () => {
  it("finds the documents to check", () => {
    expect(operations.length).toBeGreaterThan(15);
  });

  it.each(
    operations.map((op) => [op.text.match(/query\s+(\w+)/)?.[1] ?? "anonymous", op]),
  )("%s passes the API's validation", (_name, op) => {
    const errors = api.validate(api.schema, api.parse(withFragments(op.text)));
    expect(errors.map((e: { message: string }) => `${op.file}: ${e.message}`)).toEqual([]);
  });
});
