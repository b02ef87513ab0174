// Outlets and entities are reference data shared by many articles: resolved once per run and cached.
// They are written outside article transactions; an outlet or entity left without articles is harmless.

import type { Prisma, PrismaClient } from "@storyline/db";
import { formalGivenName } from "../extract/entities/lexicon.ts";
import { lookupOutlet, outletSlug } from "../extract/known-outlets.ts";
import type { ExtractedEntity } from "../extract/types.ts";
import { insertRows } from "./bulk.ts";

export const entityKey = (name: string) =>
  name
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

/** "chuck schumer" -> "charles schumer": a full name's key with its given name in the formal form. */
const formalKey = (key: string) => {
  const words = key.split(" ");
  if (words.length < 2) return key;
  words[0] = formalGivenName(words[0] as string);
  return words.join(" ");
};

export class ReferenceCache {
  private outlets = new Map<string, number>();
  private outletsByInput = new Map<string, number>();
  private entities = new Map<string, number>();

  constructor(private readonly prisma: PrismaClient) {}

  /** Finds or creates the outlet for a name or domain, canonicalised through the known-outlets table. */
  async outletId(nameOrDomain: string, domainHint: string | null = null): Promise<number> {
    // Every article of an outlet asks again: answer from what this input resolved to before.
    const input = `${nameOrDomain}\u0000${domainHint ?? ""}`;
    const resolved = this.outletsByInput.get(input);
    if (resolved !== undefined) return resolved;
    const id = await this.resolveOutlet(nameOrDomain, domainHint);
    if (this.outletsByInput.size > 50_000) this.outletsByInput.clear();
    this.outletsByInput.set(input, id);
    return id;
  }

  private async resolveOutlet(nameOrDomain: string, domainHint: string | null): Promise<number> {
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
   * Finds or creates the canonical entities of a batch in a few statements. A lone surname ("Putin") joins the
   * one person already stored with that surname, so "Putin" and "Vladimir Putin" from different articles are
   * one entity. Returns "KIND:name" -> id for every entity given.
   */
  async entityIds(entities: Pick<ExtractedEntity, "kind" | "name" | "aliases" | "gender">[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const wanted = new Map<
      string,
      { kind: ExtractedEntity["kind"]; key: string; name: string; aliases: Set<string>; gender: string | null }
    >();
    for (const e of entities) {
      const key = entityKey(e.name) || e.name.toLowerCase();
      const cacheKey = `${e.kind}:${key}`;
      const cached = this.entities.get(cacheKey);
      if (cached) {
        result.set(`${e.kind}:${e.name}`, cached);
        this.noteAliases(cached, e.aliases);
        continue;
      }
      const row = wanted.get(cacheKey) ?? { kind: e.kind, key, name: e.name, aliases: new Set<string>(), gender: e.gender };
      for (const a of e.aliases) row.aliases.add(a);
      wanted.set(cacheKey, row);
    }
    const sameBatchFull = new Map<string, string>();
    if (wanted.size) {
      const surnames = [...wanted.values()].filter((w) => w.kind === "PERSON" && !w.key.includes(" "));
      if (surnames.length) {
        const fuller = await this.prisma.$queryRaw<{ id: number; key: string }[]>`
          select id, key from "Entity" where kind = 'PERSON' and key like any(${surnames.map((w) => `% ${w.key}`)}::text[])`;
        for (const w of surnames) {
          const matches = fuller.filter((f) => f.key.endsWith(` ${w.key}`));
          if (matches.length === 1 && matches[0]) {
            this.entities.set(`PERSON:${w.key}`, matches[0].id);
            wanted.delete(`PERSON:${w.key}`);
          }
        }
      }
      // A full name that differs from a stored one only by a short form of the given name ("Chuck Schumer",
      // "Charles Schumer") is that person; so are two such names in one batch.
      const fullNames = [...wanted.values()].filter((w) => w.kind === "PERSON" && w.key.includes(" "));
      if (fullNames.length) {
        const lastWords = [...new Set(fullNames.map((w) => `% ${w.key.split(" ").at(-1)}`))];
        const stored = await this.prisma.$queryRaw<{ id: number; key: string }[]>`
          select id, key from "Entity" where kind = 'PERSON' and key like any(${lastWords}::text[])`;
        const byFormal = new Map<string, number[]>();
        for (const f of stored) byFormal.set(formalKey(f.key), [...(byFormal.get(formalKey(f.key)) ?? []), f.id]);
        const firstInBatch = new Map<string, (typeof fullNames)[number]>();
        for (const w of fullNames) {
          const formal = formalKey(w.key);
          const ids = byFormal.get(formal) ?? [];
          if (ids.length === 1 && ids[0] !== undefined) {
            this.entities.set(`PERSON:${w.key}`, ids[0]);
            this.noteAliases(ids[0], [...w.aliases, w.name]);
            wanted.delete(`PERSON:${w.key}`);
            continue;
          }
          const earlier = firstInBatch.get(formal);
          if (earlier && earlier !== w) {
            for (const a of w.aliases) earlier.aliases.add(a);
            earlier.aliases.add(w.name);
            sameBatchFull.set(`PERSON:${w.key}`, `PERSON:${earlier.key}`);
            wanted.delete(`PERSON:${w.key}`);
          } else firstInBatch.set(formal, w);
        }
      }
      // A surname whose full name arrives in the same batch ("Putin" beside "Vladimir Putin") is that person.
      const sameBatch = new Map<string, string>();
      for (const w of [...wanted.values()]) {
        if (w.kind !== "PERSON" || w.key.includes(" ")) continue;
        const full = [...wanted.values()].filter((o) => o.kind === "PERSON" && o.key.endsWith(` ${w.key}`));
        if (full.length === 1 && full[0]) {
          for (const a of w.aliases) full[0].aliases.add(a);
          full[0].aliases.add(w.name);
          sameBatch.set(`PERSON:${w.key}`, `PERSON:${full[0].key}`);
          wanted.delete(`PERSON:${w.key}`);
        }
      }
      const rows = [...wanted.values()];
      await insertRows(
        this.prisma,
        "Entity",
        { kind: "enum:EntityKind", key: "text", name: "text", aliases: "text[]", gender: "text" },
        rows.map((w) => ({ kind: w.kind, key: w.key, name: w.name, aliases: [...w.aliases], gender: w.gender })),
        "on conflict (kind, key) do nothing",
      );
      const found = await this.prisma.$queryRaw<{ id: number; kind: string; key: string }[]>`
        select e.id, e.kind::text as kind, e.key from "Entity" e
        join unnest(${rows.map((w) => w.kind)}::text[], ${rows.map((w) => w.key)}::text[]) as x(kind, key)
          on e.kind::text = x.kind and e.key = x.key`;
      for (const f of found) this.entities.set(`${f.kind}:${f.key}`, f.id);
      for (const [variant, full] of [...sameBatch, ...sameBatchFull]) {
        const id = this.entities.get(full);
        if (id !== undefined) this.entities.set(variant, id);
      }
    }
    for (const e of entities) {
      const id = this.entities.get(`${e.kind}:${entityKey(e.name) || e.name.toLowerCase()}`);
      if (id !== undefined) {
        result.set(`${e.kind}:${e.name}`, id);
        this.noteAliases(id, e.aliases);
      }
    }
    return result;
  }

  /** Names an analyst merged away or renamed (corrections) resolve to the entity they were merged into. */
  redirectEntities(redirects: { kind: string; key: string; into: number }[]) {
    for (const r of redirects) this.entities.set(`${r.kind}:${r.key}`, r.into);
  }

  /** Ids of entities already stored, by kind and name; never creates. */
  async existingEntityIds(refs: { kind: string; name: string }[]): Promise<Map<string, number>> {
    const result = new Map<string, number>();
    const missing: { kind: ExtractedEntity["kind"]; key: string }[] = [];
    for (const r of refs) {
      const key = entityKey(r.name);
      const id = this.entities.get(`${r.kind}:${key}`);
      if (id !== undefined) result.set(`${r.kind}:${r.name}`, id);
      else missing.push({ kind: r.kind as ExtractedEntity["kind"], key });
    }
    if (missing.length) {
      const found = await this.prisma.entity.findMany({ where: { OR: missing }, select: { id: true, kind: true, key: true } });
      for (const f of found) this.entities.set(`${f.kind}:${f.key}`, f.id);
      for (const r of refs) {
        const id = this.entities.get(`${r.kind}:${entityKey(r.name)}`);
        if (id !== undefined) result.set(`${r.kind}:${r.name}`, id);
      }
    }
    return result;
  }

  private pendingAliases = new Map<number, Set<string>>();

  private noteAliases(id: number, aliases: string[]) {
    const set = this.pendingAliases.get(id) ?? new Set<string>();
    for (const a of aliases) set.add(a);
    this.pendingAliases.set(id, set);
  }

  /** The surface forms noted since the last call, for the batch being planned. */
  takeAliases(): Map<number, Set<string>> {
    const taken = this.pendingAliases;
    this.pendingAliases = new Map();
    return taken;
  }

  /** Adds a batch's surface forms to their entities, in one statement. */
  async flushAliases(tx: Prisma.TransactionClient, pending: Map<number, Set<string>>) {
    if (!pending.size) return;
    const ids: number[] = [];
    const aliases: string[] = [];
    for (const [id, set] of pending) {
      for (const a of set) {
        ids.push(id);
        aliases.push(a);
      }
    }
    await tx.$executeRaw`
      update "Entity" e set aliases = (select array_agg(distinct a) from unnest(e.aliases || x.seen) as a)
      from (select id, array_agg(alias) as seen from unnest(${ids}::int[], ${aliases}::text[]) as t(id, alias) group by id) x
      where e.id = x.id and not (x.seen <@ e.aliases)`;
  }
}
