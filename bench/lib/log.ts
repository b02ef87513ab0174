// Progress lines with the time since the run started (worker processes are handed the start with
// setRunStart), so a 20-minute run shows where it is.
let started = Date.now();

export const runStart = () => started;

export function setRunStart(epochMs: number) {
  if (Number.isFinite(epochMs) && epochMs > 0) started = epochMs;
}

export function elapsed(): string {
  const s = Math.floor((Date.now() - started) / 1000);
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

export function log(message: string) {
  process.stderr.write(`[${elapsed()}] ${message}\n`);
}

export function formatCount(n: number): string {
  if (n >= 1_000_000 && n % 1_000_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 1_000 === 0) return `${n / 1_000}k`;
  return n.toLocaleString("en-US");
}
