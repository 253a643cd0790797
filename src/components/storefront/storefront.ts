import { provide } from '@lit/context';
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { CONTENT_RATINGS, isOneOf, type ContentRating } from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import { LanguageController, languageOf, type Messages } from '../../internal/i18n.js';
import {
  apiBase,
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
 * **Where it applies:** an element takes the settings of the nearest
 * storefront around it, also across shadow roots, and follows when it is moved:
 * taken out of every storefront it goes back to its own `api`, the page's
 * language and US dollars. Storefronts don't nest: one inside another takes
 * nothing from the outer one.
 *
 * **Language:** `locale` picks the language of every text inside, as well as
 * number, money and date formats. English, German and Spanish are built in
 * (`de-AT` uses German, `es-MX` Spanish); German and Spanish texts are fetched
 * the first time they are needed. Other locales show English text with their
 * own formats. Without `locale` the storefront follows the page's `lang`.
 * Two storefronts on one page may use different languages, and changing
 * `locale` re-renders everything inside in the new one.
 *
 * **Your own words:** `messages` replaces any built-in text by its id, e.g.
 * `storefront.messages = { 'checkout.submit': 'Zur Kasse' }` (ids and English
 * texts are in `src/locales/en/`); `{name}` placeholders are filled in, and a
 * text may be given per plural category (`{ one: '…', other: '…' }`).
 *
 * The design tokens (`--aip-color-accent`, `--aip-radius-m`, …) are listed
 * with the storefront's CSS custom properties, each with its light and dark
 * value; set them on any ancestor of the elements.
 *
 * @summary Provides the API client and settings to the elements inside it.
 * @tag aip-storefront
 *
 * @slot - The storefront's content: catalogs, cards, any markup of the host's.
 *
 * @cssprop --aip-button-radius - Corner radius of every element's buttons; `--aip-radius-s` (the radius of fields and small boxes) by default. `999px` gives pill-shaped buttons and leaves boxes as they are.
 * @cssprop --aip-focus-ring-offset - Gap between a focused control and its focus ring, in every element; `2px` by default.
 */
export class AipStorefront extends AipElement {
  static override styles = [...AipElement.styles, styles];

  constructor() {
    super();
    // A `lang` on the page changed: without a `locale` of its own, the storefront follows it.
    new LanguageController(this, () => !this.locale && this.requestUpdate('locale'));
  }

  @provide({ context: storefrontContext })
  @state()
  private settings!: StorefrontSettings;

  /** Base URL of the marketplace API, without `/v1`. Empty means the page's own origin. */
  @property() api = '';

  /** Show only this creator's listings (their handle), or every creator's when unset. */
  @property() creator: string | null = null;

  /**
   * BCP 47 locale of texts, prices and dates. Default: the nearest `lang` on the page, then the browser's.
   * Texts are English, German or Spanish (by language: `de-CH` is German); other locales get English texts.
   */
  @property() locale: string | null = null;

  /**
   * Texts to use instead of built-in ones, by message id: `{ 'checkout.submit': 'Zur Kasse' }`. A text may have
   * `{placeholders}` and, where a count decides the wording, one form per plural category (`{ one, other }`);
   * anything else is ignored. Set it as a property; a new object re-renders everything inside.
   */
  @property({ attribute: false }) messages: Messages | null = null;

  /** ISO 4217 currency for amounts given without one. */
  @property() currency = 'USD';

  /** The highest content rating shown: `general` (default), `suggestive`, `erotic` or `explicit`. */
  @property({ attribute: 'max-rating' }) maxRating: ContentRating = 'general';

  /** Colour theme: `light` (default), `dark`, or `auto` to follow the viewer's system. */
  @property({ reflect: true }) theme: Theme = 'light';

  /**
   * Give up on one request to the marketplace after this many milliseconds (1–120000); 15000 by default.
   * A read that timed out is tried again (see `retries`), each try with the full time.
   * @default 15000
   */
  @property({ type: Number }) timeout: number | null = null;

  /**
   * How many times a failed read (no connection, no answer in time, HTTP 429, 502, 503, 504) is tried again
   * before the elements show the error: 0–5, 2 by default; 0 shows it at once. Orders and briefs are never
   * sent again by themselves: the buyer retries them, with the same idempotency key.
   * @default 2
   */
  @property({ type: Number }) retries: number | null = null;

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
      changed.has('messages') ||
      changed.has('currency') ||
      changed.has('maxRating') ||
      changed.has('timeout') ||
      changed.has('retries')
    ) {
      const next = this.buildSettings();
      if (JSON.stringify(this.describe(next)) !== JSON.stringify(this.describe(this.settings))) {
        this.settings = next;
      }
    }
    if (changed.has('theme') && !isOneOf(THEMES, this.theme)) {
      this.warnIfSet(this.theme, 'theme', `theme="${this.theme}" is not one of ${THEMES.join(', ')}; using light.`);
      this.theme = 'light';
    }
  }

  private describe(s: StorefrontSettings) {
    return [
      s.client.baseUrl,
      s.client.timeoutMs,
      s.client.retries,
      s.creator,
      s.locale,
      s.currency,
      s.maxRating,
      s.messages,
    ];
  }

  private buildSettings(): StorefrontSettings {
    const creator = this.validSlug('creator', this.creator, 'is not a creator handle; showing every creator.');
    let locale = this.locale ? validLocale(this.locale) : pageLocale(this);
    if (!locale) {
      this.warnOnce('locale', `locale="${this.locale}" is not a BCP 47 locale; using the page's.`);
      locale = pageLocale(this);
    } else if (this.locale && !languageOf(locale)) {
      // Formats follow the locale all the same; hosts may bring their own texts (`messages`).
      this.warnOnce(`locale ${locale}`, `locale="${this.locale}" has no built-in texts; using English.`);
    }
    const given: unknown = this.currency;
    let currency = typeof given === 'string' ? given.toUpperCase() : '';
    if (!validCurrency(currency)) {
      if (given !== null && given !== undefined) {
        this.warnOnce('currency', `${this.quoted('currency', given)} is not an ISO 4217 code; using USD.`);
      }
      currency = 'USD';
    }
    let maxRating = this.maxRating;
    if (!isOneOf(CONTENT_RATINGS, maxRating)) {
      this.warnIfSet(
        maxRating,
        'max-rating',
        `max-rating="${String(maxRating)}" is not a content rating; using general.`,
      );
      maxRating = 'general';
    }
    const timeoutMs = this.wholeNumber('timeout', this.timeout, 1, 120_000);
    const retries = this.wholeNumber('retries', this.retries, 0, 5);
    let messages: Messages = {};
    if (this.messages !== null && this.messages !== undefined) {
      if (typeof this.messages === 'object' && !Array.isArray(this.messages)) messages = { ...this.messages };
      else this.warnOnce('messages', 'messages must be an object of texts by message id; using the built-in texts.');
    }
    return createSettings({
      api: apiBase(this.api, this),
      creator,
      locale,
      messages,
      currency,
      maxRating,
      timeoutMs,
      retries,
    });
  }

  /** A numeric attribute's value when it is a whole number in range; otherwise warns once and gives the default. */
  private wholeNumber(attribute: string, value: number | null, min: number, max: number): number | undefined {
    if (value === null || value === undefined) return undefined;
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    this.warnOnce(
      attribute,
      `${this.quoted(attribute, value)} is not a whole number from ${min} to ${max}; using the default.`,
    );
    return undefined;
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }
}
