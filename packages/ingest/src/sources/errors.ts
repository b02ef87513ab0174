// An input that could not become a document. Carries what the user needs: which input, which stage, why.
export type IngestStage = "read" | "decode" | "parse" | "extract" | "store";

export class InputError extends Error {
  override name = "InputError";
  constructor(
    readonly input: string,
    readonly stage: IngestStage,
    readonly reason: string,
  ) {
    super(`${input}: ${reason}`);
  }
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
