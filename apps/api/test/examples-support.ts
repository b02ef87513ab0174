// Runs every GraphiQL example against whatever data the suite loaded, and expects each to answer something:
// the examples must work on any corpus, not only the demo's.
import { expect, it } from "vitest";
import { exampleOperations } from "../src/graphiql-examples.ts";

/** The first list, number or text in a result that holds something: an example must answer, not just parse. */
export function answered(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "number") return value > 0;
  if (typeof value === "string") return value.length > 0;
  // A coverage's buckets are listed even over a range with no data: only its series count as an answer.
  if (value && typeof value === "object" && "series" in value) return answered(value.series);
  if (value && typeof value === "object") return Object.values(value).some(answered);
  return false;
}

export async function runOperation(query: string) {
  const { yoga } = await import("../src/yoga.ts");
  const response = await yoga.fetch("http://test/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data?: Record<string, any>; errors?: unknown[] };
}

export function everyExampleAnswers(corpus: string) {
  for (const example of exampleOperations) {
    it(`${example.name} runs and answers on ${corpus}`, async () => {
      const result = await runOperation(example.query);
      expect(result.errors).toBeUndefined();
      for (const [field, value] of Object.entries(result.data ?? {}))
        expect(answered(value), `${example.name}.${field}: ${JSON.stringify(value).slice(0, 300)}`).toBe(true);
    });
  }
}
