// Outlets and entities are reference data shared by many articles: resolved once per run and cached.
// They are written outside article transactions; an outlet or entity left without articles is harmless.
import type { PrismaClient } from "@storyline/db";
import { lookupOutlet, outletSlug } from "../extract/known-outlets.ts";
import type { ExtractedEntity } from "../extract/types.ts";

export const entityKey = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

export class ReferenceCache {
  private outlets = new Map<string, number>();
  private entities = new Map<string, number>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Finds or creates the outlet for a name or domain, canonicalised through the known-outlets table. */
  async outletId(nameOrDomain: string, domainHint: string | null = null): Promise<number> {
    const known = lookupOutlet(nameOrDomain) ?? (domainHint ? lookupOutlet(domainHint) : null);
    const name = known?.name ?? nameOrDomain.trim();
    const slug = outletSlug(name);
    const cached = this.outlets.get(slug);
    if (cached) return cached;
    const domain = known?.domain ?? domainHint ?? (/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(name) ? name.toLowerCase() : null);
    const existing = await this.prisma.outlet.findFirst({
      where: { OR: [{ slug }, ...(domain ? [{ domain }] : [])] },
      select: { id: true },
    });
    const id =
      existing?.id ??
      (
        await this.prisma.outlet.upsert({
          where: { slug },
          update: {},
          create: {
            name,
            slug,
            domain,
            kind: known?.kind ?? "UNKNOWN",
            country: known?.country ?? null,
            language: known?.language ?? null,
            aliases: known?.aliases ?? [],
          },
          select: { id: true },
        })
      ).id;
    this.outlets.set(slug, id);
    return id;
  }

  /**
   * Finds or creates the canonical entity. A lone surname ("Putin") joins the one person already stored
   * with that surname, so "Putin" and "Vladimir Putin" from different articles are one entity.
   */
  async entityId(entity: Pick<ExtractedEntity, "kind" | "name" | "aliases" | "gender">): Promise<number> {
    let key = entityKey(entity.name);
    const cacheKey = `${entity.kind}:${key}`;
    const cached = this.entities.get(cacheKey);
    if (cached) return cached;
    if (entity.kind === "PERSON" && !key.includes(" ")) {
      const fuller = await this.prisma.entity.findMany({
        where: { kind: "PERSON", key: { endsWith: ` ${key}` } },
        select: { id: true },
        take: 2,
      });
      if (fuller.length === 1 && fuller[0]) {
        this.entities.set(cacheKey, fuller[0].id);
        return fuller[0].id;
      }
    }
    if (!key) key = entity.name.toLowerCase();
    const row = await this.prisma.entity.upsert({
      where: { kind_key: { kind: entity.kind, key } },
      update: {},
      create: { kind: entity.kind, key, name: entity.name, aliases: entity.aliases, gender: entity.gender },
      select: { id: true, aliases: true },
    });
    const missing = entity.aliases.filter((a) => !row.aliases.includes(a));
    if (missing.length) {
      await this.prisma.entity.update({ where: { id: row.id }, data: { aliases: { push: missing } } });
    }
    this.entities.set(cacheKey, row.id);
    return row.id;
  }
}
