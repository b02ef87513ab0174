// Turns what the user named (files, directories, JSON/JSONL, feeds, URLs, stdin) into a stream of raw
// documents. Streaming keeps memory flat in corpus size; a bad input becomes an InputError, never a crash,
// and every input is accounted for: a document, an error, or a skip with its reason.
import { lstat, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import type { InputKind, RawDocument } from "../extract/types.ts";
import { decodeBytes } from "./decode.ts";
import { InputError, jsonProblem, printable, reasonOf, withoutNul } from "./errors.ts";
import { looksLikeFeed, parseFeed } from "./feeds.ts";
import { fetchPage } from "./fetch.ts";
import {
  cappedLines,
  fileProblem,
  type LocalFile,
  localFile,
  mb,
  openRegularFile,
  readCapped,
  resolveInside,
  TooLargeError,
  walkFolder,
} from "./files.ts";
import { ArticleRecord, describeZodError } from "./records.ts";

export type SourceItem = { doc: RawDocument } | { error: InputError } | { skipped: { input: string; reason: string } };

export interface ReadOptions {
  include?: string[];
  exclude?: string[];
  /** Largest single file, page, stdin or JSONL record read, in bytes (JSONL files stream; each line is capped). */
  maxFileBytes?: number;
  fetchTimeoutMs?: number;
  userAgent?: string;
  stdin?: NodeJS.ReadableStream;
}

export const DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024;

const TEXT_EXT = new Set([".txt", ".text"]);
const HTML_EXT = new Set([".html", ".htm", ".xhtml"]);
const JSONL_EXT = new Set([".jsonl", ".ndjson"]);
const FEED_EXT = new Set([".xml", ".rss", ".atom"]);

/**
 * Where a record's `file` field may point: inside this folder (the one the user named, or the folder of the
 * JSON file they named). `null`: nowhere; records fetched from a URL never name local files.
 */
type FileRoot = string | null;

interface Context {
  options: ReadOptions;
  cap: number;
}

export async function* readInputs(specs: string[], options: ReadOptions = {}): AsyncGenerator<SourceItem> {
  const context: Context = { options, cap: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES };
  for (const spec of specs) {
    if (spec === "-") {
      yield* fromStdin(context);
    } else if (/^https?:\/\//i.test(spec)) {
      yield* fromUrl(spec, context);
    } else {
      yield* fromPath(spec, context);
    }
  }
}

async function* fromPath(spec: string, context: Context): AsyncGenerator<SourceItem> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(spec);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const dangling =
      code === "ENOENT" &&
      (await lstat(spec).then(
        (l) => l.isSymbolicLink(),
        () => false,
      ));
    yield { error: new InputError(spec, "read", dangling ? "broken symbolic link (its target is missing)" : fileProblem(error)) };
    return;
  }
  if (info.isDirectory()) {
    const root = resolve(spec);
    let taken = 0;
    for await (const entry of walkFolder(Buffer.from(root), context.options)) {
      if ("file" in entry) {
        taken++;
        yield* fromFile(entry.file, context, root);
      } else if ("skipped" in entry) yield { skipped: { input: entry.skipped, reason: entry.reason } };
      else yield { error: new InputError(entry.failed, "read", entry.reason) };
    }
    if (taken === 0) yield { skipped: { input: spec, reason: "the folder holds no file Storyline reads" } };
    return;
  }
  yield* fromFile(localFile(spec), context, dirname(resolve(spec)));
}

async function* fromFile(file: LocalFile, context: Context, fileRoot: FileRoot): AsyncGenerator<SourceItem> {
  const origin = file.display;
  if (JSONL_EXT.has(file.ext)) {
    let handle: Awaited<ReturnType<typeof openRegularFile>>;
    try {
      handle = await openRegularFile(file.path);
    } catch (error) {
      yield { error: new InputError(origin, "read", fileProblem(error)) };
      return;
    }
    try {
      yield* fromJsonlChunks(handle.createReadStream({ autoClose: false }), origin, context, fileRoot);
    } finally {
      await handle.close().catch(() => {});
    }
    return;
  }
  let bytes: Buffer;
  try {
    bytes = await readCapped(file.path, context.cap);
  } catch (error) {
    yield { error: new InputError(origin, "read", error instanceof TooLargeError ? error.message : fileProblem(error)) };
    return;
  }
  if (bytes.length === 0 || bytes.toString("utf8").trim() === "") {
    yield { error: new InputError(origin, "read", "file is empty") };
    return;
  }
  yield* fromBytes(bytes, origin, context, { ext: file.ext, fileRoot });
}

async function* fromBytes(
  bytes: Buffer,
  origin: string,
  context: Context,
  hint: { ext?: string; contentType?: string | null; url?: string | null; inputKind?: InputKind; fileRoot: FileRoot },
): AsyncGenerator<SourceItem> {
  let content: string;
  try {
    content = withoutNul(decodeBytes(bytes, { contentType: hint.contentType ?? null, filename: origin }).text);
  } catch (error) {
    yield { error: new InputError(origin, "decode", reasonOf(error)) };
    return;
  }
  const ext = hint.ext ?? "";
  const head = content.trimStart().slice(0, 1);
  const contentType = hint.contentType?.toLowerCase() ?? "";
  if (ext === ".json" || contentType.includes("json") || (!ext && head === "[")) {
    yield* fromJsonDocument(content, origin, context, hint.fileRoot);
  } else if (FEED_EXT.has(ext) || contentType.includes("rss") || contentType.includes("atom") || looksLikeFeed(content)) {
    yield* fromFeed(content, origin, hint.inputKind ?? "FEED");
  } else if (!ext && head === "{") {
    yield* fromJsonlChunks([content], origin, context, hint.fileRoot);
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

async function* fromJsonDocument(
  content: string,
  origin: string,
  context: Context,
  fileRoot: FileRoot,
): AsyncGenerator<SourceItem> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(content);
  } catch (error) {
    yield { error: new InputError(origin, "parse", jsonProblem(error)) };
    return;
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  if (records.length === 0) yield { error: new InputError(origin, "parse", "the JSON array holds no records") };
  for (const [index, record] of records.entries()) {
    yield* fromRecord(record, `${origin}#${index + 1}`, context, fileRoot, "JSON");
  }
}

async function* fromJsonlChunks(
  chunks: AsyncIterable<Buffer | string> | Iterable<string>,
  origin: string,
  context: Context,
  fileRoot: FileRoot,
): AsyncGenerator<SourceItem> {
  let records = 0;
  try {
    const iterable = Symbol.asyncIterator in chunks ? chunks : toAsync(chunks);
    for await (const item of cappedLines(iterable, context.cap)) {
      const where = `${origin}:${item.number}`;
      if ("tooLong" in item) {
        records++;
        yield {
          error: new InputError(where, "read", `line is over the ${mb(context.cap)} record cap (raise it with --max-file-size)`),
        };
        continue;
      }
      const line = withoutNul(item.line);
      if (!line.trim()) continue;
      records++;
      let parsed: unknown;
      try {
        parsed = JSON.parse(line);
      } catch (error) {
        yield { error: new InputError(where, "parse", jsonProblem(error)) };
        continue;
      }
      yield* fromRecord(parsed, where, context, fileRoot, "JSONL");
    }
  } catch (error) {
    yield { error: new InputError(origin, "read", fileProblem(error)) };
    return;
  }
  if (records === 0) yield { error: new InputError(origin, "read", "file is empty (no JSON lines)") };
}

async function* toAsync<T>(items: Iterable<T>): AsyncGenerator<T> {
  yield* items;
}

const clean = (value: string | null | undefined): string | null => (value == null ? null : withoutNul(value));

async function* fromRecord(
  value: unknown,
  where: string,
  context: Context,
  fileRoot: FileRoot,
  inputKind: InputKind,
): AsyncGenerator<SourceItem> {
  const parsed = ArticleRecord.safeParse(value);
  if (!parsed.success) {
    yield { error: new InputError(where, "parse", `bad record: ${describeZodError(parsed.error)}`) };
    return;
  }
  const record = parsed.data;
  const id = clean(record.id ?? record.url) ?? where;
  const url = clean(record.url);
  const meta = {
    title: clean(record.title),
    publishedAt: clean(record.publishedAt ?? record.date),
    modifiedAt: clean(record.modifiedAt),
    outlet: clean(record.outlet ?? record.source),
    authors: record.authors?.map(withoutNul) ?? null,
    language: clean(record.language),
  };
  if (record.file != null) {
    const file = withoutNul(record.file);
    if (fileRoot === null) {
      yield {
        error: new InputError(
          where,
          "read",
          `records fetched from a URL may not name local files ("file": ${printable(JSON.stringify(file), 200)})`,
        ),
      };
      return;
    }
    const inside = await resolveInside(fileRoot, file);
    if ("refused" in inside) {
      yield { error: new InputError(where, "read", inside.refused) };
      return;
    }
    for await (const item of fromFile(localFile(inside.path), context, fileRoot)) {
      if ("error" in item) yield { error: new InputError(`${where} (${file})`, item.error.stage, item.error.reason) };
      else if ("doc" in item) yield { doc: { ...item.doc, id, url, meta, inputKind, origin: where } };
    }
    return;
  }
  const html = record.html != null;
  // A headline-only item (common in feeds and wire dumps) is still a report: its headline is its text.
  const content = withoutNul(((html ? record.html : record.text) ?? "").trim() || (record.title ?? ""));
  if (!content.trim()) {
    yield { error: new InputError(where, "parse", `record ${id} has an empty ${html ? "html" : "text"} field`) };
    return;
  }
  yield { doc: { id, format: html ? "html" : "text", content, url, meta, inputKind, origin: where } };
}

async function* fromFeed(content: string, origin: string, inputKind: InputKind): AsyncGenerator<SourceItem> {
  let items: ReturnType<typeof parseFeed>;
  try {
    items = parseFeed(content);
  } catch (error) {
    yield { error: new InputError(origin, "parse", `not a readable feed: ${reasonOf(error)}`) };
    return;
  }
  if (items.length === 0) yield { error: new InputError(origin, "parse", "feed has no items") };
  for (const item of items) {
    const where = `${origin} ${item.id}`;
    if (!item.html?.trim()) {
      yield { error: new InputError(where, "parse", "feed item has no content or description") };
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
        origin: where,
      },
    };
  }
}

async function* fromUrl(url: string, context: Context): AsyncGenerator<SourceItem> {
  let page: Awaited<ReturnType<typeof fetchPage>>;
  try {
    page = await fetchPage(url, {
      timeoutMs: context.options.fetchTimeoutMs ?? 20_000,
      maxBytes: context.cap,
      userAgent: context.options.userAgent,
    });
  } catch (error) {
    yield { error: new InputError(url, "read", reasonOf(error)) };
    return;
  }
  // fileRoot null: a record fetched from the network must never make us read a local file.
  yield* fromBytes(page.bytes, url, context, {
    contentType: page.contentType,
    url: page.finalUrl,
    inputKind: "URL",
    fileRoot: null,
  });
}

async function* fromStdin(context: Context): AsyncGenerator<SourceItem> {
  const stream = context.options.stdin ?? process.stdin;
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += bytes.length;
    if (total > context.cap) {
      yield {
        error: new InputError(
          "stdin",
          "read",
          `standard input is over the ${mb(context.cap)} cap (raise it with --max-file-size)`,
        ),
      };
      return;
    }
    chunks.push(bytes);
  }
  const bytes = Buffer.concat(chunks);
  if (!bytes.toString("utf8").trim()) {
    yield { error: new InputError("stdin", "read", "nothing on standard input") };
    return;
  }
  // Records piped in may name files under the current folder, as a JSONL file may name files beside it.
  yield* fromBytes(bytes, "stdin", context, { inputKind: "STDIN", fileRoot: process.cwd() });
}
