// Outlet kinds in words an analyst would use.
const LABELS: Record<string, string> = {
  AGGREGATOR: "Aggregator",
  BLOG: "Blog",
  BROADCASTER: "Broadcaster",
  PUBLISHER: "Publisher",
  STATE_MEDIA: "State media",
  UNKNOWN: "Unknown",
  WIRE_AGENCY: "Wire agency",
};

export const outletKindLabel = (kind: string) => LABELS[kind] ?? kind;
