// An id or slug that matches nothing: usually an old link after the database was rebuilt.
import Link from "next/link";

export default function NotFound() {
  return (
    <section className="card">
      <h1>Not found</h1>
      <p>Nothing here matches this address. Links from an earlier database go stale when it is rebuilt or re-clustered.</p>
      <p>
        Start again from the <Link href="/">overview</Link>, or look it up under <Link href="/events">events</Link>,{" "}
        <Link href="/outlets">outlets</Link> or <Link href="/people">people</Link>.
      </p>
    </section>
  );
}
