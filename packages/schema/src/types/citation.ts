// Citations: an article relying on another outlet ("Reuters reports", "Source: Interfax").
import { builder } from "../builder.ts";

const CitationKindEnum = builder.enumType("CitationKind", {
  description: "How the article cited the outlet.",
  values: {
    REPORTS: { description: '"Reuters reports", "as TASS reports"' },
    SOURCE_LINE: { description: '"Source: Voice of Russia, RIA, Interfax"' },
    BYLINE: { description: '"By Louise Miner with Reuters"' },
    ACCORDING_TO: { description: '"according to Interfax"' },
    FROM: { description: '"From Reuters:"' },
    MENTION: { description: "Named as a source in passing" },
  } as const,
});

builder.prismaObject("Citation", {
  description: "An outlet an article cites or relies on, so coverage can be traced to wire agencies.",
  fields: (t) => ({
    article: t.relation("article", { description: "The citing article." }),
    outlet: t.relation("outlet", { description: "The cited outlet." }),
    kind: t.expose("kind", { type: CitationKindEnum, description: "How it was cited." }),
    asWritten: t.exposeString("asWritten", { description: "The citing words." }),
    start: t.exposeInt("start", { nullable: true, description: "Offset into the citing article's body." }),
    end: t.exposeInt("end", { nullable: true, description: "End offset." }),
  }),
});
