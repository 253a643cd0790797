import { provide } from '@lit/context';
import { html, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CONTENT_RATINGS, isOneOf, type ContentRating } from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import {
  createSettings,
  pageLocale,
  storefrontContext,
  validCurrency,
  validLocale,
  type StorefrontSettings,
} from './context.js';
import { styles } from './storefront.styles.js';

/** Colour themes `<aip-storefront>` accepts. */
export const THEMES = ['light', 'dark', 'auto'] as const;
export type Theme = (typeof THEMES)[number];

/**
 * The root of an embed. It shares one marketplace client (and so one request
 * cache), the creator, locale, currency and content-rating limit with every
 * `aip-*` element inside it, and applies the colour theme.
 *
 * @summary Provides the API client and settings to the elements inside it.
 * @tag aip-storefront
 *
 * @slot - The storefront's content: catalogs, cards, any markup of the host's.
 *
 * @cssprop --aip-color-accent - Brand colour for buttons, links and focus rings.
 * @cssprop --aip-color-text - Text colour; the host's by default.
 * @cssprop --aip-color-text-muted - Secondary text.
 * @cssprop --aip-color-surface - Card background; transparent by default.
 * @cssprop --aip-color-border - Hairlines around cards and controls.
 * @cssprop --aip-radius-m - Corner radius of cards.
 */
export class AipStorefront extends AipElement {
  static override styles = [...AipElement.styles, styles];

  @provide({ context: storefrontContext })
  @state()
  private settings!: StorefrontSettings;

  /** Base URL of the marketplace API, without `/v1`. Empty means the page's own origin. */
  @property() api = '';

  /** Show only this creator's listings (their handle), or every creator's when unset. */
  @property() creator: string | null = null;

  /** BCP 47 locale for prices and dates. Default: the page's `lang`, then the browser's. */
  @property() locale: string | null = null;

  /** ISO 4217 currency for amounts given without one. */
  @property() currency = 'USD';

  /** The highest content rating shown: `general` (default), `suggestive`, `erotic` or `explicit`. */
  @property({ attribute: 'max-rating' }) maxRating: ContentRating = 'general';

  /** Colour theme: `light` (default), `dark`, or `auto` to follow the viewer's system. */
  @property({ reflect: true }) theme: Theme = 'light';

  override connectedCallback(): void {
    // Settings must exist before the children ask for them, which they do as
    // soon as they connect, before this element's first update.
    this.settings = this.buildSettings();
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (
      changed.has('api') ||
      changed.has('creator') ||
      changed.has('locale') ||
      changed.has('currency') ||
      changed.has('maxRating')
    ) {
      const next = this.buildSettings();
      if (JSON.stringify(this.describe(next)) !== JSON.stringify(this.describe(this.settings))) {
        this.settings = next;
      }
    }
    if (changed.has('theme') && !isOneOf(THEMES, this.theme)) {
      this.warnOnce('theme', `theme="${this.theme}" is not one of ${THEMES.join(', ')}; using light.`);
      this.theme = 'light';
    }
  }

  private describe(s: StorefrontSettings) {
    return [s.client.baseUrl, s.creator, s.locale, s.currency, s.maxRating];
  }

  private buildSettings(): StorefrontSettings {
    const creator = this.validSlug('creator', this.creator, 'is not a creator handle; showing every creator.');
    let locale = this.locale ? validLocale(this.locale) : pageLocale(this);
    if (!locale) {
      this.warnOnce('locale', `locale="${this.locale}" is not a BCP 47 locale; using the page's.`);
      locale = pageLocale(this);
    }
    let currency = this.currency?.toUpperCase() ?? 'USD';
    if (!validCurrency(currency)) {
      this.warnOnce('currency', `currency="${this.currency}" is not an ISO 4217 code; using USD.`);
      currency = 'USD';
    }
    let maxRating = this.maxRating;
    if (!isOneOf(CONTENT_RATINGS, maxRating)) {
      this.warnOnce('max-rating', `max-rating="${String(maxRating)}" is not a content rating; using general.`);
      maxRating = 'general';
    }
    return createSettings({ api: this.api ?? '', creator, locale, currency, maxRating });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
