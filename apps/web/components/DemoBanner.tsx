// Demo outlets use the reserved .example domain; when any are stored, every page says the data is made up.
import { graphql } from "../lib/graphql";
import { load } from "../lib/load";

const DemoOutletsQuery = graphql(`
  query DemoOutlets {
    outlets(first: 1, search: ".example") {
      totalCount
    }
  }
`);

export async function DemoBanner() {
  const result = await load(DemoOutletsQuery, {});
  if (!result.data || result.data.outlets.totalCount === 0) return null;
  return (
    <p className="demo-banner" role="note">
      <strong>Demo data.</strong> Some outlets here are fictional (their domains end in <code>.example</code>): the built-in demo
      corpus is loaded. Ingest your own articles with <code>npm run storyline -- ingest &lt;files or URLs&gt;</code>.
    </p>
  );
}
