// The article reader: clean text with quotes and entities marked, and every metadata value with where it came from.
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleText, type MentionSpan, type QuoteSpan } from "../../../components/ArticleText";
import { ErrorState } from "../../../components/ErrorState";
import { ToggleGroup } from "../../../components/ToggleGroup";
import { firstParam, readGlobalFilters, type SearchParams, withParams } from "../../../lib/filters";
import { formatDated, formatInstant, formatLocal, formatNumber, formatShare } from "../../../lib/format";
import { notFoundUnlessFound } from "../../../lib/found";
import { graphql } from "../../../lib/graphql";
import { webHref } from "../../../lib/links";
import { load } from "../../../lib/load";
import { articleHref, eventHref, outletHref, personHref, quoteAnchor, routeParam, storyHref } from "../../../lib/routes";

export const dynamic = "force-dynamic";

const ArticleQuery = graphql(`
  query ArticlePage($id: ID!) {
    article(id: $id) {
      __typename
      ... on QueryArticleSuccess {
        data {
          id
          title
          body
          url
          canonicalUrl
          externalId
          authors
          language
          wordCount
          createdAt
          modifiedAt
          publishedAt
          publishedAtSource
          publishedAtConfidence
          publishedAtEvidence
          publishedAtOffset
          publishedAtPrecision
          publishedAtEstimated
          publishedAtEarliest
          publishedAtLatest
          outletSource
          outletEvidence
          outlet {
            id
            name
            slug
            domain
          }
          duplicateOf {
            id
            title
          }
          duplicateSimilarity
          event {
            id
            title
            story {
              id
              title
            }
          }
          quotes {
            id
            text
            start
            end
            parts {
              start
              end
            }
            kind
            attribution
            confidence
            speakerAsWritten
            speaker {
              id
              name
            }
            cluster {
              id
              outletCount
            }
          }
          mentions {
            count
            offsets
            entity {
              id
              name
              kind
            }
          }
          citations {
            kind
            asWritten
            outlet {
              id
              name
              slug
            }
          }
        }
      }
    }
  }
`);

const PROVENANCE: Record<string, string> = {
  INPUT: "given with the input",
  FEED: "from the feed item",
  METADATA: "from the page’s metadata",
  URL: "read from the URL",
  TEXT: "stated in the text",
  INFERRED: "inferred from the text",
  NONE: "nothing said",
};

const words = (value: string) => value.toLowerCase().replace(/_/g, " ");

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function ArticlePage({ params, searchParams }: Props) {
  const id = routeParam((await params).id);
  const query = await searchParams;
  const filters = readGlobalFilters(query);
  const highlight = firstParam(query, "highlight") !== "off";
  const result = await load(ArticleQuery, { id });
  // Next renders the page beside its layout, so it meets a missing id too: the not-found page, not an error card.
  notFoundUnlessFound(result, (data) => data.article?.__typename === "QueryArticleSuccess");
  if (!result.data) return <ErrorState failure={result.failure} what="this article" />;
  if (result.data.article.__typename !== "QueryArticleSuccess") notFound();
  const article = result.data.article.data;
  const path = `/articles/${encodeURIComponent(id)}`;
  const href = webHref(article.url);
  // A portal's copy points its canonical link at the original; the reader goes back there.
  const originalHref = webHref(article.canonicalUrl);
  const showOriginal = article.canonicalUrl && article.canonicalUrl !== article.url;

  const quoteSpans: QuoteSpan[] = article.quotes.map((q) => ({
    id: q.id,
    start: q.start,
    end: q.end,
    parts: q.parts ?? null,
    label: `Quote${q.speaker ? ` by ${q.speaker.name}` : ", speaker unknown"} (${words(q.attribution)}, ${formatShare(q.confidence)} sure)`,
  }));
  const mentionSpans: MentionSpan[] = article.mentions.map((m) => ({
    entityId: m.entity.id,
    name: m.entity.name,
    kind: m.entity.kind,
    offsets: m.offsets,
  }));

  return (
    <>
      <header className="page-head">
        <p className="kicker muted">
          Article
          {article.outlet ? (
            <>
              {" · "}
              <Link href={outletHref(article.outlet.slug, filters)}>{article.outlet.name}</Link>
            </>
          ) : null}
          {article.event ? (
            <>
              {" · "}
              <Link href={eventHref(article.event.id, filters)}>{article.event.title}</Link>
            </>
          ) : null}
        </p>
        <h1>{article.title ?? "(untitled)"}</h1>
        <p className="muted">
          {formatDated(article.publishedAt, article.publishedAtPrecision)}
          {article.publishedAtEstimated ? " (estimated)" : ""}
          {article.authors.length ? ` · by ${article.authors.join(", ")}` : ""} · {formatNumber(article.wordCount)} words
        </p>
      </header>
      <div className="grid-2">
        <section className="card" aria-labelledby="article-text">
          <div className="chart-head">
            <h2 id="article-text">Text</h2>
            <ToggleGroup
              label="Highlights"
              current={highlight ? "on" : "off"}
              options={[
                { value: "on", label: "Highlights on", href: withParams(path, query, { highlight: null }) },
                { value: "off", label: "Plain text", href: withParams(path, query, { highlight: "off" }) },
              ]}
            />
          </div>
          {highlight ? (
            <ul className="key" aria-label="Highlight key">
              <li>
                <mark className="hl-quote">quote</mark>
              </li>
              <li>
                <mark className="hl-person">person or organisation</mark>
              </li>
              <li>
                <mark className="hl-place">place</mark>
              </li>
            </ul>
          ) : null}
          {article.duplicateOf ? (
            <p className="demo-banner">
              Syndicated copy ({formatShare(article.duplicateSimilarity ?? 0)} alike) of{" "}
              <Link href={articleHref(article.duplicateOf.id)}>{article.duplicateOf.title ?? "the original"}</Link>.
            </p>
          ) : null}
          {article.body.trim() ? (
            <ArticleText
              body={article.body}
              quotes={quoteSpans}
              mentions={mentionSpans}
              highlight={highlight}
              filters={filters}
            />
          ) : (
            <p className="muted">No text was extracted from this article.</p>
          )}
        </section>
        <div>
          <section className="card" aria-labelledby="article-facts">
            <h2 id="article-facts">Where the facts came from</h2>
            <dl className="facts">
              <dt>Outlet</dt>
              <dd>
                {article.outlet?.name ?? "unknown"}{" "}
                <span className="muted">— {PROVENANCE[article.outletSource] ?? words(article.outletSource)}</span>
                {article.outletEvidence ? <div className="muted">evidence: “{article.outletEvidence}”</div> : null}
              </dd>
              <dt>Published</dt>
              <dd>
                {article.publishedAt ? (
                  <>
                    {formatDated(article.publishedAt, article.publishedAtPrecision)}{" "}
                    <span className="muted">
                      ({article.publishedAtEstimated ? "estimated" : `as written: ${article.publishedAt}`})
                    </span>
                  </>
                ) : (
                  "unknown"
                )}
                {article.publishedAtOffset ? ` (stated offset ${article.publishedAtOffset}, not applied)` : ""}
                <div className="muted">
                  {PROVENANCE[article.publishedAtSource] ?? words(article.publishedAtSource)},{" "}
                  {formatShare(article.publishedAtConfidence)} confidence
                  {article.publishedAtPrecision ? `, to the ${words(article.publishedAtPrecision)}` : ""}
                </div>
                {article.publishedAtEvidence ? <div className="muted">evidence: “{article.publishedAtEvidence}”</div> : null}
                {article.publishedAtEarliest || article.publishedAtLatest ? (
                  <div className="muted">
                    plausible range {formatLocal(article.publishedAtEarliest)} – {formatLocal(article.publishedAtLatest)}
                  </div>
                ) : null}
              </dd>
              {article.modifiedAt ? (
                <>
                  <dt>Modified</dt>
                  <dd>{article.modifiedAt}</dd>
                </>
              ) : null}
              <dt>Language</dt>
              <dd>{article.language ?? "unknown"}</dd>
              <dt>Address</dt>
              <dd>
                {href ? (
                  <a href={href} rel="noopener noreferrer nofollow">
                    {article.url}
                  </a>
                ) : (
                  (article.url ?? "none given")
                )}
              </dd>
              {showOriginal ? (
                <>
                  <dt>Original</dt>
                  <dd>
                    {originalHref ? (
                      <a href={originalHref} rel="noopener noreferrer nofollow">
                        {article.canonicalUrl}
                      </a>
                    ) : (
                      article.canonicalUrl
                    )}
                  </dd>
                </>
              ) : null}
              {article.externalId ? (
                <>
                  <dt>Input id</dt>
                  <dd>{article.externalId}</dd>
                </>
              ) : null}
              <dt>Stored</dt>
              <dd>{formatInstant(article.createdAt)}</dd>
              {article.event?.story ? (
                <>
                  <dt>Story</dt>
                  <dd>
                    <Link href={storyHref(article.event.story.id, filters)}>{article.event.story.title}</Link>
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
          <section className="card" aria-labelledby="article-quotes">
            <h2 id="article-quotes">Quotes ({article.quotes.length})</h2>
            {article.quotes.length === 0 ? (
              <p className="muted">No quotes found.</p>
            ) : (
              <ol className="list">
                {article.quotes.map((q) => (
                  <li key={q.id}>
                    <a href={`#${quoteAnchor(q.id)}`}>“{q.text.length > 90 ? `${q.text.slice(0, 90)}…` : q.text}”</a>
                    <div className="meta">
                      {q.speaker ? <Link href={personHref(q.speaker.id, filters)}>{q.speaker.name}</Link> : "speaker unknown"}
                      {q.speakerAsWritten && q.speakerAsWritten !== q.speaker?.name ? ` (as “${q.speakerAsWritten}”)` : ""} ·{" "}
                      {words(q.attribution)}, {formatShare(q.confidence)}
                      {q.kind === "FRAGMENT" ? " · fragment" : ""}
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section className="card" aria-labelledby="article-entities">
            <h2 id="article-entities">Named</h2>
            {article.mentions.length === 0 ? (
              <p className="muted">No people, places or organisations found.</p>
            ) : (
              <ul className="list">
                {article.mentions.map((m) => (
                  <li key={m.entity.id} className="ranked">
                    {m.entity.kind === "PERSON" ? (
                      <Link href={personHref(m.entity.id, filters)}>{m.entity.name}</Link>
                    ) : (
                      <span>{m.entity.name}</span>
                    )}
                    <span className="num muted">
                      {words(m.entity.kind)} · {m.count}×
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>
          {article.citations.length ? (
            <section className="card" aria-labelledby="article-citations">
              <h2 id="article-citations">Sources it cites</h2>
              <ul className="list">
                {article.citations.map((c) => (
                  <li key={`${c.outlet.id}-${c.kind}-${c.asWritten}`}>
                    <Link href={outletHref(c.outlet.slug, filters)}>{c.outlet.name}</Link>
                    <div className="meta">
                      {words(c.kind)}: “{c.asWritten}”
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </div>
      </div>
    </>
  );
}
