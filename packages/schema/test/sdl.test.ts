// schema.graphql is a reviewed artifact: it must match what the code builds.
import { readFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../src/index.ts";

describe("schema.graphql", () => {
  it("matches the schema the code builds (run `npm run print -w @storyline/schema` after a change)", () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(`${printSchema(lexicographicSortSchema(schema))}\n`).toBe(committed);
  });

  it("describes every type and field", () => {
    const missing: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith("__") || ["String", "Int", "Float", "Boolean", "ID"].includes(type.name)) continue;
      const generated = /Connection$|ConnectionEdge$|Edge$|Success$|Result$|^PageInfo$/.test(type.name);
      if (!type.description && !generated) missing.push(type.name);
      if ("getFields" in type && !generated && type.name !== "PageInfo") {
        for (const field of Object.values(type.getFields())) {
          if (!field.description && !["id", "edges", "pageInfo", "node", "cursor", "data"].includes(field.name)) {
            missing.push(`${type.name}.${field.name}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
