// A segmented switch made of links: the choice lives in the URL, so it needs no JavaScript and can be shared.
import Link from "next/link";

export interface ToggleOption {
  value: string;
  label: string;
  href: string;
}

export function ToggleGroup({ label, options, current }: { label: string; options: ToggleOption[]; current: string }) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset groups form controls; these are links to other views.
    <div className="toggle" role="group" aria-label={label}>
      {options.map((option) => (
        <Link
          key={option.value}
          href={option.href}
          scroll={false}
          prefetch={false}
          aria-current={option.value === current ? "true" : undefined}
        >
          {option.label}
        </Link>
      ))}
    </div>
  );
}
