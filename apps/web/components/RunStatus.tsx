// An ingest run's outcome as a badge whose words, not only its colour, say how it went.
const LABELS = { SUCCEEDED: "succeeded", PARTIAL: "partly failed", FAILED: "failed", RUNNING: "running or interrupted" } as const;

export function RunStatus({ status }: { status: keyof typeof LABELS }) {
  const tone = status === "SUCCEEDED" ? "good" : status === "RUNNING" ? "" : "bad";
  return <span className={`badge ${tone}`}>{LABELS[status]}</span>;
}
