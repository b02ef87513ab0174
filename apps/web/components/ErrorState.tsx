// The API failed: tell the analyst whether it is down or refused the question, and what to try.
import type { ApiFailure } from "../lib/load";

export function ErrorState({ failure, what }: { failure: ApiFailure; what: string }) {
  return (
    <section className="card error" role="alert">
      <h2>{failure.kind === "unreachable" ? "The Storyline API did not answer" : `The API could not load ${what}`}</h2>
      <p>{failure.message}</p>
      {failure.kind === "unreachable" ? (
        <p className="muted">
          Start everything with <code>npm start</code>, or start the API with <code>npm run start -w @storyline/api</code>. If it
          runs elsewhere, set <code>STORYLINE_API_URL</code> for the dashboard. Then reload this page.
        </p>
      ) : (
        <p className="muted">
          Check the date range and filters in the address bar, or clear them with the Reset link. If this persists, the API log
          says more.
        </p>
      )}
    </section>
  );
}
