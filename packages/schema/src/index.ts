// Assembles the schema: every domain file registers its types on the builder.
import { builder } from "./builder.ts";
import "./scalars.ts";
import "./types/system.ts";
import "./types/outlet.ts";
import "./errors.ts";
import "./types/article.ts";
import "./types/entity.ts";
import "./types/quote.ts";
import "./types/event.ts";
import "./types/story.ts";
import "./types/citation.ts";
import "./types/coverage.ts";
import "./types/count.ts";
import "./types/corrections.ts";
import "./types/node.ts";

export const schema = builder.toSchema({ sortSchema: true });
