/**
 * The "fair call" indicator: a plain reading of the structured fields (paid, stated amount,
 * entry fee), never of the free text, so it cannot be gamed by wording and needs no data beyond
 * the posting. Pure, so the pages, the API and the tests agree.
 */

export type FairCallLevel = "fair" | "caution" | "pay_to_play";
export type FairCall = { level: FairCallLevel; label: string; reason: string };

export type FairCallInput = {
  paid: boolean;
  compensationAmount?: number | null;
  compensationCurrency?: string | null;
  entryFeeAmount?: number | null;
  entryFeeCurrency?: string | null;
};

const LABELS: Record<FairCallLevel, string> = { fair: "Fair call", caution: "Caution", pay_to_play: "Pay to play" };

export function formatMoney(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en", { style: "currency", currency, maximumFractionDigits: Number.isInteger(amount) ? 0 : 2 }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

export function fairCall(input: FairCallInput): FairCall {
  const fee = input.entryFeeAmount && input.entryFeeAmount > 0 ? formatMoney(input.entryFeeAmount, input.entryFeeCurrency ?? "EUR") : null;
  const stated = input.paid && input.compensationAmount != null && input.compensationAmount > 0;
  const pay = stated ? formatMoney(input.compensationAmount!, input.compensationCurrency ?? "EUR") : null;
  const call = (level: FairCallLevel, reason: string): FairCall => ({ level, label: LABELS[level], reason });

  if (fee && !input.paid) return call("pay_to_play", `Charges a ${fee} entry fee and pays nothing.`);
  if (fee) return call("caution", `Pays${pay ? ` ${pay}` : ""}, but charges a ${fee} entry fee to apply.`);
  if (!input.paid) return call("caution", "Free to apply, but unpaid.");
  if (!pay) return call("caution", "Free to apply and paid, but the amount is not stated.");
  return call("fair", `Free to apply and pays ${pay}, stated up front.`);
}
