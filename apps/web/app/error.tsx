"use client";
// Last resort for a page that threw: say so plainly and offer a retry; API failures are handled in the pages.
import { useEffect } from "react";

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.warn("storyline: page failed", error.digest ?? error.message);
  }, [error]);
  return (
    <section className="card error" role="alert">
      <h1>This page could not be shown</h1>
      <p>Something went wrong while building it{error.digest ? ` (reference ${error.digest}, in the dashboard’s log)` : ""}.</p>
      <p>
        <button type="button" onClick={reset}>
          Try again
        </button>{" "}
        or go back to the <a href="/">overview</a>.
      </p>
    </section>
  );
}
