import { createContext } from '@lit/context';
import { AipClient, CLIENT_DEFAULTS } from '../../api/client.js';
import { formatMoney } from '../../api/money.js';
import { ratingRank, type ContentRating, type Money } from '../../api/schemas.js';
import { kindOf, warnOnce } from '../../internal/aip-element.js';
import {
  languageOf,
  loadLanguage,
  translator,
  type Language,
  type Message,
  type Messages,
  type Translate,
} from '../../internal/i18n.js';

/**
 * What `<aip-storefront>` shares with the elements inside it. Immutable: when
 * a setting changes the storefront provides a new object, so consumers see one
 * consistent set of settings per render.
 */
export interface StorefrontSettings {
  /** The marketplace client every element under this storefront shares (one cache). */
  readonly client: AipClient;
  /** The creator whose catalog is shown, or null for every creator. */
  readonly creator: string | null;
  /** BCP 47 locale for numbers, dates and money. */
  readonly locale: string;
  /** The language of the texts: the locale's, when it has a built-in catalogue, else English. */
  readonly language: Language;
  /** The host's replacements for built-in texts, by message id. */
  readonly messages: Messages;
  /** Currency for amounts that arrive without one. */
  readonly currency: string;
  /** The highest content rating the host allows. */
  readonly maxRating: ContentRating;
  /** Formats minor units in the storefront's locale. */
  formatMoney(money: Money): string;
  /** Formats an ISO timestamp as a date in the storefront's locale. */
  formatDate(iso: string): string;
  /** Whether content of `rating` may be shown at all under this storefront. */
  allowsRating(rating: ContentRating): boolean;
  /**
   * A translator into this storefront's language for the messages in
   * `source`, the English an element brings.
   */
  translate<Id extends string>(source: Readonly<Record<Id, Message>>): Translate<Id>;
}

/** The context key; a string so that two copies of the library still meet. */
export const storefrontContext = createContext<StorefrontSettings>('aip-storefront');

const clients = new Map<string, AipClient>();

/** How long a request may take and how often a failed GET is retried; the client's defaults when unset. */
export interface ClientPolicy {
  timeoutMs?: number;
  retries?: number;
}

/**
 * One client per API base URL and policy, shared by every element on the page
 * that uses it (and so one request cache).
 */
export function clientFor(baseUrl: string, policy: ClientPolicy = {}): AipClient {
  const base = baseUrl.replace(/\/+$/, '');
  const timeoutMs = policy.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
  const retries = policy.retries ?? CLIENT_DEFAULTS.retries;
  const key = `${base}|${timeoutMs}|${retries}`;
  let client = clients.get(key);
  if (!client) clients.set(key, (client = new AipClient({ baseUrl: base, timeoutMs, retries })));
  return client;
}

export interface SettingsInit extends ClientPolicy {
  api: string;
  creator: string | null;
  locale: string;
  currency: string;
  maxRating: ContentRating;
  messages?: Messages;
}

// Intl formatters are costly to build and a page of cards asks for the same few.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
// USD is the default: knowing it is valid spares the costly first Intl call before any request is sent.
const currencies = new Map<string, boolean>([['USD', true]]);

/** Builds the shared settings object; inputs are assumed validated. */
export function createSettings(init: SettingsInit): StorefrontSettings {
  // Built on first use: the first Intl formatter of a page costs tens of
  // milliseconds, and most cards show no date.
  const dates = () => {
    let format = dateFormats.get(init.locale);
    if (!format) dateFormats.set(init.locale, (format = new Intl.DateTimeFormat(init.locale, { dateStyle: 'medium' })));
    return format;
  };
  const limit = ratingRank(init.maxRating);
  const language = languageOf(init.locale) ?? 'en';
  const messages = init.messages ?? {};
  loadLanguage(language);
  // One translator per element's English source, for as long as these settings
  // last: elements ask for theirs several times per render.
  const translators = new WeakMap<object, unknown>();
  return Object.freeze({
    client: clientFor(init.api, { timeoutMs: init.timeoutMs, retries: init.retries }),
    creator: init.creator,
    locale: init.locale,
    language,
    messages,
    currency: init.currency,
    maxRating: init.maxRating,
    formatMoney: (money: Money) => formatMoney(money, init.locale),
    formatDate: (iso: string) => dates().format(new Date(iso)),
    allowsRating: (rating: ContentRating) => ratingRank(rating) <= limit,
    translate: <Id extends string>(source: Readonly<Record<Id, Message>>) => {
      let t = translators.get(source) as Translate<Id> | undefined;
      if (!t) translators.set(source, (t = translator(source, init.locale, language, messages)));
      return t;
    },
  });
}

// Elements standing alone differ only in their marketplace and language: a
// grid of them shares one settings object (and its translators), rather than
// building its own per card.
const standalones = new Map<string, StorefrontSettings>();

/** The default settings of elements outside any storefront, for the marketplace `api` and `locale`. */
export function standaloneSettings(api: string, locale: string): StorefrontSettings {
  const key = `${api}\n${locale}`;
  let settings = standalones.get(key);
  if (settings) {
    // A language that failed to load is tried again by the next element that needs it.
    loadLanguage(settings.language);
    return settings;
  }
  settings = createSettings({ api, creator: null, locale, currency: 'USD', maxRating: 'general' });
  standalones.set(key, settings);
  return settings;
}

/**
 * The locale an element inherits from the page: the nearest `lang`, looking
 * out through the shadow roots it is rendered in, then the browser's.
 */
export function pageLocale(el: Element): string {
  let lang: string | null | undefined;
  for (let node: Element | undefined = el; node && !lang; node = (node.getRootNode() as ShadowRoot).host) {
    lang = node.closest('[lang]')?.getAttribute('lang');
  }
  return validLocale(lang || navigator.language || 'en') ?? 'en';
}

/** Tags already looked at: every element standing alone asks for its page's. */
const canonicalLocales = new Map<string, string | null>();

/** The canonical form of `tag`, or null when it is not a locale. */
export function validLocale(tag: string): string | null {
  let canonical = canonicalLocales.get(tag);
  if (canonical === undefined) {
    try {
      canonical = Intl.getCanonicalLocales(tag)[0] ?? null;
    } catch {
      canonical = null;
    }
    canonicalLocales.set(tag, canonical);
  }
  return canonical;
}

/**
 * The marketplace base URL an element's `api` names, checked: an http(s) URL or
 * a path on the page's own origin, without the API's `/v1` (the client adds
 * it). Anything else is said once on the console, so a wrong address doesn't
 * pass for listings that are gone; a value of the wrong type is ignored.
 */
export function apiBase(value: unknown, el: Element): string {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') {
    warnOnce(el, 'api', `api was set to ${kindOf(value)}, not a URL; using this page's own origin.`);
    return '';
  }
  const text = value.trim();
  if (text === '') return '';
  let url: URL | null = null;
  try {
    url = new URL(text, location.href);
  } catch {
    // Reported below.
  }
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(text);
  if (!url || (absolute && !/^https?:$/.test(url.protocol)) || (!absolute && !text.startsWith('/'))) {
    warnOnce(el, 'api', `api="${value}" is not an http(s) URL or a path starting with "/"; requests will fail.`);
  } else if (/\/v1\/?$/.test(url.pathname)) {
    warnOnce(el, 'api', `api="${value}" ends in /v1: give the marketplace's base URL, the client adds /v1 itself.`);
  }
  return text;
}

/** Whether `code` is a currency `Intl.NumberFormat` accepts. */
export function validCurrency(code: string): boolean {
  if (!/^[A-Z]{3}$/.test(code)) return false;
  let valid = currencies.get(code);
  if (valid === undefined) {
    try {
      new Intl.NumberFormat('en', { style: 'currency', currency: code });
      valid = true;
    } catch {
      valid = false;
    }
    currencies.set(code, valid);
  }
  return valid;
}
