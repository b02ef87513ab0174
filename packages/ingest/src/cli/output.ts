// Writing a command's output: respects back-pressure, and treats a reader that went away (`| head -1`) as the
// end of the job, as cat and grep do: no EPIPE stack trace, exit code 0.
export class OutputClosed extends Error {
  override name = "OutputClosed";
}

export interface LineWriter {
  /** Resolves when the line is handed over; rejects with OutputClosed once the reader has gone. */
  write(text: string): Promise<void>;
  readonly closed: boolean;
}

export function lineWriter(out: NodeJS.WritableStream): LineWriter {
  let closed = false;
  const onError = (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED") closed = true;
    else throw error;
  };
  out.on("error", onError);
  return {
    get closed() {
      return closed;
    },
    async write(text: string) {
      if (closed) throw new OutputClosed();
      if (out.write(text)) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("close", done);
          out.off("error", done);
          resolve();
        };
        out.once("drain", done);
        out.once("close", done);
        out.once("error", done);
      });
      if (closed) throw new OutputClosed();
    },
  };
}

/**
 * A CSV cell. A text starting with = + - @ (or a tab or carriage return) is a formula to a spreadsheet: it
 * gets a leading apostrophe (OWASP's advice), so an exported quote cannot run in the analyst's Excel.
 * Numbers stay numbers.
 */
export function csvCell(value: string | number | boolean | null | undefined | readonly string[]): string {
  if (value == null) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  let text = Array.isArray(value) ? value.join("; ") : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
