import { formatDate } from '../../shared/dates.ts';

/** Money from a Decimal string in the user's language, e.g. "¥12,800.00" / "CN¥12,800.00". */
export function formatAmount(amount: string | null | undefined, currency: string | null | undefined, locale: string): string | null {
  if (amount === null || amount === undefined) return null;
  const value = Number(amount);
  if (!Number.isFinite(value)) return amount;
  try {
    return new Intl.NumberFormat(locale, currency ? { style: 'currency', currency } : { minimumFractionDigits: 2 }).format(value);
  } catch {
    // An unknown currency code: show the number and the code as they are.
    return `${amount} ${currency ?? ''}`.trim();
  }
}

export function formatDateTime(value: string | null | undefined, locale: string): string {
  return formatDate(value, locale);
}
