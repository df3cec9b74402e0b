import { FieldErrors } from "@/app/_components/form-field";

const kinds = [
  {
    value: "creator",
    label: "Creator",
    description: "You make visual work: painting, photography, illustration, sculpture, digital art and more.",
  },
  {
    value: "diffuser",
    label: "Diffuser",
    description: "You show and support artists: a gallery, curator, venue or residency.",
  },
] as const;

/** The creator/diffuser choice, as two radio cards. */
export function KindField({ errors }: { errors?: string[] | undefined }) {
  const invalid = Boolean(errors?.length);
  return (
    <fieldset>
      <legend className="text-sm font-medium text-ink">I am joining as</legend>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        {kinds.map((kind) => (
          <label
            key={kind.value}
            className={
              "flex cursor-pointer items-start gap-3 rounded-xl border bg-surface p-4 transition-colors " +
              "hover:border-ink has-checked:border-accent has-checked:bg-accent-soft " +
              (invalid ? "border-danger" : "border-field")
            }
          >
            <input
              type="radio"
              name="kind"
              value={kind.value}
              aria-invalid={invalid || undefined}
              aria-describedby={`kind-${kind.value}-description${invalid ? " kind-error" : ""}`}
              className="mt-1 size-4 shrink-0 accent-accent"
            />
            <span>
              <span className="block text-base font-medium text-ink">{kind.label}</span>
              <span id={`kind-${kind.value}-description`} className="mt-1 block text-sm leading-snug text-muted">
                {kind.description}
              </span>
            </span>
          </label>
        ))}
      </div>
      <FieldErrors id="kind" errors={errors} />
    </fieldset>
  );
}
