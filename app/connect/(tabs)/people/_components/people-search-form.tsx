import Link from "next/link";
import { FieldErrors } from "@/app/_components/form-field";
import { primaryButton, textLink } from "@/app/_components/styles";
import type { FieldErrors as FieldErrorMap } from "@/lib/errors";
import { SEARCH_Q_MAX } from "@/lib/validation/search";

const labelClass = "block text-sm font-medium text-ink";
// form-field.tsx is a client module, so its inputClass string cannot be imported here (a server
// component would get a client reference); the same classes, kept in step with it.
const inputClass =
  "block w-full rounded-lg border border-field bg-surface px-3.5 py-2.5 text-base text-ink placeholder:text-muted " +
  "aria-[invalid=true]:border-danger";

type Field = { name: "skill" | "tag" | "region"; label: string; placeholder: string; maxLength: number; hint?: string };
const FIELDS: Field[] = [
  { name: "skill", label: "Skill", placeholder: "ceramics", maxLength: 40, hint: "A whole skill, any capitals." },
  { name: "tag", label: "Tag", placeholder: "climate", maxLength: 40 },
  { name: "region", label: "Region", placeholder: "Lisbon or PT", maxLength: 80, hint: "The start of the place or of any word in it." },
];

/**
 * The people search as a plain GET form: the URL holds the search, so it can be shared and
 * bookmarked, and it works without JavaScript.
 */
export function PeopleSearchForm({ params, errors, searching, intent }: { params: URLSearchParams; errors: FieldErrorMap; searching: boolean; intent?: string }) {
  const v = (key: string) => params.get(key) ?? "";
  const invalid = (key: string) => (errors[key]?.length ? true : undefined);
  const describedBy = (key: string, hint: boolean) => [hint ? `people-${key}-hint` : "", errors[key]?.length ? `people-${key}-error` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <form method="get" action="/connect/people" role="search" aria-label="People" className="space-y-5 rounded-2xl border border-line bg-surface p-6">
      {/* Keeps the suggestions' intent across a search. */}
      {intent && intent !== "follow" ? <input type="hidden" name="intent" value={intent} /> : null}
      <div>
        <label htmlFor="people-q" className={labelClass}>
          Search people
        </label>
        <p id="people-q-hint" className="mt-1 text-sm text-muted">
          Names, handles, headlines, bios, skills and tags. Small typos are fine.
        </p>
        <input
          id="people-q"
          name="q"
          type="search"
          defaultValue={v("q")}
          maxLength={SEARCH_Q_MAX}
          placeholder="Mira Lane, risograph, curator in Porto…"
          className={`${inputClass} mt-2`}
          aria-invalid={invalid("q")}
          aria-describedby={describedBy("q", true)}
        />
        <FieldErrors id="people-q" errors={errors.q} />
      </div>

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-4">
        {FIELDS.map((f) => (
          <div key={f.name}>
            <label htmlFor={`people-${f.name}`} className={labelClass}>
              {f.label}
            </label>
            <input
              id={`people-${f.name}`}
              name={f.name}
              defaultValue={v(f.name)}
              maxLength={f.maxLength}
              placeholder={f.placeholder}
              className={`${inputClass} mt-2`}
              aria-invalid={invalid(f.name)}
              aria-describedby={describedBy(f.name, Boolean(f.hint))}
            />
            {f.hint ? (
              <p id={`people-${f.name}-hint`} className="mt-1 text-xs text-muted">
                {f.hint}
              </p>
            ) : null}
            <FieldErrors id={`people-${f.name}`} errors={errors[f.name]} />
          </div>
        ))}
        <div>
          <label htmlFor="people-kind" className={labelClass}>
            Kind
          </label>
          <select id="people-kind" name="kind" defaultValue={v("kind")} className={`${inputClass} mt-2`} aria-invalid={invalid("kind")} aria-describedby={describedBy("kind", false)}>
            <option value="">Anyone</option>
            <option value="creator">Creators</option>
            <option value="diffuser">Diffusers (galleries, curators, venues)</option>
          </select>
          <FieldErrors id="people-kind" errors={errors.kind} />
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButton}>
          Search
        </button>
        {searching ? (
          <Link href="/connect/people" className={textLink}>
            Clear search
          </Link>
        ) : null}
      </div>
    </form>
  );
}
