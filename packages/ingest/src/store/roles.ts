// The cross-article role table: "russian president" on a day -> the person articles attached that role to
// around then. Loaded from RoleHolding at the start of a run and taught by every article extracted since,
// so an article can be resolved by one read minutes earlier in the same run.
import type { PrismaClient } from "@storyline/db";
import type { ExtractedDocument, RoleAliasLookup } from "../extract/types.ts";
import { entityKey } from "./reference.ts";

const SLACK_MS = 180 * 86_400_000;

/** role, holder's name, first and last day seen (ms), evidence count */
export type RoleRow = [role: string, name: string, firstSeen: number, lastSeen: number, evidence: number];

interface Holding {
  name: string;
  firstSeen: number;
  lastSeen: number;
  evidence: number;
}

export class RoleMemory {
  private readonly byRole = new Map<string, Map<string, Holding>>();

  /** What RoleHolding says, as plain rows an extraction thread can be taught. */
  static async loadRows(prisma: PrismaClient): Promise<RoleRow[]> {
    const rows = await prisma.roleHolding.findMany({
      select: { role: true, firstSeen: true, lastSeen: true, evidenceCount: true, entity: { select: { name: true } } },
    });
    return rows.map((row) => [row.role, row.entity.name, row.firstSeen.getTime(), row.lastSeen.getTime(), row.evidenceCount]);
  }

  addRows(rows: readonly RoleRow[]) {
    for (const [role, name, first, last, evidence] of rows) this.add(role, name, first, last, evidence);
  }

  /** What learn(doc) would add, as rows (for memories in other threads). */
  static rowsOf(doc: ExtractedDocument): RoleRow[] {
    const day = doc.published?.value ? Date.parse(`${doc.published.value.slice(0, 10)}T00:00:00Z`) : Number.NaN;
    if (Number.isNaN(day)) return [];
    const rows: RoleRow[] = [];
    for (const e of doc.entities)
      if (e.kind === "PERSON") for (const role of e.roles) rows.push([entityKey(role), e.name, day, day, 1]);
    return rows;
  }

  private add(role: string, name: string, first: number, last: number, evidence: number) {
    const holders = this.byRole.get(role) ?? new Map<string, Holding>();
    const h = holders.get(name);
    if (h) {
      h.firstSeen = Math.min(h.firstSeen, first);
      h.lastSeen = Math.max(h.lastSeen, last);
      h.evidence += evidence;
    } else holders.set(name, { name, firstSeen: first, lastSeen: last, evidence });
    this.byRole.set(role, holders);
  }

  /** Remembers the roles an article attached to people ("Russian President Vladimir Putin"). */
  learn(doc: ExtractedDocument) {
    this.addRows(RoleMemory.rowsOf(doc));
  }

  readonly lookup: RoleAliasLookup = (role, onDay) => {
    const holders = this.byRole.get(entityKey(role));
    if (!holders?.size) return null;
    const day = onDay ? Date.parse(`${onDay.slice(0, 10)}T00:00:00Z`) : null;
    const plausible = [...holders.values()]
      .filter((h) => day === null || Number.isNaN(day) || (h.firstSeen - SLACK_MS <= day && day <= h.lastSeen + SLACK_MS))
      .sort((a, b) => b.evidence - a.evidence);
    const [best, runnerUp] = plausible;
    // Two holders with similar evidence: the role is ambiguous then, and unknown beats wrong.
    if (!best || (runnerUp && runnerUp.evidence * 2 > best.evidence)) return null;
    return best.name;
  };
}
