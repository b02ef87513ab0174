// JSON and JSONL records: {id, url, title, text | html | file, publishedAt, outlet, authors}.
import { z } from "zod";

export const ArticleRecord = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String).optional(),
    url: z.string().nullish(),
    title: z.string().nullish(),
    text: z.string().nullish(),
    html: z.string().nullish(),
    file: z.string().nullish(),
    publishedAt: z.string().nullish(),
    date: z.string().nullish(),
    modifiedAt: z.string().nullish(),
    outlet: z.string().nullish(),
    source: z.string().nullish(),
    authors: z.union([z.array(z.string()), z.string().transform((s) => [s])]).nullish(),
    language: z.string().nullish(),
  })
  .passthrough()
  .refine((r) => [r.text, r.html, r.file].filter((v) => v != null).length === 1, {
    message: "needs exactly one of text, html or file",
  });

export type ArticleRecord = z.infer<typeof ArticleRecord>;

export function describeZodError(error: z.ZodError): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}
