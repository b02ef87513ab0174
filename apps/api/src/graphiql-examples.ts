// The operations GraphiQL opens with. Each answers a question an analyst asks of the demo data.
export interface ExampleOperation {
  name: string;
  query: string;
  variables?: string;
}

export const exampleOperations: ExampleOperation[] = [
  {
    name: "LatestArticles",
    query: `# The newest articles, with where each date and outlet came from.
query LatestArticles {
  articles(first: 10) {
    totalCount
    edges {
      node {
        title
        publishedAt
        publishedAtSource
        outlet { name kind }
        outletSource
      }
    }
  }
}
`,
  },
  {
    name: "Outlets",
    query: `# Every outlet Storyline knows, with how many articles each published.
query Outlets {
  outlets(first: 50) {
    totalCount
    edges { node { name domain kind articles { totalCount } } }
  }
}
`,
  },
  {
    name: "IngestHealth",
    query: `# Did the last ingest runs succeed, and which inputs failed?
query IngestHealth {
  health { ok databaseLatencyMs }
  ingestRuns(first: 5) {
    edges {
      node {
        startedAt status seen stored unchanged failed
        errors(first: 5) { edges { node { input reason } } }
      }
    }
  }
}
`,
  },
];

export const defaultQuery = exampleOperations[0]?.query ?? "";
