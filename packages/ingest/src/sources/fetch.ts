// Fetches one page with a timeout, a size cap and an honest user agent.
import { env } from "@storyline/db/env";

export interface FetchedPage {
  bytes: Buffer;
  contentType: string | null;
  finalUrl: string;
}

export async function fetchPage(
  url: string,
  options: { timeoutMs: number; maxBytes: number; userAgent?: string },
): Promise<FetchedPage> {
  const response = await fetch(url, {
    redirect: "follow",
    signal: AbortSignal.timeout(options.timeoutMs),
    headers: {
      "user-agent": options.userAgent ?? env.STORYLINE_USER_AGENT,
      accept: "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/json;q=0.9,*/*;q=0.5",
    },
  }).catch((error: Error) => {
    const cause = (error.cause as Error | undefined)?.message;
    if (error.name === "TimeoutError") throw new Error(`no answer within ${options.timeoutMs / 1000} s`);
    throw new Error(`could not fetch: ${cause ?? error.message}`);
  });
  if (!response.ok) throw new Error(`server answered HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get("content-length") ?? 0);
  if (declared > options.maxBytes) throw new Error(`page is ${declared} bytes, over the ${options.maxBytes}-byte cap`);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > options.maxBytes) {
      await reader.cancel();
      throw new Error(`page is over the ${options.maxBytes}-byte cap`);
    }
    chunks.push(value);
  }
  return { bytes: Buffer.concat(chunks), contentType: response.headers.get("content-type"), finalUrl: response.url || url };
}
