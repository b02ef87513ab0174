// What the public API shows of ingest errors. Reasons are written by the ingest in our own words, but rows from
// older runs quoted file bytes, and both inputs and reasons name folders of the machine that ran the ingest:
// without the write token, a path becomes its file name, control characters go, and a reason stays one line.

const MAX_REASON = 300;
/** An absolute path (POSIX or Windows), up to whitespace or a quote. */
const ABSOLUTE_PATH = /(?:[A-Za-z]:\\|\/)(?:[^\s"'`:]*[\\/])+([^\s"'`\\/:]*)/g;

/** A URL without its query (tokens ride there); a path, its last segment (a record keeps its `:line`). */
export function publicInput(input: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
    try {
      const url = new URL(input);
      return `${url.origin}${url.pathname}`;
    } catch {
      return "(a URL)";
    }
  }
  const name = input.split(/[\\/]/).filter(Boolean).pop() ?? input;
  return clean(name);
}

export function publicReason(reason: string, canWrite: boolean): string {
  const text = clean(canWrite ? reason : reason.replace(ABSOLUTE_PATH, (_m, base: string) => base || "(a folder)"));
  return text.length > MAX_REASON ? `${text.slice(0, MAX_REASON - 1)}…` : text;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
const clean = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, " ").trim();
