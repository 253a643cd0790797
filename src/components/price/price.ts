import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { AipElement } from '../../internal/aip-element.js';
import { validCurrency } from '../storefront/context.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './price.styles.js';

/**
 * An amount of money, formatted with `Intl.NumberFormat` in the storefront's
 * locale. Amounts are integer minor units (cents), as the API sends them.
 *
 * @summary Formats integer minor units as money.
 * @tag aip-price
 *
 * @csspart base - The formatted amount.
 */
export class AipPrice extends AipElement {
  static override styles = [...AipElement.styles, styles];

  private readonly store = new StorefrontController(this);

  /** The amount in minor units (cents): `4900` is 49.00. Prices are never negative: a negative amount shows nothing. */
  @property({ type: Number }) amount: number | null = null;

  /** ISO 4217 currency; the storefront's when unset. */
  @property() currency: string | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>` (only the locale matters here). */
  @property() api: string | null = null;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('amount') && this.amount !== null) {
      if (!Number.isSafeInteger(this.amount)) {
        this.warnOnce('amount', `${this.quoted('amount', this.amount)} is not a whole number of minor units.`);
      } else if (this.amount < 0) {
        this.warnOnce(
          'amount-negative',
          `${this.quoted('amount', this.amount)} is negative; a price is never below zero.`,
        );
      }
    }
    if (changed.has('currency') && this.currency && !validCurrency(this.currency.toUpperCase())) {
      this.warnOnce('currency', `currency="${this.currency}" is not an ISO 4217 code.`);
    }
  }

  override render(): TemplateResult | typeof nothing {
    const settings = this.store.value;
    // Upper case, as on the storefront: currency="eur" is euros.
    const own = this.currency?.toUpperCase();
    const currency = own && validCurrency(own) ? own : settings.currency;
    if (this.amount === null || !Number.isSafeInteger(this.amount) || this.amount < 0) return nothing;
    return html`<span part="base">${settings.formatMoney({ amount: this.amount, currency })}</span>`;
  }
}
