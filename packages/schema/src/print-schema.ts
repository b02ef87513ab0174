// Writes the SDL artifact, schema.graphql, that reviewers diff and the web app's types come from.
import { writeFileSync } from "node:fs";
import { lexicographicSortSchema, printSchema } from "graphql";

process.env.NODE_ENV ??= "production";
const { schema } = await import("./index.ts");
const target = new URL("../schema.graphql", import.meta.url);
writeFileSync(target, `${printSchema(lexicographicSortSchema(schema))}\n`);
console.log(`wrote ${target.pathname}`);
