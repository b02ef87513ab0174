import { gql } from "@urql/core";
import { getClient } from "../lib/urql";

export const dynamic = "force-dynamic";

const OverviewQuery = gql`
  query Overview {
    health { ok }
    articles(first: 5) {
      totalCount
      edges { node { id title publishedAt outlet { name } } }
    }
  }
`;

interface OverviewData {
  health: { ok: boolean };
  articles: { totalCount: number; edges: { node: { id: string; title: string | null; publishedAt: string | null; outlet: { name: string } | null } }[] };
}

export default async function OverviewPage() {
  const result = await getClient().query<OverviewData>(OverviewQuery, {});
  if (result.error || !result.data) {
    return (
      <section className="card error" role="alert">
        <h1>The API did not answer</h1>
        <p>{result.error?.message ?? "No data."}</p>
        <p className="muted">Start it with <code>npm start</code>, or check STORYLINE_API_URL.</p>
      </section>
    );
  }
  const { articles } = result.data;
  return (
    <section>
      <h1>Overview</h1>
      <p>{articles.totalCount} articles stored.</p>
      <ul>
        {articles.edges.map(({ node }) => (
          <li key={node.id}>
            {node.title ?? "(untitled)"} <span className="muted">{node.outlet?.name ?? "unknown outlet"} · {node.publishedAt ?? "undated"}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
