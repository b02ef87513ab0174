// HTTP rules yoga's defaults get wrong for us: which origins may read answers in a browser, and which media type
// a client that states no preference gets (the GraphQL-over-HTTP spec, checked by graphql-http's audit).
import type { CORSOptions, Plugin } from "graphql-yoga";

/**
 * CORS for a fixed list of origins. Yoga answers a disallowed origin with `Access-Control-Allow-Origin: null`,
 * which a sandboxed iframe (whose origin IS "null") on any site satisfies: here a disallowed origin, and "null",
 * get no CORS header at all, so the browser keeps the answer from the page.
 */
export function corsFor(origins: readonly string[]): (request: Request) => CORSOptions {
  const allowed = new Set(origins.filter((o) => o !== "null"));
  // "*" (STORYLINE_CORS_ORIGINS=*) allows every real origin, still not "null".
  const any = allowed.has("*");
  return (request) => {
    const origin = request.headers.get("origin");
    if (!origin || origin === "null" || !(any || allowed.has(origin))) return false;
    return { origin: [origin], credentials: false, methods: ["GET", "POST"] };
  };
}

/**
 * A request without an Accept header, or accepting anything, gets `application/json` (yoga would pick
 * `application/graphql-response+json`, which older clients do not expect); a POST without a content type is
 * refused with 415 instead of being guessed at. Every answer varies by Origin, since CORS headers depend on it.
 */
export const mediaTypePlugin: Plugin = {
  onRequest({ request, endResponse, fetchAPI }) {
    if (request.method === "POST" && !request.headers.get("content-type")) {
      const message = "A POST needs a Content-Type, e.g. application/json.";
      endResponse(
        fetchAPI.Response.json({ errors: [{ message, extensions: { code: "UNSUPPORTED_MEDIA_TYPE" } }] }, { status: 415 }),
      );
      return;
    }
    const accept = request.headers.get("accept")?.trim();
    // Request headers are mutable (the "request" guard forbids only hop-by-hop names); rebuilding the request
    // instead would wrap its body stream in a way yoga's body-size limit cannot pipe.
    if (!accept || accept === "*/*") request.headers.set("accept", "application/json");
  },
  onResponse({ response }) {
    const vary = response.headers.get("vary");
    if (!vary?.toLowerCase().includes("origin")) response.headers.set("vary", vary ? `${vary}, Origin` : "Origin");
  },
};
