/**
 * Numbers in the rep's locale (the browser's) and the analysis currency. Formatters are built once:
 * a 100,000-row table formats thousands of cells per scroll.
 */
export function createFormat(currency: string, locale?: string) {
  const safeCurrency = (() => {
    try {
      new Intl.NumberFormat(locale, { style: 'currency', currency });
      return currency;
    } catch {
      return 'EUR';
    }
  })();
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency: safeCurrency, maximumFractionDigits: 0 });
  const moneyExact = new Intl.NumberFormat(locale, { style: 'currency', currency: safeCurrency });
  // Chart axes: "€12K", "1.2M" (the tables next to them give the exact figures).
  const moneyCompact = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency: safeCurrency,
    notation: 'compact',
    maximumFractionDigits: 1,
  });
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const dayTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const month = new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    currency: safeCurrency,
    money: (v: number | undefined) => (v === undefined ? '—' : money.format(v)),
    moneyExact: (v: number | undefined) => (v === undefined ? '—' : moneyExact.format(v)),
    moneyCompact: (v: number) => moneyCompact.format(v),
    compact: (v: number) => compact.format(v),
    integer: (v: number | undefined) => (v === undefined ? '—' : integer.format(v)),
    decimal: (v: number | undefined) => (v === undefined ? '—' : decimal.format(v)),
    percent: (v: number | undefined) => (v === undefined ? '—' : percent.format(v)),
    date: (ms: number | string | undefined) => (ms === undefined ? '—' : day.format(new Date(ms))),
    dateTime: (ms: number | string | undefined) => (ms === undefined ? '—' : dayTime.format(new Date(ms))),
    /** "2026-03" → "Mar 2026". */
    month: (key: string) => (/^\d{4}-\d{2}$/.test(key) ? month.format(new Date(`${key}-01T00:00:00Z`)) : key),
  };
}
export type Format = ReturnType<typeof createFormat>;
