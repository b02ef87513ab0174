// Turns what the user named (files, directories, JSON/JSONL, feeds, URLs, stdin) into a stream of raw
// documents. Streaming keeps memory flat in corpus size; a bad input becomes an InputError, never a crash.
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { dirname, extname, isAbsolute, resolve } from "node:path";
import { createInterface } from "node:readline";
import { glob } from "tinyglobby";
import type { InputKind, RawDocument } from "../extract/types.ts";
import { decodeBytes } from "./decode.ts";
import { InputError, reasonOf } from "./errors.ts";
import { looksLikeFeed, parseFeed } from "./feeds.ts";
import { fetchPage } from "./fetch.ts";
import { ArticleRecord, describeZodError } from "./records.ts";

export type SourceItem = { doc: RawDocument } | { error: InputError };

export interface ReadOptions {
  include?: string[];
  exclude?: string[];
  /** Largest single file or page read whole, in bytes; JSONL files stream and have no cap. */
  maxFileBytes?: number;
  fetchTimeoutMs?: number;
  userAgent?: string;
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_INCLUDE = ["**/*.{txt,text,html,htm,xhtml,json,jsonl,ndjson,xml,rss,atom}"];
export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

const TEXT_EXT = new Set([".txt", ".text"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);
const FEED_EXT = new Set([".xml", ".rss", ".atom"]);

export async function* readInputs(specs: string[], options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  for (const spec of specs) {
    if (spec === "-") {
      yield* fromStdin(options);
    } else if (/^https?:\/\//i.test(spec)) {
      yield* fromUrl(spec, options);
    } else {
      yield* fromPath(spec, options);
    }
  }
}

async function* fromPath(spec: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(spec);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? "no such file or directory" : code === "EACCES" ? "permission denied" : reasonOf(error);
    yield { error: new InputError(spec, "read", reason) };
    return;
  }
  if (info.isDirectory()) {
    const files = await glob(options.include ?? DEFAULT_INCLUDE, {
      cwd: spec,
      ignore: options.exclude ?? [],
      absolute: false,
      dot: false,
    });
    files.sort();
    for (const file of files) yield* fromFile(resolve(spec, file), options);
    return;
  }
  yield* fromFile(spec, options);
}

async function* fromFile(path: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  const ext = extname(path).toLowerCase();
  if (JSONL_EXT.has(ext)) {
    yield* fromJsonlStream(createReadStream(path), path, options);
    return;
  }
  const cap = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const { size } = await stat(path);
    if (size > cap) {
      yield {
        error: new InputError(path, "read", `file is ${mb(size)}, over the ${mb(cap)} cap (raise it with --max-file-size)`),
      };
      return;
    }
    bytes = await readFile(path);
  } catch (error) {
    yield { error: new InputError(path, "read", reasonOf(error)) };
    return;
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    yield { error: new InputError(path, "read", "file is empty") };
    return;
  }
  yield* fromBytes(bytes, path, options, { ext });
}

async function* fromBytes(
  bytes: Buffer,
  origin: string,
  options: ReadOptions,
  hint: { ext?: string; contentType?: string | null; url?: string | null; inputKind?: InputKind },
): AsyncGenerator<SourceItem> {
  let content: string;
  try {
    content = decodeBytes(bytes, { contentType: hint.contentType ?? null, filename: origin }).text;
  } catch (error) {
    yield { error: new InputError(origin, "decode", reasonOf(error)) };
    return;
  }
  const ext = hint.ext ?? "";
  const head = content.trimStart().slice(0, 1);
  const contentType = hint.contentType?.toLowerCase() ?? "";
  if (ext === ".json" || contentType.includes("json") || (!ext && head === "[")) {
    yield* fromJsonDocument(content, origin, options);
  } else if (FEED_EXT.has(ext) || contentType.includes("rss") || contentType.includes("atom") || looksLikeFeed(content)) {
    yield* fromFeed(content, origin, hint.inputKind ?? "FEED");
  } else if (!ext && head === "{") {
    yield* fromJsonlLines(content.split("\n"), origin, options);
  } else {
    const html =
      HTML_EXT.has(ext) ||
      contentType.includes("html") ||
      (!TEXT_EXT.has(ext) && /^\s*<(!doctype|html|head|body)/i.test(content));
    const inputKind: InputKind = hint.inputKind ?? (html ? "HTML" : "TEXT");
    yield {
      doc: {
        id: hint.url ?? origin,
        format: html ? "html" : "text",
        content,
        url: hint.url ?? null,
        meta: {},
        inputKind,
        origin,
      },
    };
  }
}

async function* fromJsonDocument(content: string, origin: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    yield { error: new InputError(origin, "parse", `invalid JSON: ${reasonOf(error)}`) };
    return;
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  for (const [index, record] of records.entries()) {
    yield* fromRecord(record, `${origin}#${index + 1}`, dirname(origin), options, "JSON");
  }
}

async function* fromJsonlStream(stream: NodeJS.ReadableStream, origin: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  const lines = createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber++;
      yield* fromJsonlLine(line, origin, lineNumber, options);
    }
  } catch (error) {
    yield { error: new InputError(origin, "read", reasonOf(error)) };
  }
}

async function* fromJsonlLines(lines: string[], origin: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  for (const [index, line] of lines.entries()) yield* fromJsonlLine(line, origin, index + 1, options);
}

async function* fromJsonlLine(
  line: string,
  origin: string,
  lineNumber: number,
  options: ReadOptions,
): AsyncGenerator<SourceItem> {
  if (!line.trim()) return;
  const where = `${origin}:${lineNumber}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (error) {
    yield { error: new InputError(where, "parse", `invalid JSON: ${reasonOf(error)}`) };
    return;
  }
  yield* fromRecord(parsed, where, origin === "stdin" ? process.cwd() : dirname(origin), options, "JSONL");
}

async function* fromRecord(
  value: unknown,
  where: string,
  baseDir: string,
  options: ReadOptions,
  inputKind: InputKind,
): AsyncGenerator<SourceItem> {
  const parsed = ArticleRecord.safeParse(value);
  if (!parsed.success) {
    yield { error: new InputError(where, "parse", `bad record: ${describeZodError(parsed.error)}`) };
    return;
  }
  const record = parsed.data;
  const id = record.id ?? record.url ?? where;
  const meta = {
    title: record.title ?? null,
    publishedAt: record.publishedAt ?? record.date ?? null,
    modifiedAt: record.modifiedAt ?? null,
    outlet: record.outlet ?? record.source ?? null,
    authors: record.authors ?? null,
    language: record.language ?? null,
  };
  if (record.file) {
    const path = isAbsolute(record.file) ? record.file : resolve(baseDir, record.file);
    for await (const item of fromFile(path, options)) {
      if ("error" in item) yield { error: new InputError(`${where} (${record.file})`, item.error.stage, item.error.reason) };
      else yield { doc: { ...item.doc, id, url: record.url ?? null, meta, inputKind, origin: where } };
    }
    return;
  }
  const html = record.html != null;
  // A headline-only item (common in feeds and wire dumps) is still a report: its headline is its text.
  const content = ((html ? record.html : record.text) ?? "").trim() || (record.title ?? "");
  if (!content.trim()) {
    yield { error: new InputError(where, "parse", `record ${id} has an empty ${html ? "html" : "text"} field`) };
    return;
  }
  yield { doc: { id, format: html ? "html" : "text", content, url: record.url ?? null, meta, inputKind, origin: where } };
}

async function* fromFeed(content: string, origin: string, inputKind: InputKind): AsyncGenerator<SourceItem> {
  let items: ReturnType<typeof parseFeed>;
  try {
    items = parseFeed(content);
  } catch (error) {
    yield { error: new InputError(origin, "parse", reasonOf(error)) };
    return;
  }
  if (items.length === 0) yield { error: new InputError(origin, "parse", "feed has no items") };
  for (const item of items) {
    if (!item.html?.trim()) {
      yield { error: new InputError(`${origin} ${item.id}`, "parse", "feed item has no content or description") };
      continue;
    }
    yield {
      doc: {
        id: item.id,
        format: "html",
        content: item.html,
        url: item.url,
        meta: {
          title: item.title,
          publishedAt: item.publishedAt,
          modifiedAt: item.modifiedAt,
          authors: item.authors.length ? item.authors : null,
          outlet: item.feedTitle,
          fromFeed: true,
        },
        inputKind,
        origin: `${origin} ${item.id}`,
      },
    };
  }
}

async function* fromUrl(url: string, options: ReadOptions): AsyncGenerator<SourceItem> {
  let page: Awaited<ReturnType<typeof fetchPage>>;
  try {
    page = await fetchPage(url, {
      timeoutMs: options.fetchTimeoutMs ?? 20_000,
      maxBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      userAgent: options.userAgent,
    });
  } catch (error) {
    yield { error: new InputError(url, "read", reasonOf(error)) };
    return;
  }
  yield* fromBytes(page.bytes, url, options, { contentType: page.contentType, url: page.finalUrl, inputKind: "URL" });
}

async function* fromStdin(options: ReadOptions): AsyncGenerator<SourceItem> {
  const stream = options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  const bytes = Buffer.concat(chunks);
  if (!bytes.toString("utf8").trim()) {
    yield { error: new InputError("stdin", "read", "nothing on standard input") };
    return;
  }
  yield* fromBytes(bytes, "stdin", options, { inputKind: "STDIN" });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
