// Corrections (issue 14): the mutations an analyst fixes the data with, the audit trail and undo. Every mutation
// needs the write token; the work itself (one transaction, counts settled, the rule recorded) is in
// packages/ingest/src/store/corrections.ts.
import { getPrisma } from "@storyline/db";
import {
  CorrectionError,
  type CorrectionInput,
  type CorrectionResult,
  correct,
  undoCorrection,
} from "@storyline/ingest/corrections";
import { GraphQLError } from "graphql";
import { builder, type Context } from "../builder.ts";
import { ConflictError, InvalidCorrectionError, NotFoundError } from "../errors.ts";
import { decodeNodeId } from "../ids.ts";
import { selectingSomething } from "../query.ts";
import { EntityKindEnum } from "./entity.ts";

const CorrectionKindEnum = builder.enumType("CorrectionKind", {
  description: "What a correction changed.",
  values: {
    MERGE_ENTITIES: { description: "Entities merged into one (mergeEntities)." },
    UPDATE_ENTITY: { description: "An entity renamed or its kind fixed (updateEntity)." },
    SET_QUOTE_SPEAKER: { description: "A quote's speaker set or cleared (setQuoteSpeaker)." },
    REJECT_QUOTE: { description: "Words that are not speech removed from the quotes (rejectQuote)." },
    MOVE_ARTICLE: { description: "An article moved to another event or one of its own (moveArticle)." },
    MERGE_EVENTS: { description: "Events merged into one (mergeEvents)." },
    UPDATE_EVENT: { description: "An event's title or place fixed (updateEvent)." },
    UPDATE_STORY: { description: "A story's title fixed (updateStory)." },
    HIDE_ARTICLE: { description: "An article hidden or shown again (hideArticle)." },
    UNDO: { description: "An earlier correction undone (undoCorrection)." },
  } as const,
});

builder.prismaNode("Correction", {
  id: { field: "id" },
  description:
    "One analyst's correction, as the audit trail keeps it. Until it is undone it is also a rule the pipeline " +
    "re-applies after every ingest run and recluster.",
  fields: (t) => ({
    kind: t.expose("kind", { type: CorrectionKindEnum, description: "What it changed." }),
    targetIds: t.exposeIntList("targetIds", {
      description: "Database ids of the objects it corrected (for UNDO, the undone correction).",
    }),
    oldValue: t.expose("oldValue", { type: "JSON", nullable: true, description: "The values before." }),
    newValue: t.expose("newValue", { type: "JSON", nullable: true, description: "The values after." }),
    note: t.exposeString("note", { nullable: true, description: "Why, in the analyst's words." }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When it was made." }),
    undoneAt: t.expose("undoneAt", { type: "DateTime", nullable: true, description: "When it was undone, if it was." }),
    undoneBy: t.relation("undoneBy", { nullable: true, description: "The UNDO correction that reverted it." }),
    undoes: t.relation("undoes", { nullable: true, description: "For an UNDO, the correction it reverted." }),
  }),
});

builder.prismaObjectField("Article", "hidden", (t) =>
  t.exposeBoolean("hidden", {
    description: "Hidden by an editor (hideArticle): out of every list, count and chart, still readable by id.",
  }),
);

builder.queryField("corrections", (t) =>
  t.prismaConnection({
    type: "Correction",
    cursor: "id",
    maxSize: 100,
    defaultSize: 20,
    description: "The audit trail: every correction and undo, newest first. Page size is capped at 100.",
    totalCount: () => getPrisma().correction.count(),
    resolve: (query) => getPrisma().correction.findMany({ ...query, orderBy: { id: "desc" } }),
  }),
);

const correctionErrors = { types: [NotFoundError, InvalidCorrectionError, ConflictError] };

/** Refuses a request without the write token before anything is read or changed. */
function requireWriter(context: Context) {
  if (!context.canWrite)
    throw new GraphQLError("Corrections need the write token: send Authorization: Bearer $STORYLINE_WRITE_TOKEN.", {
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
}

async function run(context: Context, input: CorrectionInput, note: string | null | undefined): Promise<CorrectionResult> {
  requireWriter(context);
  try {
    return await correct(getPrisma(), input, note);
  } catch (error) {
    throw asSchemaError(error);
  }
}

function asSchemaError(error: unknown): unknown {
  if (!(error instanceof CorrectionError)) return error;
  if (error.problem === "NOT_FOUND") return new NotFoundError(error.typename, error.lookup);
  if (error.problem === "INVALID") return new InvalidCorrectionError(error.message);
  return new ConflictError(error.message);
}

/** An id argument, decoded; a malformed id is refused as bad input (BAD_USER_INPUT), like in every query. */
const idOf = (id: string | number, ...typenames: string[]) => decodeNodeId(id, ...typenames);
const NOTE = "Why: kept in the audit trail.";

builder.mutationType({ description: "Corrections. Every mutation needs `Authorization: Bearer $STORYLINE_WRITE_TOKEN`." });

builder.mutationFields((t) => ({
  mergeEntities: t.prismaField({
    type: "Entity",
    errors: correctionErrors,
    description:
      "Merges people, places or organisations (of one kind) into `into`: their mentions, quotes, roles and names move " +
      "to it. Names merged away resolve to `into` in articles ingested later.",
    args: {
      into: t.arg.id({ required: true, description: "The entity that stays." }),
      from: t.arg.idList({ required: true, description: "Entities merged into it and removed." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const into = idOf(args.into, "Entity", "Person");
      await run(context, { kind: "MERGE_ENTITIES", into, from: args.from.map((id) => idOf(id, "Entity", "Person")) }, args.note);
      return getPrisma().entity.findUniqueOrThrow({ ...selectingSomething(query), where: { id: into } });
    },
  }),
  updateEntity: t.prismaField({
    type: "Entity",
    errors: correctionErrors,
    description: "Renames an entity or fixes its kind (a place filed as a person). The old name resolves to it afterwards.",
    args: {
      id: t.arg.id({ required: true, description: "The entity." }),
      name: t.arg.string({ required: false, description: "Its right name." }),
      kind: t.arg({ type: EntityKindEnum, required: false, description: "Its right kind." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const id = idOf(args.id, "Entity", "Person");
      await run(context, { kind: "UPDATE_ENTITY", id, name: args.name, entityKind: args.kind }, args.note);
      return getPrisma().entity.findUniqueOrThrow({ ...selectingSomething(query), where: { id } });
    },
  }),
  setQuoteSpeaker: t.prismaField({
    type: "Quote",
    errors: correctionErrors,
    description: "Sets who said a quote; `speaker: null` leaves it unattributed.",
    args: {
      quote: t.arg.id({ required: true, description: "The quote." }),
      speaker: t.arg.id({ required: false, description: "The person or organisation who said it; null: unattributed." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const quote = idOf(args.quote, "Quote");
      const speaker = args.speaker == null ? null : idOf(args.speaker, "Entity", "Person");
      await run(context, { kind: "SET_QUOTE_SPEAKER", quote, speaker }, args.note);
      return getPrisma().quote.findUniqueOrThrow({ ...selectingSomething(query), where: { id: quote } });
    },
  }),
  rejectQuote: t.prismaField({
    type: "Article",
    errors: correctionErrors,
    description: "Marks a quote as not speech (a title, a scare quote): it leaves every list and count. Returns its article.",
    args: {
      quote: t.arg.id({ required: true, description: "The quote." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const done = await run(context, { kind: "REJECT_QUOTE", quote: idOf(args.quote, "Quote") }, args.note);
      return getPrisma().article.findUniqueOrThrow({ ...selectingSomething(query), where: { id: done.resultId ?? -1 } });
    },
  }),
  moveArticle: t.prismaField({
    type: "Article",
    errors: correctionErrors,
    description:
      "Moves an article (with its near-duplicate copies) to another event; `toEvent: null` opens an event of its own. " +
      "It stays there after a recluster.",
    args: {
      article: t.arg.id({ required: true, description: "The article." }),
      toEvent: t.arg.id({ required: false, description: "Its event; null: a new event of its own." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const article = idOf(args.article, "Article");
      const toEvent = args.toEvent == null ? null : idOf(args.toEvent, "Event");
      await run(context, { kind: "MOVE_ARTICLE", article, toEvent }, args.note);
      return getPrisma().article.findUniqueOrThrow({ ...selectingSomething(query), where: { id: article } });
    },
  }),
  mergeEvents: t.prismaField({
    type: "Event",
    errors: correctionErrors,
    description: "Merges events into `into`: their articles, participants and mentions move to it.",
    args: {
      into: t.arg.id({ required: true, description: "The event that stays." }),
      from: t.arg.idList({ required: true, description: "Events merged into it and removed." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const into = idOf(args.into, "Event");
      await run(context, { kind: "MERGE_EVENTS", into, from: args.from.map((id) => idOf(id, "Event")) }, args.note);
      return getPrisma().event.findUniqueOrThrow({ ...selectingSomething(query), where: { id: into } });
    },
  }),
  updateEvent: t.prismaField({
    type: "Event",
    errors: correctionErrors,
    description: 'Fixes an event\'s title or place (a place name; "" clears it).',
    args: {
      id: t.arg.id({ required: true, description: "The event." }),
      title: t.arg.string({ required: false, description: "Its right title." }),
      place: t.arg.string({ required: false, description: 'Where it happened; "" for nowhere known.' }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const id = idOf(args.id, "Event");
      await run(context, { kind: "UPDATE_EVENT", id, title: args.title, place: args.place }, args.note);
      return getPrisma().event.findUniqueOrThrow({ ...selectingSomething(query), where: { id } });
    },
  }),
  updateStory: t.prismaField({
    type: "Story",
    errors: correctionErrors,
    description: "Fixes a story's title.",
    args: {
      id: t.arg.id({ required: true, description: "The story." }),
      title: t.arg.string({ required: false, description: "Its right title." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const id = idOf(args.id, "Story");
      await run(context, { kind: "UPDATE_STORY", id, title: args.title }, args.note);
      return getPrisma().story.findUniqueOrThrow({ ...selectingSomething(query), where: { id } });
    },
  }),
  hideArticle: t.prismaField({
    type: "Article",
    errors: correctionErrors,
    description: "Hides an article (off-topic) from every list, count and chart, or shows it again; still readable by id.",
    args: {
      article: t.arg.id({ required: true, description: "The article." }),
      hidden: t.arg.boolean({ required: true, description: "true hides it, false shows it again." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const article = idOf(args.article, "Article");
      await run(context, { kind: "HIDE_ARTICLE", article, hidden: args.hidden }, args.note);
      return getPrisma().article.findUniqueOrThrow({ ...selectingSomething(query), where: { id: article } });
    },
  }),
  undoCorrection: t.prismaField({
    type: "Correction",
    errors: correctionErrors,
    description:
      "Reverts a correction and stops its rule; the undo is itself recorded. Returns the undone correction " +
      "(see undoneBy). A later correction of the same objects must be undone first.",
    args: {
      id: t.arg.id({ required: true, description: "The correction." }),
      note: t.arg.string({ required: false, description: NOTE }),
    },
    resolve: async (query, _p, args, context) => {
      requireWriter(context);
      const id = idOf(args.id, "Correction");
      try {
        await undoCorrection(getPrisma(), id, args.note);
      } catch (error) {
        throw asSchemaError(error);
      }
      return getPrisma().correction.findUniqueOrThrow({ ...selectingSomething(query), where: { id } });
    },
  }),
}));
