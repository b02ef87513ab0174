// A section still waiting for the API: its card and heading at once, a placeholder where the content goes, so
// the sections that are ready show without waiting for the slowest and nothing jumps when it arrives.
export function SectionSkeleton({ title, height }: { title?: string; height: string }) {
  return (
    <section className="card" aria-busy="true">
      {title ? <h2>{title}</h2> : null}
      <p className="visually-hidden" role="status">
        Loading…
      </p>
      <div className="skeleton" style={{ height }} />
    </section>
  );
}
