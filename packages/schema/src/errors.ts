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

/** A correction that makes no sense as asked (an empty title, merging an entity into itself). */
export class InvalidCorrectionError extends Error {
  override name = "InvalidCorrectionError";
}

/** A correction that clashes with the data as it is now (a name taken, an undo behind a later correction). */
export class ConflictError extends Error {
  override name = "ConflictError";
}

builder.objectType(InvalidCorrectionError, {
  name: "InvalidCorrectionError",
  description: "The correction asked for is not possible as given; nothing was changed.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});

builder.objectType(ConflictError, {
  name: "ConflictError",
  description: "The correction clashes with the data as it is now (or with a later correction); nothing was changed.",
  interfaces: [ErrorInterface],
  fields: () => ({}),
});
