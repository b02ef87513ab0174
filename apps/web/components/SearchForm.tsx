// A search box that is a GET form: the words land in the URL (?q=), next to the global filters.
import { firstParam, type SearchParams } from "../lib/filters";

const OWN_PARAMS = new Set(["q", "after", "before"]);

export function SearchForm({
  path,
  params,
  label,
  placeholder,
}: {
  path: string;
  params: SearchParams;
  label: string;
  placeholder?: string;
}) {
  return (
    <search>
      <form className="search" method="get" action={path}>
        {Object.entries(params)
          .filter(([key]) => !OWN_PARAMS.has(key))
          .flatMap(([key, value]) =>
            (Array.isArray(value) ? value : [value ?? ""]).map((v) => (
              <input key={`${key}=${v}`} type="hidden" name={key} value={v} />
            )),
          )}
        <label>
          <span className="visually-hidden">{label}</span>
          <input type="search" name="q" defaultValue={firstParam(params, "q") ?? ""} placeholder={placeholder ?? label} />
        </label>
        <button type="submit">Search</button>
      </form>
    </search>
  );
}
