// Assembles the schema: every domain file registers its types on the builder.
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./types/system.ts";
import "./types/outlet.ts";
import "./types/article.ts";

export const schema = builder.toSchema({ sortSchema: true });
