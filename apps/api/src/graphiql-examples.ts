// The operations GraphiQL opens with, one tab each. Each answers a question an analyst asks of whatever data is
// loaded: no names, phrases or dates of the demo corpus (ranges are relative to the data, people picked from it).
// Tests run every one on the demo corpus and on a small real ingest, and expect an answer from each.
export interface ExampleOperation {
  name: string;
  query: string;
}

export const exampleOperations: ExampleOperation[] = [
  {
    name: "QuoteTravel",
    query: `# Which quotes travelled furthest: who said them, which outlets carried them, and when? First carrier first.
# (Add search: "some words" to follow one quote.)
query QuoteTravel {
  quoteClusters(first: 3) {
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
    query: `# How did coverage change month by month, by outlet, over the last twelve months of the data?
# Counts and share of all coverage, zero-filled. (Give from: "2025-01-01", to: "2025-12-31" for a fixed range.)
query CoverageByOutletMonthly {
  dataRange { first last }
  coverage(dimension: OUTLET, bucket: MONTH, top: 6) {
    buckets
    totals
    series { label total points { bucket count share } }
  }
}
`,
  },
  {
    name: "WhatDidTheySay",
    query: `# What did the most quoted person say, and who quoted them? Newest first.
# (Or pick someone: people(first: 1, search: "a name").)
query WhatDidTheySay {
  people(first: 1) {
    edges {
      node {
        name
        quoteCount
        quotes(first: 20) {
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
