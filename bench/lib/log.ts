// Progress lines with the time since the run started (worker processes inherit the start through
// BENCH_T0), so a 20-minute run shows where it is.
const started = Number(process.env.BENCH_T0) || Date.now();
process.env.BENCH_T0 = String(started);

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
