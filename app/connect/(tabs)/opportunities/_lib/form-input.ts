import { checkedOf, listOf, textOf } from "@/app/_lib/form-action";

/** Service field keys → the form's input names, so each error lands under its input. */
export function formFieldName(key: string): string {
  if (key.startsWith("compensation.")) return key === "compensation.currency" ? "compensationCurrency" : "compensationAmount";
  if (key.startsWith("entryFee.")) return key === "entryFee.currency" ? "entryFeeCurrency" : "entryFeeAmount";
  if (key.startsWith("tags")) return "tags";
  return key;
}

const amountOf = (text: string) => (text === "" ? undefined : Number(text.replace(",", ".")));

/** Text values typed into the posting form, echoed back when the form is refused. */
export function postingValues(data: FormData): Record<string, string> {
  const names = ["title", "kind", "description", "tags", "region", "location", "startsAt", "endsAt", "deadline", "compensationAmount", "compensationCurrency", "entryFeeAmount", "entryFeeCurrency", "url"];
  const values = Object.fromEntries(names.map((n) => [n, textOf(data, n)]));
  values.paid = checkedOf(data, "paid") ? "on" : "";
  return values;
}

/**
 * The posting form as the service's JSON input. Dates are YYYY-MM-DD (the service reads a bare
 * deadline or end date as the end of that day, UTC); empty fields mean "none".
 */
export function postingInput(data: FormData) {
  const paid = checkedOf(data, "paid");
  const amount = amountOf(textOf(data, "compensationAmount"));
  const fee = amountOf(textOf(data, "entryFeeAmount"));
  const date = (name: string) => textOf(data, name) || null;
  return {
    title: textOf(data, "title"),
    kind: textOf(data, "kind") || undefined,
    description: typeof data.get("description") === "string" ? String(data.get("description")) : "",
    tags: listOf(data, "tags"),
    region: textOf(data, "region"),
    location: textOf(data, "location") || null,
    startsAt: date("startsAt"),
    endsAt: date("endsAt"),
    deadline: date("deadline"),
    compensation: amount === undefined ? { paid } : { paid, amount, currency: textOf(data, "compensationCurrency") || "EUR" },
    entryFee: fee === undefined || fee === 0 ? null : { amount: fee, currency: textOf(data, "entryFeeCurrency") || "EUR" },
    url: textOf(data, "url") || null,
  };
}
