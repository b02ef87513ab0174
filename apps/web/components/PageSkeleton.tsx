// Shown while a page waits for the API: the shape of what is coming, so nothing jumps when it arrives.
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite">
      <p className="visually-hidden">Loading…</p>
      <div className="skeleton" style={{ height: "2rem", width: "40%", marginBottom: "1rem" }} />
      <div className="skeleton" style={{ height: "3.5rem", marginBottom: "1rem" }} />
      <div className="skeleton" style={{ height: "18rem", marginBottom: "1rem" }} />
      <div className="grid">
        <div className="skeleton" style={{ height: "12rem", marginBottom: "1rem" }} />
        <div className="skeleton" style={{ height: "12rem", marginBottom: "1rem" }} />
      </div>
    </div>
  );
}
