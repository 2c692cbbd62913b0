// One sentence on the unit of money, so a page without a configured currency does not pass plain numbers off as known
// units.
import { html, type SafeHtml } from './escapeHtml.ts';

export function currencyNote(currency: string | null): SafeHtml {
  return currency
    ? html`Amounts are in ${currency}.`
    : html`Amounts are in the marketplace’s own currency, shown as plain numbers (set <code>report.currency</code> in the config, e.g. "CNY", to name it).`;
}
