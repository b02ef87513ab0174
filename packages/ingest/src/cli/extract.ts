// `storyline extract`: the extraction alone, no database, one JSON line per document on stdout.
import { extractDocument, toContractRow } from "../extract/index.ts";
import { readInputs } from "../sources/index.ts";
import { RoleMemory } from "../store/roles.ts";
import { EXIT } from "./exit-codes.ts";
import { lineWriter, OutputClosed } from "./output.ts";

export async function extractCommand(files: string[], flags: { input?: string }): Promise<number> {
  const inputs = [...(flags.input ? [flags.input] : []), ...files];
  if (inputs.length === 0) {
    console.error("storyline extract: name files or --input FILE.jsonl (see --help)");
    return EXIT.USAGE;
  }
  let failed = 0;
  // Role nouns an article never ties to a name resolve through what earlier documents in the input said.
  const roles = new RoleMemory();
  const out = lineWriter(process.stdout);
  for await (const item of readInputs(inputs)) {
    if ("skipped" in item) {
      console.error(`storyline: skipped ${item.skipped.input}: ${item.skipped.reason}`);
      continue;
    }
    if ("error" in item) {
      failed++;
      console.error(`storyline: ${item.error.input}: ${item.error.reason}`);
      continue;
    }
    try {
      const doc = extractDocument(item.doc, { resolveRole: roles.lookup });
      roles.learn(doc);
      const row = toContractRow(doc);
      await out.write(`${JSON.stringify(row)}\n`);
    } catch (error) {
      if (error instanceof OutputClosed) return EXIT.OK;
      failed++;
      console.error(`storyline: ${item.doc.origin}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return failed ? EXIT.SOME_FAILED : EXIT.OK;
}
