// Line-level judgement of text a reader would skip: ad markers, share and comment prompts, navigation, icon-font
// residue, "read more" lists. Used on plain-text inputs (copy-pasted or scraped pages) and on HTML blocks.
// Every rule matches a whole short line, so an article sentence that merely contains "share" or "comment" stays.

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
  ("home news newsletter newsletters events podcasts podcast videos video live world politics business sport sports " +
    "culture travel opinion opinions tech technology science health style lifestyle entertainment weather markets " +
    "economy europe africa asia americas us uk local national international latest more menu search login subscribe " +
    "magazine photos photo galleries gallery shows programs programmes watch listen radio tv podcasts features " +
    "analysis climate environment education video arts books food music film movies media jobs careers").split(" "),
);

/** True when the whole line is page furniture rather than article text. */
export function isBoilerplateLine(line: string): boolean {
  const text = line.trim();
  if (!text) return true;
  if (text.length > 240) return false;
  for (const re of WHOLE_LINE) if (re.test(text)) return true;
  return isIconResidue(text) || isMenuLine(text);
}

// Icon fonts scraped as text: "icon bookmark-bicon bookmarkicon cameraicon ..."
function isIconResidue(text: string): boolean {
  const tokens = text.split(/\s+/);
  if (tokens.length < 5) return false;
  const iconish = tokens.filter((t) => /icon/i.test(t)).length;
  return iconish / tokens.length >= 0.3;
}

function isMenuLine(text: string): boolean {
  if (/[.!?,;:"“”«»]/.test(text)) return false;
  const tokens = text.split(/\s+/);
  if (tokens.length < 3 || tokens.length > 20) return false;
  const nav = tokens.filter((t) => NAV_WORDS.has(t.toLowerCase())).length;
  return nav / tokens.length >= 0.6;
}

/** Headings that start a list of links to other stories; what follows them is not the article. */
export function startsLinkList(line: string): boolean {
  return /^(?:you (?:might|may) (?:also )?(?:like|enjoy)|latest news|latest stories|read more|read also|also read|read next|more (?:news|stories|from [\w .'-]{1,40})|related(?: (?:articles?|stories|news|content|coverage|posts))?|most (?:read|popular|viewed|shared)|trending(?: now)?|top stories|recommended(?: for you)?|editor'?s picks|don'?t miss|what to read next|more on this (?:story|topic)|popular (?:now|stories)|watch next|up next)\s*[:.»›>→]*$/i.test(
    line.trim(),
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
