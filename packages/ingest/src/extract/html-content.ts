// Finds the article text in a parsed page. Readability's scoring picks the container (paragraph text flows up to
// parents and grandparents, discounted by link density); explicit article-body markup wins when it holds the
// text; then each block of the container is judged on its own, which is where Readability leaves navigation
// lines, share prompts and "read more" lists in.
import { collapseWhitespace, type HtmlElement } from "./html.ts";
import { isBoilerplateLine, startsLinkList } from "./text-clean.ts";

export interface TextBlock {
  text: string;
  tag: string;
  linkDensity: number;
}

export interface MainText {
  blocks: TextBlock[];
  /** How the container was found, for debugging and evidence. */
  method: "article-body" | "scored" | "whole-page" | "none";
}

// Never article text, whatever their content (forms and figures get a second look in skip()).
const SKIP_TAGS = new Set(
  (
    "script style noscript template svg math canvas iframe object embed video audio button select option " +
    "input textarea nav aside footer dialog menu head title meta link form figure figcaption picture img " +
    "map area label fieldset legend"
  ).split(" "),
);

// Elements that start a new block of text; everything else flows inline.
const BLOCK_TAGS = new Set(
  (
    "address article aside blockquote dd details div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 " +
    "header hr li main nav ol p pre section table tbody thead tfoot tr td th ul summary caption center " +
    "body html br"
  ).split(" "),
);

const EMBEDDED_POST =
  /\b(?:twitter-tweet|instagram-media|tiktok-embed|bluesky-embed|reddit-card|threads-post|fb-xfbml-parse-ignore)\b/;

// A comment thread can out-write the article; its container never counts as prose. ("comments-open" on an
// <article> is WordPress state, not a thread.)
const COMMENT_SECTION =
  /^(?:comments?|comment-?list|comments?-(?:area|section|container|wrapper|block)|disqus_thread|respond|replies|discussion)$/i;

// Where an article body can live; a <p class="post-body-paragraph"> is one paragraph of it, not the body.
const CONTAINER_TAGS = new Set(["div", "section", "article", "main", "td", "span", "font", "center"]);

const GATED = /paywall|subscri|premium|locked|member|metered|regwall|truncat|collapsed|expand|remaining|rest-of/i;

// Cookie and consent dialogs are long prose that is never the article.
const CONSENT = /cookie|consent|gdpr|onetrust|privacy-?(?:center|manager|banner)|\bcmp\b|didomi|usercentrics|truste/i;

const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6"]);

// Class/id words of page furniture. Matched against each class/id split on separators, so "share-bar" and
// "SocialShare" hit while "shared-content" does not.
const FURNITURE =
  /^(?:ad|ads|adslot|adunit|advert|advertisement|advertising|banner|breadcrumbs?|byline|bylines|cookie|cookies|consent|gdpr|comment|comments|commenting|disqus|discussion|footer|masthead|menu|navbar|navigation|nav|newsletter|newsletters|outbrain|taboola|pagination|pager|popup|modal|promo|promos|promotion|recirc|recirculation|related|recommended|recommendations|share|sharing|sharebar|social|socials|sponsor|sponsored|sidebar|subscribe|signup|toolbar|trending|popular|widget|widgets|tags|tagcloud|keywords|caption|credit|credits|timestamp|dateline|author|authors|bio|meta|infobox|toc|jump|partner|partners|teaser|teasers|tooltip|overlay|lightbox|video|player|audio|podcast|header|topbar|announcement|alert|login|account|feedback|rating|ratings|survey|follow|more|readmore)$/;
const FURNITURE_PAIRS =
  /(?:^|[-_ ])(?:read[-_]?more|more[-_]?stories|most[-_]?(?:read|popular|viewed)|also[-_]?read|see[-_]?also|you[-_]?may|you[-_]?might|further[-_]?reading|sr[-_]only|visually[-_]hidden|screen[-_]reader|print[-_]only|ad[-_]?slot|ad[-_]?container|ad[-_]?wrapper|social[-_]?links|article[-_]?tags|post[-_]?tags|author[-_]?(?:bio|info|box|card)|about[-_]?the[-_]?author)(?:$|[-_ ])/i;
// Visibility utilities hide the element only as a whole class ("field-label-hidden" hides a label, not the field).
const HIDDEN_CLASS =
  /^(?:hidden|hide|is-hidden|u-hidden|js-hidden|d-none|display-none|invisible|visually-hidden|visuallyhidden|sr-only|screen-reader-text|screen-reader-only|element-invisible|offscreen|off-screen|print-only|skip-link|skip-links)$/i;
// Markup that names the article body outright.
const BODY_NAMES =
  /(?:^|[-_ ])(?:(?:article|story|entry|post|news|blog)[-_]{0,2}(?:body|content|text|copy)|body[-_]?(?:text|copy)|text[-_]?body|content[-_]?body|articlebody|storybody|postbody|entrycontent|articletext|storytext|article[-_]?(?:section|inner)|rich[-_]?text|td[-_]post[-_]content|field[-_]name[-_]body)(?:$|[-_ \d])/i;

const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story/i;
const NEGATIVE =
  /-ad-|hidden|^hid$|\shid$|\shid\s|^hid\s|banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|byline|author|caption/i;

interface Stats {
  textLen: number;
  linkLen: number;
  /** Text in paragraph-like runs (>= 25 chars), the signal the scorer trusts. */
  paraLen: number;
}

export function extractMainText(root: HtmlElement, title: string | null): MainText {
  const ctx = new PageContext(root);
  const body = findElement(root, "body") ?? root;
  const totalPara = ctx.stats(body).paraLen;
  if (totalPara === 0 && ctx.stats(body).textLen < 50) return { blocks: [], method: "none" };

  let containers: HtmlElement[] = [];
  let method: MainText["method"] = "scored";
  const scored = ctx.bestCandidate(body);
  const marked = ctx.articleBodyElements(body);
  const markedPara = marked.reduce((n, el) => n + ctx.stats(el).paraLen, 0);
  // Explicit markup is trusted when it holds a good share of what the scorer would keep; otherwise it is a teaser
  // or a fragment and the scorer knows better.
  const scoredPara = scored ? ctx.stats(scored).paraLen : 0;
  if (marked.length && markedPara >= 0.5 * scoredPara && markedPara > 0) {
    containers = marked;
    method = "article-body";
  } else if (scored) {
    containers = ctx.withRelatedSiblings(scored);
  }
  if (!containers.length) {
    containers = [body];
    method = "whole-page";
  }

  const blocks = filterBlocks(
    containers.flatMap((c) => ctx.blocks(c)),
    title,
  );
  return { blocks, method };
}

function findElement(root: HtmlElement, tag: string): HtmlElement | null {
  for (const child of root.children) {
    if (typeof child === "string") continue;
    if (child.tag === tag) return child;
    const hit = findElement(child, tag);
    if (hit) return hit;
  }
  return null;
}

class PageContext {
  private statsCache = new Map<HtmlElement, Stats>();
  private skipCache = new Map<HtmlElement, boolean>();

  constructor(readonly root: HtmlElement) {}

  /** Furniture by tag, attribute or inline style; elements holding most of the page's prose are never furniture. */
  skip(el: HtmlElement): boolean {
    const cached = this.skipCache.get(el);
    if (cached !== undefined) return cached;
    let skip = false;
    if (el.tag === "body" || el.tag === "html" || el.tag === "main") skip = false;
    else if (SKIP_TAGS.has(el.tag)) skip = !(el.tag === "form" || el.tag === "figure") || !this.holdsProse(el);
    else if (el.tag === "header") skip = !this.holdsProse(el);
    else {
      const a = el.attrs;
      if (a.hidden !== undefined || a["aria-hidden"] === "true") skip = true;
      // Paywalls hide the rest of the story with inline CSS; that hidden prose is still the article. Other hidden
      // blocks (microdata copies, templates) are not.
      else if (a.style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(a.style))
        skip = !(GATED.test(`${a.class ?? ""} ${a.id ?? ""}`) && this.holdsProse(el));
      else if (a.role && /^(navigation|banner|complementary|contentinfo|dialog|alert|menu|menubar|search)$/i.test(a.role))
        skip = true;
      else if (a.itemprop && /articlebody|text/i.test(a.itemprop)) skip = false;
      else if (isFurnitureName(a.class, a.id)) skip = !this.holdsProse(el) && !this.embedsPost(el);
    }
    this.skipCache.set(el, skip);
    return skip;
  }

  // An element holding real paragraphs (not just a short teaser) is content even under a furniture-ish name:
  // WordPress puts "comments-open" and "has-sidebar" on the article wrapper itself. Its own stats already
  // leave out its furniture children, so related-link boxes inside do not count against it.
  private holdsProse(el: HtmlElement): boolean {
    const names = `${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`;
    if (names.split(/\s+/).some((n) => COMMENT_SECTION.test(n)) || CONSENT.test(names)) return false;
    const s = this.stats(el);
    if (s.paraLen > 0 && s.paraLen >= this.pageParagraphText() * 0.5) return true;
    return s.paraLen > 400 && s.linkLen < s.textLen * 0.3;
  }

  private postWrappers: Set<HtmlElement> | null = null;
  // Embedded social posts (tweets quoted in the story) sit in "video-container" or "social-embed" wrappers and
  // are part of the article as the reader sees it.
  private embedsPost(el: HtmlElement): boolean {
    if (!this.postWrappers) {
      const wrappers = new Set<HtmlElement>();
      const walk = (node: HtmlElement) => {
        for (const c of node.children) {
          if (typeof c === "string") continue;
          if (c.tag === "blockquote" && EMBEDDED_POST.test(c.attrs.class ?? "")) {
            for (let p: HtmlElement | null = c; p; p = p.parent) wrappers.add(p);
          } else walk(c);
        }
      };
      walk(this.root);
      this.postWrappers = wrappers;
    }
    return this.postWrappers.has(el) && this.stats(el).linkLen < 400;
  }

  private pageParagraphs = -1;
  // Text inside <p> anywhere on the page, furniture included: the yardstick for "most of the prose".
  private pageParagraphText(): number {
    if (this.pageParagraphs >= 0) return this.pageParagraphs;
    let n = 0;
    const walk = (el: HtmlElement) => {
      for (const c of el.children) {
        if (typeof c === "string") continue;
        if (c.tag === "script" || c.tag === "style" || c.tag === "head") continue;
        if (c.tag === "p") n += textLength(c);
        else walk(c);
      }
    };
    walk(this.root);
    this.pageParagraphs = n;
    return n;
  }

  stats(el: HtmlElement): Stats {
    const cached = this.statsCache.get(el);
    if (cached) return cached;
    const s = this.computeStats(
      el,
      (c) => this.skip(c),
      (c) => this.stats(c),
    );
    this.statsCache.set(el, s);
    return s;
  }

  private computeStats(el: HtmlElement, skip: (c: HtmlElement) => boolean, childStats: (c: HtmlElement) => Stats): Stats {
    let textLen = 0;
    let linkLen = 0;
    let paraLen = 0;
    let run = 0;
    const endRun = () => {
      if (run >= 25) paraLen += run;
      run = 0;
    };
    for (const c of el.children) {
      if (typeof c === "string") {
        const n = visibleLength(c);
        textLen += n;
        run += n;
        continue;
      }
      if (skip(c)) continue;
      const s = childStats(c);
      textLen += s.textLen;
      linkLen += c.tag === "a" ? s.textLen : s.linkLen;
      if (BLOCK_TAGS.has(c.tag)) {
        endRun();
        paraLen += s.paraLen;
      } else {
        run += s.textLen;
      }
    }
    endRun();
    return { textLen, linkLen, paraLen };
  }

  /** Readability's candidate scoring over our tree. */
  bestCandidate(body: HtmlElement): HtmlElement | null {
    const scores = new Map<HtmlElement, number>();
    const init = (el: HtmlElement) => {
      let s = scores.get(el);
      if (s === undefined) {
        s = tagWeight(el.tag) + classWeight(el);
        scores.set(el, s);
      }
      return s;
    };
    const visit = (el: HtmlElement) => {
      for (const c of el.children) if (typeof c !== "string" && !this.skip(c)) visit(c);
      const paragraphLike = el.tag === "p" || el.tag === "pre" || el.tag === "td" || el.tag === "blockquote";
      const runs = this.ownRuns(el);
      // A <p> is one paragraph scoring its parent; loose text runs (split by <br>) in a <div> are paragraphs of
      // their own, as Readability makes them, each scoring the div.
      const paragraphs =
        paragraphLike && runs.length > 1 ? [runs.reduce((a, b) => ({ len: a.len + b.len, commas: a.commas + b.commas }))] : runs;
      for (const run of paragraphs) {
        if (run.len < 25) continue;
        const contentScore = 1 + run.commas + Math.min(Math.floor(run.len / 100), 3);
        let target: HtmlElement | null = paragraphLike ? el.parent : el;
        for (let level = 0; target && level < 5; level++, target = target.parent) {
          if (target === this.root) break;
          const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
          scores.set(target, init(target) + contentScore / divider);
          if (target === body) break;
        }
      }
    };
    visit(body);
    let best: HtmlElement | null = null;
    let bestScore = 0;
    for (const [el, score] of scores) {
      const s = this.stats(el);
      const final = score * (1 - (s.textLen ? s.linkLen / s.textLen : 0));
      scores.set(el, final);
      if (final > bestScore) {
        bestScore = final;
        best = el;
      }
    }
    if (!best) return null;
    let node: HtmlElement = best;
    // Readability's alternative-candidates rule: when three of the top five score close to the best and share one
    // of its ancestors, each paragraph was wrapped on its own and that ancestor is the article.
    const close = [...scores]
      .filter(([el, sc]) => el !== best && sc >= bestScore * 0.75)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 4)
      .map(([el]) => el);
    if (close.length >= 2) {
      for (let anc = best.parent; anc && anc !== this.root; anc = anc.parent) {
        const within = close.filter((el) => isInside(el, anc as HtmlElement)).length;
        if (within >= 2) {
          node = anc;
          break;
        }
        if (anc === body) break;
      }
    }
    // Climb while the parent scores nearly as well: the text was split across sibling wrappers.
    while (node.parent && node.parent !== this.root && node !== body) {
      const parentScore = scores.get(node.parent) ?? 0;
      const ps = this.stats(node.parent);
      const ns = this.stats(node);
      if (parentScore >= bestScore * 0.75 && ps.paraLen < ns.paraLen * 1.6) node = node.parent;
      else if (ns.paraLen < ps.paraLen * 0.5 && parentScore > bestScore * 0.3) node = node.parent;
      else break;
    }
    this.lastScores = scores;
    this.lastBestScore = bestScore;
    return node;
  }

  private lastScores = new Map<HtmlElement, number>();
  private lastBestScore = 0;

  /** The winner plus siblings that score close to it (Readability's sibling join). */
  withRelatedSiblings(best: HtmlElement): HtmlElement[] {
    const parent = best.parent;
    if (!parent) return [best];
    const threshold = Math.max(10, this.lastBestScore * 0.2);
    const out: HtmlElement[] = [];
    for (const c of parent.children) {
      if (typeof c === "string" || this.skip(c)) continue;
      if (c === best) {
        out.push(c);
        continue;
      }
      const score = this.lastScores.get(c) ?? 0;
      const s = this.stats(c);
      const density = s.textLen ? s.linkLen / s.textLen : 0;
      if (score >= threshold && density < 0.25) out.push(c);
      else if (c.tag === "p" && s.textLen > 80 && density < 0.25) out.push(c);
    }
    return out;
  }

  // Text directly in the element (inline children included), cut into runs at block children and <br>s.
  private ownRuns(el: HtmlElement): { len: number; commas: number }[] {
    const runs: { len: number; commas: number }[] = [];
    let len = 0;
    let commas = 0;
    const end = () => {
      if (len > 0) runs.push({ len, commas });
      len = 0;
      commas = 0;
    };
    const walkInline = (node: HtmlElement) => {
      for (const c of node.children) {
        if (typeof c === "string") {
          len += visibleLength(c);
          commas += countCommas(c);
        } else if (!this.skip(c)) walkInline(c);
      }
    };
    for (const c of el.children) {
      if (typeof c === "string") {
        len += visibleLength(c);
        commas += countCommas(c);
      } else if (this.skip(c)) continue;
      else if (BLOCK_TAGS.has(c.tag)) end();
      else walkInline(c);
    }
    end();
    return runs;
  }

  /** Elements the page itself marks as the article body, in document order. */
  articleBodyElements(body: HtmlElement): HtmlElement[] {
    const isMarked = (el: HtmlElement) =>
      CONTAINER_TAGS.has(el.tag) &&
      ((el.attrs.itemprop !== undefined && /\barticleBody\b/i.test(el.attrs.itemprop)) ||
        (BODY_NAMES.test(`${el.attrs.class ?? ""} ${el.attrs.id ?? ""}`) && !isFurnitureName(el.attrs.class, el.attrs.id)));
    const outermost: HtmlElement[] = [];
    const visit = (el: HtmlElement) => {
      for (const c of el.children) {
        if (typeof c === "string" || this.skip(c)) continue;
        if (isMarked(c) && this.stats(c).paraLen >= 100) outermost.push(c);
        else visit(c);
      }
    };
    visit(body);
    if (!outermost.length) return [];
    // Pages nest several "body" wrappers; the innermost that still holds nearly all the text has the least chrome.
    const refined = outermost.map((el) => {
      let node = el;
      for (;;) {
        const inner = this.innerMarked(node, isMarked);
        if (!inner || this.stats(inner).paraLen < this.stats(node).paraLen * 0.85) return node;
        node = inner;
      }
    });
    // Several same-named fragments (a body split by ads) belong together; unrelated names are alternatives.
    const best = refined.reduce((a, b) => (this.stats(b).paraLen > this.stats(a).paraLen ? b : a));
    const key = (el: HtmlElement) => `${el.tag}|${el.attrs.class ?? ""}`;
    return refined.filter((el) => el === best || (key(el) === key(best) && this.stats(el).paraLen > 0));
  }

  private innerMarked(el: HtmlElement, isMarked: (e: HtmlElement) => boolean): HtmlElement | null {
    let best: HtmlElement | null = null;
    const visit = (node: HtmlElement) => {
      for (const c of node.children) {
        if (typeof c === "string" || this.skip(c)) continue;
        if (isMarked(c)) {
          if (!best || this.stats(c).paraLen > this.stats(best).paraLen) best = c;
        } else visit(c);
      }
    };
    visit(el);
    return best;
  }

  /** The element's text as blocks, furniture skipped. */
  blocks(container: HtmlElement): TextBlock[] {
    const out: TextBlock[] = [];
    let parts: string[] = [];
    let linkChars = 0;
    let blockTag = container.tag;
    const flush = () => {
      if (parts.length) {
        const text = collapseWhitespace(parts.join(""));
        if (text) out.push({ text, tag: blockTag, linkDensity: text.length ? Math.min(1, linkChars / text.length) : 0 });
      }
      parts = [];
      linkChars = 0;
    };
    const walk = (el: HtmlElement, inLink: boolean, tagForBlock: string) => {
      for (const c of el.children) {
        if (typeof c === "string") {
          if (!parts.length) blockTag = tagForBlock;
          parts.push(c);
          if (inLink) linkChars += visibleLength(c);
          continue;
        }
        if (this.skip(c)) {
          if (BLOCK_TAGS.has(c.tag)) flush();
          else parts.push(" ");
          continue;
        }
        if (c.tag === "br" || c.tag === "hr") {
          flush();
          continue;
        }
        if (BLOCK_TAGS.has(c.tag)) {
          flush();
          const t =
            HEADINGS.has(c.tag) ||
            c.tag === "li" ||
            c.tag === "p" ||
            c.tag === "blockquote" ||
            c.tag === "pre" ||
            c.tag === "td" ||
            c.tag === "th" ||
            c.tag === "dt" ||
            c.tag === "dd"
              ? c.tag
              : tagForBlock === "li" || HEADINGS.has(tagForBlock)
                ? tagForBlock
                : c.tag;
          walk(c, inLink, t);
          flush();
        } else {
          // Inline tags like <span> and <a> join their neighbours; <td> boundaries were handled above.
          walk(c, inLink || c.tag === "a", tagForBlock);
        }
      }
    };
    walk(container, false, container.tag);
    flush();
    return out;
  }
}

// Pages repeat the same few hundred class strings thousands of times; the verdict is cached per string.
const furnitureCache = new Map<string, boolean>();

function isFurnitureName(cls: string | undefined, id: string | undefined): boolean {
  if (!cls && !id) return false;
  const names = `${cls ?? ""} ${id ?? ""}`;
  const cached = furnitureCache.get(names);
  if (cached !== undefined) return cached;
  const verdict = judgeFurnitureName(names);
  if (furnitureCache.size > 50_000) furnitureCache.clear();
  furnitureCache.set(names, verdict);
  return verdict;
}

function judgeFurnitureName(names: string): boolean {
  if (FURNITURE_PAIRS.test(names)) return true;
  for (const name of names.split(/\s+/)) {
    if (!name) continue;
    if (HIDDEN_CLASS.test(name)) return true;
    // BEM and utility classes: "c-share__item", "socialShare", "ad-slot--top": judge each word.
    const words = name
      .replace(/([a-z])([A-Z])/g, "$1-$2")
      .toLowerCase()
      .split(/[-_:.]+/)
      .filter(Boolean);
    if (words.length > 4) continue;
    if (words.some((w) => FURNITURE.test(w)) && !words.some((w) => CONTENT_WORDS.has(w))) return true;
  }
  return false;
}
// Words that make a class name content despite a furniture word: "social-media-embed" holds an embedded post.
const CONTENT_WORDS = new Set([
  "article",
  "story",
  "entry",
  "content",
  "body",
  "text",
  "main",
  "prose",
  "paragraph",
  "copy",
  "embed",
  "embedded",
  "tweet",
  "quote",
]);

function isInside(el: HtmlElement, ancestor: HtmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

function tagWeight(tag: string): number {
  switch (tag) {
    case "div":
    case "article":
    case "main":
    case "section":
      return 5;
    case "pre":
    case "td":
    case "blockquote":
      return 3;
    case "address":
    case "ol":
    case "ul":
    case "dl":
    case "dd":
    case "dt":
    case "li":
    case "form":
      return -3;
    case "h1":
    case "h2":
    case "h3":
    case "h4":
    case "h5":
    case "h6":
    case "th":
      return -5;
    default:
      return 0;
  }
}

function classWeight(el: HtmlElement): number {
  let w = 0;
  for (const name of [el.attrs.class, el.attrs.id]) {
    if (!name) continue;
    if (NEGATIVE.test(name)) w -= 25;
    if (POSITIVE.test(name)) w += 25;
  }
  if (el.attrs.itemprop && /articleBody/i.test(el.attrs.itemprop)) w += 50;
  return w;
}

function visibleLength(s: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const isSpace = c === 32 || c === 10 || c === 9 || c === 13 || c === 160 || c === 12;
    if (isSpace) {
      if (!space) n++;
      space = true;
    } else {
      n++;
      space = false;
    }
  }
  return n;
}

function textLength(el: HtmlElement): number {
  let n = 0;
  for (const c of el.children) n += typeof c === "string" ? visibleLength(c) : textLength(c);
  return n;
}

function countCommas(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 44 || c === 0x060c || c === 0xfe50 || c === 0xff0c || c === 0x3001) n++;
  }
  return n;
}

// Per-block judgement inside the chosen container.
function filterBlocks(blocks: TextBlock[], title: string | null): TextBlock[] {
  const normTitle = title ? normalizeForCompare(title) : null;
  const out: TextBlock[] = [];
  for (const b of blocks) {
    const words = b.text.split(" ").length;
    if (b.linkDensity > 0.5 && (words < 30 || b.linkDensity > 0.8)) continue;
    if (HEADINGS.has(b.tag) && normTitle && normalizeForCompare(b.text) === normTitle) continue;
    if (words <= 12 && isBoilerplateLine(b.text)) continue;
    out.push(b);
  }
  // A "You might also like" heading past the first part of the text starts the page's recirculation.
  const total = out.reduce((n, b) => n + b.text.length, 0);
  let seen = 0;
  for (let i = 0; i < out.length; i++) {
    const b = out[i] as TextBlock;
    const late = HEADINGS.has(b.tag) ? seen >= 200 : seen > total * 0.4;
    if (late && b.text.length < 80 && startsLinkList(b.text)) {
      out.length = i;
      break;
    }
    seen += b.text.length;
  }
  // Trailing headings introduce lists we dropped ("More from the author", "Related coverage").
  while (out.length && HEADINGS.has(out[out.length - 1]?.tag ?? "")) out.pop();
  return out;
}

function normalizeForCompare(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}
