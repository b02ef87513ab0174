// An input that could not become a document. Carries what the user needs: which input, which stage, why.
// Both strings are printed to terminals and stored in Postgres, so they are made safe for both here, once.
export type IngestStage = "read" | "decode" | "parse" | "extract" | "store";

const MAX_REASON_CHARS = 300;
const MAX_INPUT_CHARS = 500;

export class InputError extends Error {
  override name = "InputError";
  readonly input: string;
  readonly reason: string;
  constructor(
    input: string,
    readonly stage: IngestStage,
    reason: string,
  ) {
    const safeInput = printable(input, MAX_INPUT_CHARS);
    const safeReason = printable(reason, MAX_REASON_CHARS);
    super(`${safeInput}: ${safeReason}`);
    this.input = safeInput;
    this.reason = safeReason;
  }
}

export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Strips NUL, which PostgreSQL text cannot hold; everything else stays as written. */
export const withoutNul = (text: string): string => (text.includes("\0") ? text.replaceAll("\0", "") : text);

/**
 * One line a terminal prints as-is and PostgreSQL stores: control characters (ESC sequences would drive the
 * terminal; NUL is refused by the database) are shown as `\xNN`, line breaks become spaces, and long text is cut.
 */
export function printable(text: string, maxChars = MAX_REASON_CHARS): string {
  let out = text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, " ")
    // biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the characters to escape.
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`)
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
  if (out.length > maxChars) out = `${out.slice(0, maxChars - 1)}…`;
  return out;
}

/**
 * JSON.parse's message quotes the input ("Unexpected token 'x', "secret..." is not valid JSON"): the quoted
 * bytes are file content, which must not reach a public error list. Keeps the kind of problem only.
 */
export function jsonProblem(error: unknown): string {
  const message = reasonOf(error);
  const token = message.match(/^Unexpected token '(.{1,2})'/u);
  if (token) return `invalid JSON (unexpected character '${token[1]}')`;
  if (/Unexpected end of JSON input|Unterminated string/i.test(message)) return "invalid JSON (it ends too early)";
  const kind = message.match(
    /^(Unexpected non-whitespace character after JSON|Expected [^,"]+?|Bad control character in string literal|Bad escaped character|Unexpected number|Unexpected string)(?: in JSON)?(?: at position (\d+))?/,
  );
  if (kind) return `invalid JSON (${kind[1]!.toLowerCase()}${kind[2] ? ` at character ${Number(kind[2]) + 1}` : ""})`;
  return "invalid JSON";
}

/** PostgreSQL error codes a bad article can cause, as sentences: an operator should not have to look up 22P05. */
const DATABASE_PROBLEMS: Record<string, string> = {
  "22P05": "the article holds a character the database cannot store (an escaped NUL or similar)",
  "22021": "the article holds bytes that are not valid UTF-8",
  "22001": "a value is longer than its database column allows",
  "54000": "the article is too large for the database (a value over its size limit)",
  "23505": "the article collides with one stored at the same time (it will be picked up on the next run)",
  "40P01": "the database aborted the write to break a deadlock (it will be retried on the next run)",
  "57014": "the database cancelled the write (statement timeout)",
};

/** A store failure as one sentence, naming the database's own code only when we have no sentence for it. */
export function storeProblem(error: unknown): string {
  const message = reasonOf(error);
  const code = message.match(/\b(?:Code: `|code[ :]+["`]?)([0-9A-Z]{5})\b/)?.[1] ?? (error as { code?: unknown })?.code;
  if (typeof code === "string" && DATABASE_PROBLEMS[code]) return `could not store: ${DATABASE_PROBLEMS[code]}`;
  const last =
    message
      .split("\n")
      .filter((line) => line.trim())
      .slice(-1)[0] ?? "unknown database error";
  const detail = last.match(/Message: `(.+?)`/)?.[1] ?? last;
  return `could not store: the database refused the article (${detail}${typeof code === "string" ? `; PostgreSQL code ${code}` : ""})`;
}
