// An ingest run's outcome as a badge whose words, not only its colour, say how it went.
const LABELS = {
  SUCCEEDED: "succeeded",
  PARTIAL: "partly failed",
  FAILED: "failed",
  RUNNING: "running",
  // Killed before it ended; the next run found it dead (it held no lock) and said so.
  INTERRUPTED: "interrupted",
} as const;

export function RunStatus({ status }: { status: keyof typeof LABELS }) {
  const tone = status === "SUCCEEDED" ? "good" : status === "RUNNING" ? "" : "bad";
  return <span className={`badge ${tone}`}>{LABELS[status] ?? status.toLowerCase()}</span>;
}
