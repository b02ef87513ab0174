// ISO 8601 scalars. Article dates are wall-clock "as written" (no zone), so they get their own scalar
// rather than pretending to be UTC instants.
import { GraphQLError, Kind } from "graphql";
import { JSONResolver } from "graphql-scalars";
import { builder } from "./builder.ts";

const pad = (n: number) => String(n).padStart(2, "0");
const isoDay = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const isoLocal = (d: Date) => `${isoDay(d)}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;

function parseIso(value: unknown, scalar: string, pattern: RegExp): Date {
  if (typeof value !== "string" || !pattern.test(value)) {
    throw new GraphQLError(`${scalar} must be an ISO 8601 string, got ${JSON.stringify(value)}`);
  }
  const date = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(value) || value.length === 10 ? value : `${value}Z`);
  if (Number.isNaN(date.getTime())) throw new GraphQLError(`${scalar} is not a real date: ${value}`);
  return date;
}

builder.scalarType("DateTime", {
  description: "An instant, ISO 8601 in UTC, e.g. 2026-11-22T10:15:00.000Z.",
  serialize: (d) => d.toISOString(),
  parseValue: (v) => parseIso(v, "DateTime", /^\d{4}-\d\d-\d\dT\d\d:\d\d/),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : null, "DateTime", /^\d{4}-\d\d-\d\dT/),
});

builder.scalarType("LocalDateTime", {
  description:
    "A wall-clock date and time as the source wrote it, ISO 8601 without a zone, e.g. 2018-12-02T01:05:00. " +
    "Never shifted to UTC; the offset, when known, is a separate field.",
  serialize: (d) => isoLocal(d),
  parseValue: (v) => parseIso(v, "LocalDateTime", /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?)?$/),
  parseLiteral: (ast) =>
    parseIso(ast.kind === Kind.STRING ? ast.value : null, "LocalDateTime", /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d)?)?$/),
});

builder.scalarType("Date", {
  description: "A calendar day, ISO 8601, e.g. 2018-09-12.",
  serialize: (d) => isoDay(d),
  parseValue: (v) => parseIso(v, "Date", /^\d{4}-\d\d-\d\d$/),
  parseLiteral: (ast) => parseIso(ast.kind === Kind.STRING ? ast.value : null, "Date", /^\d{4}-\d\d-\d\d$/),
});

builder.addScalarType("JSON", JSONResolver, {
  description: "Any JSON value: a correction's old and new values.",
});

export { isoDay, isoLocal };
