// Amounts as Stripe keeps them (the currency's minor unit) written for people.

/** How many minor units a currency's major unit has: 100 for usd, 1 for jpy. */
function minorDigits(currency: string): number {
  return (
    new Intl.NumberFormat(undefined, { style: "currency", currency }).resolvedOptions()
      .maximumFractionDigits ?? 2
  );
}

/** An amount in a currency's minor unit in its major unit: 1900 usd → 19. */
export function majorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** An amount in a currency's minor unit, written the way the currency is ($19.00, ¥1,900). */
export function formatMoney(amountMinor: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(
    majorUnits(amountMinor, currency),
  );
}

/** A price typed in a currency's major unit ("19", "19.5") in its minor unit, or null when it is not one. */
export function minorUnits(typed: string, currency: string): number | null {
  const value = Number(typed.trim().replace(",", "."));
  if (typed.trim() === "" || !Number.isFinite(value) || value < 0) return null;
  return Math.round(value * 10 ** minorDigits(currency));
}
