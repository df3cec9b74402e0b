import Link from "next/link";
import { FieldErrors } from "@/app/_components/form-field";
import { fieldClass as inputClass } from "../_lib/styles";
import { primaryButton, textLink } from "@/app/_components/styles";
import type { FieldErrors as FieldErrorMap } from "@/lib/errors";
import { KIND_LABEL, KINDS } from "../_lib/format";

const labelClass = "block text-sm font-medium text-ink";
const selectClass = `${inputClass} mt-2`;

/**
 * The search, filters and sort as a plain GET form: the URL is the state, so a search can be
 * shared and bookmarked, and it works without JavaScript.
 */
export function SearchForm({ params, errors, filtersSet }: { params: URLSearchParams; errors: FieldErrorMap; filtersSet: number }) {
  const v = (key: string) => params.get(key) ?? "";
  const kinds = new Set(params.getAll("kind"));
  const invalid = (key: string) => (errors[key]?.length ? true : undefined);
  return (
    <form method="get" action="/connect/opportunities" role="search" aria-label="Opportunities" className="space-y-6 rounded-2xl border border-line bg-surface p-6">
      <div>
        <label htmlFor="opp-q" className={labelClass}>
          Search
        </label>
        <input id="opp-q" name="q" type="search" defaultValue={v("q")} maxLength={200} placeholder="Residency, ceramics, Lisbon…" className={`${inputClass} mt-2`} aria-invalid={invalid("q")} />
        <FieldErrors id="opp-q" errors={errors.q} />
      </div>

      <fieldset>
        <legend className={labelClass}>Kind</legend>
        <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
          {KINDS.map((k) => (
            <label key={k} className="inline-flex items-center gap-2 text-sm text-ink">
              <input type="checkbox" name="kind" value={k} defaultChecked={kinds.has(k)} className="size-4 accent-accent" />
              {KIND_LABEL[k]}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1">
        <div>
          <label htmlFor="opp-tag" className={labelClass}>
            Tags
          </label>
          <input id="opp-tag" name="tag" defaultValue={params.getAll("tag").join(", ")} placeholder="ceramics, coast" aria-describedby="opp-tag-hint" className={`${inputClass} mt-2`} aria-invalid={invalid("tag")} />
          <p id="opp-tag-hint" className="mt-1 text-xs text-muted">
            Separated by commas; postings must have all of them.
          </p>
          <FieldErrors id="opp-tag" errors={errors.tag ?? errors["tag.0"]} />
        </div>
        <div>
          <label htmlFor="opp-region" className={labelClass}>
            Region
          </label>
          <input id="opp-region" name="region" defaultValue={v("region")} maxLength={80} placeholder="Porto, PT" className={`${inputClass} mt-2`} aria-invalid={invalid("region")} />
          <FieldErrors id="opp-region" errors={errors.region} />
        </div>
        <div>
          <label htmlFor="opp-from" className={labelClass}>
            Happening from
          </label>
          <input id="opp-from" name="from" type="date" defaultValue={v("from")} className={`${inputClass} mt-2`} aria-invalid={invalid("from")} />
          <FieldErrors id="opp-from" errors={errors.from} />
        </div>
        <div>
          <label htmlFor="opp-to" className={labelClass}>
            Happening until
          </label>
          <input id="opp-to" name="to" type="date" defaultValue={v("to")} className={`${inputClass} mt-2`} aria-invalid={invalid("to")} />
          <FieldErrors id="opp-to" errors={errors.to} />
        </div>
      </div>

      <div className="flex flex-wrap gap-x-6 gap-y-2">
        <label className="inline-flex items-center gap-2 text-sm text-ink">
          <input type="checkbox" name="paid" value="true" defaultChecked={params.has("paid")} className="size-4 accent-accent" />
          Paid only
        </label>
        <label className="inline-flex items-center gap-2 text-sm text-ink">
          <input type="checkbox" name="noEntryFee" value="true" defaultChecked={params.has("noEntryFee")} className="size-4 accent-accent" />
          No entry fee
        </label>
      </div>

      <div className="grid gap-5 sm:grid-cols-2 lg:grid-cols-1">
        <div>
          <label htmlFor="opp-status" className={labelClass}>
            Status
          </label>
          <select id="opp-status" name="status" defaultValue={v("status")} className={selectClass}>
            <option value="">Open for applications</option>
            <option value="closed">Closed</option>
            <option value="filled">Filled</option>
            <option value="any">Any status</option>
          </select>
        </div>
        <div>
          <label htmlFor="opp-sort" className={labelClass}>
            Sort by
          </label>
          <select id="opp-sort" name="sort" defaultValue={v("sort") || "relevance"} className={selectClass}>
            <option value="relevance">Best match (newest without a search)</option>
            <option value="deadline">Closing soon</option>
            <option value="recent">Newest</option>
          </select>
        </div>
      </div>
      {params.get("owner") === "me" ? <input type="hidden" name="owner" value="me" /> : null}

      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={primaryButton}>
          Search
        </button>
        {filtersSet > 0 ? (
          <Link href="/connect/opportunities" className={textLink}>
            Clear filters
          </Link>
        ) : null}
      </div>
    </form>
  );
}
