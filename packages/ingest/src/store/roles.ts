// The cross-article role table as a lookup for extraction: "russian president" on a day -> the person
// most often seen holding that role around then.
import type { PrismaClient } from "@storyline/db";
import type { RoleAliasLookup } from "../extract/types.ts";
import { entityKey } from "./reference.ts";

const SLACK_MS = 180 * 86_400_000;

export async function loadRoleLookup(prisma: PrismaClient): Promise<RoleAliasLookup> {
  const rows = await prisma.roleHolding.findMany({
    where: { evidenceCount: { gte: 2 } },
    select: { role: true, firstSeen: true, lastSeen: true, evidenceCount: true, entity: { select: { name: true } } },
  });
  const byRole = new Map<string, typeof rows>();
  for (const row of rows) byRole.set(row.role, [...(byRole.get(row.role) ?? []), row]);
  return (role, onDay) => {
    const holders = byRole.get(entityKey(role));
    if (!holders?.length) return null;
    const day = onDay ? new Date(`${onDay.slice(0, 10)}T00:00:00Z`).getTime() : null;
    const plausible = holders
      .filter((h) => day === null || (h.firstSeen.getTime() - SLACK_MS <= day && day <= h.lastSeen.getTime() + SLACK_MS))
      .sort((a, b) => b.evidenceCount - a.evidenceCount);
    const [best, runnerUp] = plausible;
    // Two holders with similar evidence: the role is ambiguous then, and unknown beats wrong.
    if (!best || (runnerUp && runnerUp.evidenceCount * 2 > best.evidenceCount)) return null;
    return best.entity.name;
  };
}
