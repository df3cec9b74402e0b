import { describe, expect, it } from "vitest";
import { fairCall } from "@/lib/services/opportunity_announcement/fair-call";

describe("fairCall", () => {
  it("calls a paid posting with a stated amount and no entry fee fair", () => {
    const call = fairCall({ paid: true, compensationAmount: 2000, compensationCurrency: "EUR" });
    expect(call).toEqual({ level: "fair", label: "Fair call", reason: "Free to apply and pays €2,000, stated up front." });
  });

  it("calls an entry fee with no pay pay-to-play, naming the fee", () => {
    const call = fairCall({ paid: false, entryFeeAmount: 35, entryFeeCurrency: "USD" });
    expect(call.level).toBe("pay_to_play");
    expect(call.label).toBe("Pay to play");
    expect(call.reason).toBe("Charges a $35 entry fee and pays nothing.");
  });

  it("asks for caution when something is missing or costs the artist", () => {
    expect(fairCall({ paid: false })).toMatchObject({ level: "caution", reason: "Free to apply, but unpaid." });
    expect(fairCall({ paid: true })).toMatchObject({ level: "caution", reason: "Free to apply and paid, but the amount is not stated." });
    expect(fairCall({ paid: true, compensationAmount: 0, compensationCurrency: "EUR" }).level).toBe("caution");
    const feeAndPay = fairCall({ paid: true, compensationAmount: 500, compensationCurrency: "GBP", entryFeeAmount: 12.5, entryFeeCurrency: "GBP" });
    expect(feeAndPay).toMatchObject({ level: "caution", reason: "Pays £500, but charges a £12.50 entry fee to apply." });
  });

  it("treats a zero entry fee as no fee", () => {
    expect(fairCall({ paid: true, compensationAmount: 100, compensationCurrency: "EUR", entryFeeAmount: 0, entryFeeCurrency: "EUR" }).level).toBe("fair");
    expect(fairCall({ paid: false, entryFeeAmount: 0, entryFeeCurrency: "EUR" }).level).toBe("caution");
  });

  it("gives every level a one-line explanation", () => {
    const inputs = [{ paid: true, compensationAmount: 1, compensationCurrency: "EUR" }, { paid: false }, { paid: false, entryFeeAmount: 5, entryFeeCurrency: "EUR" }];
    for (const input of inputs) {
      const { reason } = fairCall(input);
      expect(reason.length).toBeGreaterThan(10);
      expect(reason).not.toMatch(/\n/);
    }
  });
});
