// Line-level judgement of text a reader would skip: ad markers, share and comment prompts, navigation, icon-font
// residue, "read more" lists. Used on plain-text inputs (copy-pasted or scraped pages) and on HTML blocks.
// Every rule matches a whole short line, so an article sentence that merely contains "share" or "comment" stays.

import { type Byline, parseByline } from "./authors.ts";
import { type ParsedDate, parseDatelineLine } from "./dates.ts";

const WHOLE_LINE = [
  // Ads and sponsorship markers.
  /^[-–—_*•|\s]*(?:advertisement|advertisements|advertising|advert|anzeige|publicité|publicidad|pubblicità|реклама|sponsored(?: content| post| links?)?|paid (?:content|post)|promoted(?: content)?|ad|ads)[-–—_*•|\s]*$/i,
  /^(?:story|article|content) continues? (?:below|after)(?: (?:the|this))?(?: advertisement| ad)?\.?$/i,
  /^(?:continue reading|scroll to continue)(?: (?:below|with content|the main story))?\.?$/i,
  /^(?:skip (?:ad|advertisement)|close ad|report (?:this )?ad|ad feedback|loader|loading\.*)$/i,
  // Share, print, comment widgets.
  /^(?:share|tweet|email|e-mail|print|save|copy link|copy|copied|comments?|reply|like|pin|whatsapp|facebook|twitter|linkedin|reddit|telegram|vk|flipboard|messenger|x|mail|link|bookmark|gift(?: this)? article|listen(?: to this article)?|font size|text size|a\+?|a-|zoom)(?:[\s,|/·•]+(?:share|tweet|email|e-mail|print|save|copy link|copy|copied|comments?|reply|like|pin|whatsapp|facebook|twitter|linkedin|reddit|telegram|vk|flipboard|messenger|x|mail|link|bookmark|adjust|close(?: button)?))*[\s:]*$/i,
  /^(?:adjust|resize)(?: text)?(?: comment)?(?: print)?$/i,
  /^share (?:this|the|on|via|to|article|story|page|post|link|your)\b.{0,60}$/i,
  /^(?:click|tap) (?:here )?to (?:share|print|email|tweet|comment|open|expand|enlarge|subscribe|sign up|read more|download)\b.{0,80}$/i,
  /^copy\/paste the (?:article )?(?:video )?(?:embed )?(?:link|code)\b.{0,60}$/i,
  /^(?:embed(?: code)?|copy (?:embed )?code|copy to clipboard)\b.{0,40}$/i,
  /^if you (?:like|liked|enjoyed) this (?:story|article|post)\b.{0,60}$/i,
  /^(?:please )?(?:enter|type) your (?:comment|name|email|e-mail|email address)(?: here)?[!.]*$/i,
  /^you have entered an incorrect (?:email|e-mail)(?: address)?!?$/i,
  /^(?:save my name, email,? and website|notify me of (?:follow-up comments|new posts)).{0,80}$/i,
  /^(?:leave a (?:comment|reply)|post (?:a )?comment|add (?:a )?comment|join the (?:conversation|discussion)|show comments|view comments|load comments|\d+ comments?|comments? \(\d+\)|be the first to comment.{0,20}|cancel reply|reply to this comment|comment on this (?:story|article))\.?$/i,
  // Navigation and reader chrome.
  /^(?:skip to (?:main )?(?:content|navigation|search)|go to accessibility shortcuts|jump to (?:content|navigation)|back to top|scroll to top|top of page|toggle navigation|open menu|close menu|menu|search|home|sign in|log in|login|sign out|log out|register|subscribe|sign up|my account|newsletter|newsletters)\.?$/i,
  /^(?:subscribe|sign up|register) (?:to|for) (?:our|the|my)\b.{0,80}$/i,
  /^(?:get|receive) (?:our|the) .{0,40}newsletter.{0,60}$/i,
  /^follow (?:us|me|@\w+)\b.{0,60}$/i,
  /^(?:download|get) (?:our|the) (?:free )?app\b.{0,60}$/i,
  /^(?:you (?:might|may) (?:also )?(?:like|enjoy|be interested in)|latest news|latest stories|latest|read more|read also|also read|read next|see also|more (?:news|stories|from [\w .'-]{1,40})|related(?: (?:articles?|stories|news|content|coverage|posts|topics|links|reading))?|most (?:read|popular|viewed|shared)|trending(?: now| stories)?|top stories|recommended(?: for you| stories)?|editor'?s picks|don'?t miss|further reading|what to read next|more on this (?:story|topic)|in other news|popular (?:now|stories)|more in [\w .'-]{1,30}|watch next|up next|next article|previous article|next|previous|prev)\s*[:.»›>→]*$/i,
  /^have a (?:news )?tip\b.{0,160}$/i,
  /^.{0,80}\b(?:may|can) be reached at\b.{0,120}$/i,
  /^.{0,60}\b(?:subscribe to|sign up for|sign up to receive)\b.{0,40}\bnewsletters?\b.{0,60}$/i,
  /^(?:tags?|topics?|filed under|categories|category|keywords|schlagworte|themen)\s*:.{0,120}$/i,
  // Legal and credits.
  /^(?:©|\(c\)\s).{0,160}$/i,
  /^copyright(?:\s*(?:©|\(c\)))?(?:\s*(?:\d{4}|by\b)|\s*$).{0,160}$/i,
  /^.{0,80}\ball rights reserved\b.{0,80}$/i,
  /^this (?:material|article|story|content) (?:may not|cannot|must not) be (?:published|reproduced|copied).{0,120}$/i,
  /^(?:terms (?:of (?:use|service))?|privacy policy|cookie (?:policy|settings)|contact us|about us|imprint|impressum|datenschutz)(?:\s*[|·•]\s*.{0,40})*$/i,
  // A dateline label left without its date.
  /^(?:published|updated|posted|last updated|published on|updated on|posted on|veröffentlicht|aktualisiert|publié le|mis à jour)\s*:?$/i,
  /^also on [a-z0-9-]+(?:\.[a-z0-9-]+)+\b.{0,200}$/i,
];

// Words of site navigation menus; a short line made mostly of them is a menu.
const NAV_WORDS = new Set(
  (
    "home news newsletter newsletters events podcasts podcast videos video live world politics business sport sports " +
    "culture travel opinion opinions tech technology science health style lifestyle entertainment weather markets " +
    "economy europe africa asia americas us uk local national international latest more menu search login subscribe " +
    "magazine photos photo galleries gallery shows programs programmes watch listen radio tv podcasts features " +
    "analysis climate environment education video arts books food music film movies media jobs careers"
  ).split(" "),
);

/** True when the whole line is page furniture rather than article text. */
export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  if (!text) return true;
  if (isIconResidue(text)) return true;
  if (text.length > 240) return false;
  for (const re of WHOLE_LINE) if (re.test(text)) return true;
  return isMenuLine(text);
}

// Icon fonts scraped as text: "icon bookmark-bicon bookmarkicon cameraicon ..."
function isIconResidue(text: string): boolean {
  if (!text.includes("icon")) return false;
  const tokens = text.split(/\s+/);
  if (tokens.length < 5) return false;
  const iconish = tokens.filter((t) => /icon/i.test(t)).length;
  return iconish / tokens.length >= 0.3;
}

function isMenuLine(text: string): boolean {
  if (/[.!?,;:"“”«»]/.test(text)) return false;
  // "Home | World | Politics | Business": short items between separators are a menu, whatever the words.
  const items = text.split(/\s+[|•·›»]\s+/);
  if (items.length >= 3 && items.every((item) => item.split(/\s+/).length <= 3)) return true;
  const tokens = text.split(/\s+/).filter((t) => !/^[|•·›»/]$/.test(t));
  if (tokens.length < 3 || tokens.length > 20) return false;
  const nav = tokens.filter((t) => NAV_WORDS.has(t.toLowerCase())).length;
  return nav / tokens.length >= 0.6;
}

const LINK_LIST_OTHER_LANGUAGES =
  /^(?:você (?:também )?pode (?:gostar|se interessar)|veja também|leia também|leia mais|lesen sie auch|mehr zum thema|das könnte sie auch interessieren|weitere artikel|auch interessant|vous aimerez aussi|à lire aussi|lire aussi|sur le même sujet|te puede interesar|también te puede interesar|lee también|noticias relacionadas|ti potrebbe interessare|leggi anche|potrebbe interessarti|lees ook|meer nieuws|читайте также|смотрите также)\s*[:.…»›>→]*$/i;

/** Headings that start a list of links to other stories; what follows them is not the article. */
export function startsLinkList(line: string): boolean {
  return (
    LINK_LIST_OTHER_LANGUAGES.test(line.trim()) ||
    /^(?:you (?:might|may) (?:also )?(?:like|enjoy)|latest news|latest stories|read more|read also|also read|read next|more (?:news|stories|from [\w .'-]{1,40})|related(?: (?:articles?|stories|news|content|coverage|posts))?|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|recommended(?: for you)?|editor'?s picks|don'?t miss|what to read next|more on this (?:story|topic)|popular (?:now|stories)|watch next|up next)\s*[:.»›>→]*$/i.test(
      line.trim(),
    )
  );
}

/** A line that reads like a headline in a list: short, no sentence end. */
export function isHeadlineLike(line: string): boolean {
  const t = line.trim();
  const words = t.split(/\s+/).length;
  return words <= 25 && !/[.!?]["'”’)]?$/.test(t);
}

/** Signature initials ("R.S", "AB/jm") a reader skips. */
export function isSignOff(line: string): boolean {
  return /^(?:[A-Z]\.?){1,3}(?:\s*[/.]\s*(?:[A-Za-z]\.?){1,3})?$/.test(line.trim());
}

// ---- plain-text documents ------------------------------------------------------------------------------------

export interface PlainTextStructure {
  title: string | null;
  paragraphs: string[];
  byline: Byline | null;
  dateline: (ParsedDate & { line: string }) | null;
  /** Every non-empty line of the input, boilerplate included: outlet clues often live there. */
  rawLines: string[];
}

// How far into a text we look for a headline, byline or dateline.
const HEAD_UNITS = 14;

/**
 * Splits a plain-text article into title, byline, dateline and paragraphs, dropping reader-skipped lines.
 * `knownTitle` (from input metadata) is removed from the head instead of guessed.
 */
export function structurePlainText(text: string, knownTitle?: string | null): PlainTextStructure {
  const normalized = text.replace(/\r\n?/g, "\n").replace(/\u00a0/g, " ");
  const units = toUnits(normalized);
  const rawLines = units.map((u) => u.trim());
  let keep = rawLines.map((u) => !isBoilerplateLine(u));

  // Bylines and datelines sit in the header zone: above the first real paragraph, or in the last few lines.
  const firstParagraph = rawLines.findIndex((l, i) => keep[i] && wordCount(l) >= 25);
  const headEnd = Math.min(HEAD_UNITS, firstParagraph < 0 ? HEAD_UNITS : firstParagraph);
  let byline: Byline | null = null;
  let dateline: (ParsedDate & { line: string }) | null = null;
  for (let i = 0; i < rawLines.length; i++) {
    if (!keep[i]) continue;
    const line = rawLines[i] as string;
    const nearHead = i < headEnd;
    const nearTail = i >= rawLines.length - 4;
    if (!nearHead && !nearTail) continue;
    const date = parseDatelineLine(line);
    if (date) {
      if (!dateline) dateline = { ...date, line };
      keep[i] = false;
      continue;
    }
    if (nearHead) {
      const by = parseByline(line);
      if (by) {
        byline = byline ? { authors: [...byline.authors, ...by.authors], agencies: [...byline.agencies, ...by.agencies] } : by;
        keep[i] = false;
      }
    }
  }

  let title: string | null = null;
  const headIdx = rawLines.map((_, i) => i).filter((i) => keep[i] && i < HEAD_UNITS);
  if (knownTitle?.trim()) {
    title = knownTitle.trim();
    for (const i of headIdx) if (sameLine(rawLines[i] as string, title)) keep[i] = false;
  } else {
    const titleAt = findTitleUnit(rawLines, headIdx);
    if (titleAt !== null) {
      title = rawLines[titleAt] as string;
      for (let i = 0; i < rawLines.length && i < HEAD_UNITS; i++) {
        // Chrome above the headline (menus, logos, tickers) goes; a long paragraph there is kept.
        if (i < titleAt && keep[i] && wordCount(rawLines[i] as string) <= 15) keep[i] = false;
        if (sameLine(rawLines[i] as string, title)) keep[i] = false;
      }
    }
  }

  keep = trimTail(rawLines, keep);
  const paragraphs = rawLines.filter((_, i) => keep[i]);
  return { title, paragraphs, byline, dateline, rawLines };
}

// Paragraph units: blank-line separated blocks, with hard-wrapped blocks (e-mail style, ~70 columns) rejoined.
function toUnits(text: string): string[] {
  const out: string[] = [];
  for (const block of text.split(/\n[ \t]*\n+/)) {
    const lines = block
      .split("\n")
      .map((l) => l.replace(/[ \t]+/g, " ").trim())
      .filter(Boolean);
    if (!lines.length) continue;
    if (lines.length >= 3 && isHardWrapped(lines)) out.push(lines.join(" ").replace(/(\w)- (\w)/g, "$1-$2"));
    else out.push(...lines);
  }
  return out;
}

function isHardWrapped(lines: string[]): boolean {
  const body = lines.slice(0, -1);
  const wrapped = body.filter((l) => l.length >= 45 && l.length <= 100 && !/[.!?:"”]$/.test(l)).length;
  return wrapped >= body.length * 0.6;
}

function findTitleUnit(lines: string[], candidates: number[]): number | null {
  // A headline printed twice (page title, then article heading) is the surest sign.
  for (let k = 0; k + 1 < candidates.length && k < 8; k++) {
    const a = candidates[k] as number;
    const b = candidates[k + 1] as number;
    if (sameLine(lines[a] as string, lines[b] as string) && wordCount(lines[a] as string) >= 3) return a;
  }
  const first = candidates[0];
  if (first === undefined) return null;
  const line = lines[first] as string;
  const words = wordCount(line);
  const rest = candidates.length > 1;
  // A headline is short and does not end like a sentence; a first line that does is the lede, not a title.
  if (rest && words >= 2 && words <= 30 && !/[.,;:]["'”’)]?$/.test(line)) return first;
  return null;
}

// Drops "Read more" / "You might also like" sections and the headline lists under them, plus trailing sign-offs.
function trimTail(lines: string[], keep: boolean[]): boolean[] {
  const out = [...keep];
  const start = Math.floor(lines.length * 0.4);
  for (let i = start; i < lines.length; i++) {
    if (!startsLinkList(lines[i] as string)) continue;
    let j = i + 1;
    while (j < lines.length && (!out[j] || isHeadlineLike(lines[j] as string))) j++;
    if (j === lines.length) {
      for (let k = i; k < lines.length; k++) out[k] = false;
      break;
    }
  }
  for (let i = lines.length - 1; i >= 0; i--) {
    if (!out[i]) continue;
    if (isSignOff(lines[i] as string)) out[i] = false;
    else break;
  }
  return out;
}

/** Same words, ignoring case and punctuation; cheap length check first since most lines are long paragraphs. */
function sameLine(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 12 || a.length > 400) return false;
  return compareKey(a) === compareKey(b);
}

export function compareKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

export function wordCount(s: string): number {
  const m = s.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu);
  return m ? m.length : 0;
}
