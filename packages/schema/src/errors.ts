// Expected failures as schema types (the errors plugin): clients switch on __typename instead of parsing messages.
import { builder } from "./builder.ts";

export class NotFoundError extends Error {
  override name = "NotFoundError";
  constructor(
    readonly typename: string,
    readonly lookup: string,
  ) {
    super(`No ${typename} matches ${lookup}.`);
  }
}

const ErrorInterface = builder.interfaceRef<Error>("Error").implement({
  description: "An expected failure, with a message meant for people.",
  fields: (t) => ({ message: t.exposeString("message", { description: "What went wrong." }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  description: "Nothing matches the id, slug or name given.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    typename: t.exposeString("typename", { description: "The kind of thing looked up." }),
    lookup: t.exposeString("lookup", { description: "The value that matched nothing." }),
  }),
});
