// A run's failed inputs, recorded in bulk and with repeats summarised: a broken feed of 100,000 empty items is
// ten error rows and one "... and 99,990 more" row, not 100,000 inserts and 100,000 terminal lines. Recording
// can never end a run: a row the database refuses is retried without its odd characters, then given up on.
import type { PrismaClient } from "@storyline/db";
import { type InputError, printable, reasonOf } from "../sources/errors.ts";

/** Individual rows kept for one kind of problem (stage + reason) before further ones are only counted. */
export const REPEATS_SHOWN = 10;
const FLUSH_EVERY = 500;

export interface ErrorRow {
  input: string;
  stage: string;
  reason: string;
}

export class IngestErrorLog {
  private pending: ErrorRow[] = [];
  private readonly groups = new Map<string, { first: ErrorRow; count: number }>();
  private unrecorded = 0;
  total = 0;

  constructor(
    private readonly prisma: PrismaClient | null,
    private readonly runId: number | null,
    private readonly warn: (message: string) => void = (m) => console.error(m),
  ) {}

  /** Counts the error; returns it as a row when it is to be shown and stored one by one, null when it is a repeat. */
  add(error: InputError): ErrorRow | null {
    this.total++;
    const row = { input: error.input, stage: error.stage, reason: error.reason };
    const key = `${row.stage}\n${row.reason}`;
    const group = this.groups.get(key);
    if (group) group.count++;
    else this.groups.set(key, { first: row, count: 1 });
    if ((group?.count ?? 1) > REPEATS_SHOWN) return null;
    this.pending.push(row);
    return row;
  }

  /** One row per kind of problem that repeated past REPEATS_SHOWN, saying how many more there were. */
  repeats(): ErrorRow[] {
    return [...this.groups.values()]
      .filter((g) => g.count > REPEATS_SHOWN)
      .map(({ first, count }) => ({
        input: `${count - REPEATS_SHOWN} more inputs`,
        stage: first.stage,
        reason: `${first.reason} (repeated ${count} times in all; the first ${REPEATS_SHOWN} are listed)`,
      }));
  }

  async flushIfFull(): Promise<void> {
    if (this.pending.length >= FLUSH_EVERY) await this.flush();
  }

  async flush(final = false): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (final) rows.push(...this.repeats());
    if (!this.prisma || this.runId === null || rows.length === 0) return;
    const runId = this.runId;
    try {
      await this.prisma.ingestError.createMany({ data: rows.map((r) => ({ runId, ...r })) });
    } catch {
      for (const row of rows) {
        const safe = { runId, input: printable(row.input, 500), stage: row.stage, reason: printable(row.reason) };
        await this.prisma.ingestError.create({ data: safe }).catch((error: unknown) => {
          this.unrecorded++;
          if (this.unrecorded === 1)
            this.warn(`storyline: could not record an error row (${printable(reasonOf(error))}); the run goes on`);
        });
      }
    }
  }
}
