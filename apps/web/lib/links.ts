// Addresses that come from input (an article's URL) become links only when they are web addresses:
// `javascript:`, `data:` or `vbscript:` in an href runs when clicked, and React only warns about it.

/** The address as a link target when it is http(s), else null (show it as text). */
export function webHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}
