// Local files, read safely: regular files only (a device or FIFO never ends), with byte caps counted as the
// bytes arrive (stat().size is 0 for /dev/zero and /proc files), and folders walked so that every entry is
// accounted for: taken, skipped with a reason, or failed with one. Paths travel as Buffers so a file name
// that is not UTF-8 is still opened by its real bytes.
import { constants } from "node:fs";
import { type FileHandle, lstat, open, readdir, realpath, stat } from "node:fs/promises";
import { extname, isAbsolute, relative, sep } from "node:path";
import picomatch from "picomatch";
import { printable } from "./errors.ts";

/** A file found in a folder or named by the user: its real path bytes and how to show it. */
export interface LocalFile {
  path: Buffer;
  display: string;
  /** Lower-cased extension with the dot ("" when none). */
  ext: string;
}

export type WalkEntry = { file: LocalFile } | { skipped: string; reason: string } | { failed: string; reason: string };

export const SUPPORTED_EXTENSIONS = [
  ".txt",
  ".text",
  ".html",
  ".htm",
  ".xhtml",
  ".json",
  ".jsonl",
  ".ndjson",
  ".xml",
  ".rss",
  ".atom",
];

/** Shows path bytes as text: valid UTF-8 as written, other bytes as \xNN, control characters escaped. */
export function displayPath(path: Buffer): string {
  const text = path.toString("utf8");
  if (Buffer.from(text, "utf8").equals(path)) return printable(text, 1000);
  let out = "";
  for (const byte of path)
    out += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, "0")}`;
  return out;
}

export function localFile(path: Buffer | string): LocalFile {
  const bytes = typeof path === "string" ? Buffer.from(path) : path;
  const display = displayPath(bytes);
  return { path: bytes, display, ext: extname(bytes.toString("utf8")).toLowerCase() };
}

export function fileProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "ELOOP":
      return "symbolic link loop";
    case "EISDIR":
      return "is a folder";
    case "ENAMETOOLONG":
      return "file name too long";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "input/output error reading the file";
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

interface WalkOptions {
  include?: string[];
  exclude?: string[];
}

/**
 * Every entry below `root`, in name order. Hidden files and folders (a dot first) and files of other types
 * are skipped and said so; unreadable folders, broken links and link loops are failures with a reason.
 * Globs match the path relative to the root, case-insensitively (UPPER.TXT is a text file).
 */
export async function* walkFolder(root: Buffer, options: WalkOptions = {}): AsyncGenerator<WalkEntry> {
  const include = options.include?.length
    ? picomatch(options.include, { nocase: true, dot: true })
    : (path: string) => SUPPORTED_EXTENSIONS.includes(extname(path).toLowerCase());
  const exclude = options.exclude?.length ? picomatch(options.exclude, { nocase: true, dot: true }) : () => false;
  const visited = new Set<string>();
  const rootReal = await realpath(root).catch(() => root);
  visited.add(rootReal.toString("hex"));

  async function* walk(dir: Buffer): AsyncGenerator<WalkEntry> {
    let names: Buffer[];
    try {
      names = await readdir(dir, { encoding: "buffer" });
    } catch (error) {
      yield { failed: displayPath(dir), reason: `cannot list the folder: ${fileProblem(error)}` };
      return;
    }
    names.sort(Buffer.compare);
    for (const name of names) {
      const path = Buffer.concat([dir, Buffer.from(sep), name]);
      const shown = displayPath(path);
      const rel = relative(root.toString("utf8"), path.toString("utf8"));
      if (name[0] === 0x2e /* . */) {
        yield { skipped: shown, reason: "hidden (its name starts with a dot); name it to ingest it" };
        continue;
      }
      let info: Awaited<ReturnType<typeof lstat>>;
      try {
        info = await lstat(path);
        if (info.isSymbolicLink()) info = await stat(path);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        yield { failed: shown, reason: code === "ENOENT" ? "broken symbolic link (its target is missing)" : fileProblem(error) };
        continue;
      }
      if (info.isDirectory()) {
        if (exclude(rel) || exclude(`${rel}/`)) {
          yield { skipped: shown, reason: "excluded by --exclude" };
          continue;
        }
        const real = await realpath(path).catch(() => path);
        const key = real.toString("hex");
        if (visited.has(key)) {
          yield { failed: shown, reason: "symbolic link loop (this folder was already read)" };
          continue;
        }
        visited.add(key);
        yield* walk(path);
      } else if (!info.isFile()) {
        yield { failed: shown, reason: "not a regular file (a device, socket or pipe); only files are read" };
      } else if (exclude(rel)) {
        yield { skipped: shown, reason: "excluded by --exclude" };
      } else if (!include(rel)) {
        const ext = extname(rel).toLowerCase();
        yield {
          skipped: shown,
          reason: options.include?.length
            ? "not matched by --include"
            : `not a supported type (${ext || "no extension"}); supported: ${SUPPORTED_EXTENSIONS.join(" ")}`,
        };
      } else yield { file: localFile(path) };
    }
  }
  yield* walk(root);
}

export class TooLargeError extends Error {
  override name = "TooLargeError";
}

/**
 * Opens a regular file for reading. O_NONBLOCK keeps open() from hanging on a FIFO; the fstat after opening
 * checks the file actually opened, not what the name pointed at a moment before.
 */
export async function openRegularFile(path: Buffer): Promise<FileHandle> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw Object.assign(new Error("is a folder"), { code: "EISDIR" });
    if (!info.isFile()) throw new Error("not a regular file (a device, socket or pipe); only files are read");
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** The whole file, or a TooLargeError once more than `maxBytes` arrived (whatever stat said the size was). */
export async function readCapped(path: Buffer, maxBytes: number): Promise<Buffer> {
  const handle = await openRegularFile(path);
  try {
    // stat's size sizes the first read (one read for an ordinary file); devices and /proc files report 0, so
    // what arrives is still counted against the cap.
    const { size } = await handle.stat();
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const want = total === 0 && size > 0 ? size + 1 : 1 << 16;
      const chunk = Buffer.allocUnsafe(Math.min(want, 1 << 20, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > maxBytes) throw new TooLargeError(`file is over the ${mb(maxBytes)} cap (raise it with --max-file-size)`);
      chunks.push(bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * A stream's lines, each at most `maxLineBytes`: a longer line is not buffered whole but skipped to its end and
 * reported as `{ tooLong: bytes }`, so one 50 MB line cannot become a 50-million-character article.
 */
export async function* cappedLines(
  chunks: AsyncIterable<Buffer | string>,
  maxLineBytes: number,
): AsyncGenerator<{ line: string; number: number } | { tooLong: number; number: number }> {
  let parts: Buffer[] = [];
  let length = 0;
  let overflow = 0;
  let number = 0;
  const finish = function* (): Generator<{ line: string; number: number } | { tooLong: number; number: number }> {
    number++;
    if (overflow > 0) yield { tooLong: overflow, number };
    else {
      let line = Buffer.concat(parts, length).toString("utf8");
      if (line.endsWith("\r")) line = line.slice(0, -1);
      yield { line, number };
    }
    parts = [];
    length = 0;
    overflow = 0;
  };
  for await (const raw of chunks) {
    let chunk = typeof raw === "string" ? Buffer.from(raw) : raw;
    for (let at = chunk.indexOf(0x0a); at !== -1; at = chunk.indexOf(0x0a)) {
      take(chunk.subarray(0, at));
      yield* finish();
      chunk = chunk.subarray(at + 1);
    }
    take(chunk);
  }
  if (length > 0 || overflow > 0) yield* finish();

  function take(piece: Buffer) {
    if (piece.length === 0) return;
    if (overflow > 0 || length + piece.length > maxLineBytes) {
      overflow += length + piece.length;
      parts = [];
      length = 0;
      return;
    }
    parts.push(Buffer.from(piece));
    length += piece.length;
  }
}

/**
 * Resolves a record's `file` field inside `root`: relative paths from the root, absolute ones only when they
 * lie inside it, and the real path (links followed) must stay inside the real root too.
 */
export async function resolveInside(root: string, file: string): Promise<{ path: string } | { refused: string }> {
  const target = isAbsolute(file) ? file : `${root}${sep}${file}`;
  const lexical = relative(root, target);
  if (isOutside(lexical)) {
    return {
      refused: `"file" must name a file inside ${displayPath(Buffer.from(root))}; "${printable(file, 200)}" is outside it`,
    };
  }
  const [realRoot, realTarget] = await Promise.all([realpath(root).catch(() => root), realpath(target).catch(() => null)]);
  if (realTarget !== null) {
    const real = relative(realRoot, realTarget);
    if (isOutside(real)) {
      return { refused: `"file" ${printable(file, 200)} links to a place outside ${displayPath(Buffer.from(root))}` };
    }
  }
  return { path: target };
}

const isOutside = (rel: string) => rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel);

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
