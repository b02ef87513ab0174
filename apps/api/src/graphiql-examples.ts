// The operations GraphiQL opens with, one tab each. Each answers a question an analyst asks of the demo
// data (the fictional Norland-Estova harbour treaty story); a test runs every one of them.
export interface ExampleOperation {
  name: string;
  query: string;
}

export const exampleOperations: ExampleOperation[] = [
  {
    name: "QuoteTravel",
    query: `# Which outlets carried Vetrov's "without any preconditions", and when? First carrier first.
query QuoteTravel {
  quoteClusters(first: 3, search: "without any preconditions") {
    edges {
      node {
        canonicalText
        speaker { name }
        firstOutlet { name }
        firstSeenAt
        outletCount
        quotes(first: 20) {
          edges { node { publishedAt attribution article { title outlet { name } } } }
        }
      }
    }
  }
}
`,
  },
  {
    name: "CoverageByOutletMonthly",
    query: `# How did coverage change month by month, by outlet? Counts and share of all coverage, zero-filled.
query CoverageByOutletMonthly {
  coverage(dimension: OUTLET, from: "2025-01-01", to: "2025-12-31", bucket: MONTH, top: 6) {
    buckets
    totals
    series { label total points { bucket count share } }
  }
}
`,
  },
  {
    name: "WhatDidLindSay",
    query: `# What did Maria Lind say between March and October 2025, and who quoted her?
query WhatDidLindSay {
  quotes(first: 20, orderBy: OLDEST, filter: { speakerName: "Lind", published: { from: "2025-03-01", to: "2025-10-31" } }) {
    totalCount
    edges {
      node {
        text
        publishedAt
        speakerAsWritten
        attribution
        confidence
        article { outlet { name } title }
      }
    }
  }
}
`,
  },
  {
    name: "TopEvents",
    query: `# The most covered events, with their date, place, participants and story.
query TopEvents {
  events(first: 10, orderBy: MOST_COVERED) {
    totalCount
    edges {
      node {
        title
        date
        articleCount
        place { name }
        participants { weight entity { name } }
        story { title eventCount }
      }
    }
  }
}
`,
  },
  {
    name: "ArticleProvenance",
    query: `# The newest articles, with where each date and outlet came from and how sure Storyline is.
query ArticleProvenance {
  articles(first: 10) {
    totalCount
    edges {
      node {
        title
        publishedAt
        publishedAtSource
        publishedAtConfidence
        publishedAtEvidence
        outlet { name kind }
        outletSource
        outletEvidence
        duplicateOf { title outlet { name } }
      }
    }
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
        startedAt status seen stored unchanged nearDuplicates failed
        errors(first: 5) { edges { node { input stage reason } } }
      }
    }
  }
}
`,
  },
];

export const defaultQuery = exampleOperations[0]?.query ?? "";
