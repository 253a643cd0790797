import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { MessageId } from '../locales/ids.js';
import { listenersOf } from './fan-out.js';

/**
 * Messages: one id space, English as the source (`src/locales/en/*.ts`, split
 * by the elements that use them so each bundle carries only its own), and a
 * full catalogue per other language (`src/locales/de.ts`, `es.ts`), fetched the
 * first time a storefront or page needs it.
 *
 * Not `@lit/localize`: its `msg()` reads one page-wide locale, set once by
 * `configureLocalization()`, which throws if anything else on the page (the
 * host's own app, a second copy of this library) configured it first. An embed
 * must not take that from its host, and two storefronts on one page may speak
 * different languages. So every storefront carries its own translator, and
 * elements ask theirs (the approach of Shoelace's `LocalizeController`).
 */

/** A message whose wording depends on `{count}`: one text per CLDR plural category, `other` always. */
export type PluralMessage = { readonly [K in Intl.LDMLPluralRule]?: string } & { readonly other: string };
export type Message = string | PluralMessage;
/** A language's complete catalogue. */
export type Catalogue = Readonly<Record<MessageId, Message>>;
/** Texts a host puts in place of built-in ones, by message id. */
export type Messages = { readonly [K in MessageId]?: Message };
/** Values for a message's `{placeholders}`; numbers are formatted for the locale. */
export type Values = Readonly<Record<string, string | number>>;

/** Turns message ids into text in one storefront's language. */
export interface Translate<Id extends string = MessageId> {
  (id: Id, values?: Values): string;
  /**
   * The message as parts for a Lit template, when a value is itself a
   * template (a `<bdi>` name, a link, a price element). Text stays text.
   */
  parts(id: Id, values: Readonly<Record<string, unknown>>): unknown[];
}

/** Languages with a built-in catalogue. English is part of every bundle; the others load on first use. */
export type Language = 'en' | 'de' | 'es';

const LOADERS: Record<Exclude<Language, 'en'>, () => Promise<{ default: Catalogue }>> = {
  de: () => import('../locales/de.js'),
  es: () => import('../locales/es.js'),
};

const catalogues = new Map<Language, Catalogue>();
const requested = new Set<Language>();

/** Fires `change` when a catalogue has arrived or a `lang` attribute on the page changed. */
const languageChanges = new EventTarget();
const languageChanged = () => languageChanges.dispatchEvent(new Event('change'));

/** The built-in language for a canonical BCP 47 locale (`de-AT` → `de`), or null when there is none. */
export function languageOf(locale: string): Language | null {
  return (/^(en|de|es)\b/.exec(locale)?.[1] as Language | undefined) ?? null;
}

/** Fetches a language's catalogue once; elements render again when it arrives. Until then they speak English. */
export function loadLanguage(language: Language): void {
  if (language === 'en' || requested.has(language)) return;
  requested.add(language);
  LOADERS[language]().then(
    (module) => {
      catalogues.set(language, module.default);
      languageChanged();
    },
    (error: unknown) => {
      // The next storefront or element that needs it tries again.
      requested.delete(language);
      console.warn(`aip-storefront: ${language} texts failed to load (${String(error)}); using English.`);
    },
  );
}

let observer: MutationObserver | undefined;

/**
 * Calls `onChange` while its host is connected whenever a catalogue has
 * arrived or a `lang` attribute on the page changed, so the host renders
 * again in the language it now resolves to.
 */
export class LanguageController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
    // One observer for the page, started by the first element.
    if (!observer) {
      observer = new MutationObserver(languageChanged);
      observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    }
  }

  hostConnected(): void {
    listenersOf(languageChanges, 'change').add(this.onChange);
  }

  hostDisconnected(): void {
    listenersOf(languageChanges, 'change').delete(this.onChange);
  }
}

const plurals: Record<string, Intl.PluralRules> = {};
/** Right-to-left letters (Hebrew to Arabic Extended, their presentation forms) and direction marks. */
const BIDI = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const numbers: Record<string, Intl.NumberFormat> = {};
/** Each message text split once: "a {b} c" → ["a ", "b", " c"] (text and placeholder names alternate). */
const pieces = new Map<string, readonly string[]>();

/**
 * A translator for `locale`: the host's `overrides` first, then the catalogue
 * of `language` once loaded, then the English `source` the element brings.
 */
export function translator<Id extends string>(
  source: Readonly<Record<Id, Message>>,
  locale: string,
  language: Language,
  overrides: Messages,
): Translate<Id> {
  const parts = (id: Id, values: Readonly<Record<string, unknown>> = {}): unknown[] => {
    let message: Message | undefined = (overrides as Record<string, Message | undefined>)[id];
    // Plural categories are those of the language the text is written in.
    let written = locale;
    // A host's override that is neither a text nor plural texts counts as none.
    if (typeof message !== 'string' && typeof message?.other !== 'string') {
      message = (catalogues.get(language) as Record<string, Message> | undefined)?.[id];
      written = language;
    }
    if (message === undefined) {
      message = source[id] ?? id;
      written = 'en';
    }
    if (typeof message !== 'string') {
      const count = Number(values.count);
      const category = (plurals[written] ??= new Intl.PluralRules(written)).select(count);
      message = message[category] ?? message.other;
    }
    let split = pieces.get(message);
    if (!split) pieces.set(message, (split = message.split(/\{([\w.-]+)\}/)));
    return split.map((piece, i) => {
      if (i % 2 === 0) return piece;
      const value = values[piece];
      if (value === undefined) return `{${piece}}`;
      if (typeof value === 'number') return (numbers[locale] ??= new Intl.NumberFormat(locale)).format(value);
      // A value with right-to-left text or direction marks (an Arabic date, a Hebrew name) is isolated
      // (FSI…PDI), so it keeps its own order and doesn't reorder the sentence around it.
      return typeof value === 'string' && BIDI.test(value) ? `\u2068${value}\u2069` : value;
    });
  };
  // Texts without values, once final (English, or the language's catalogue has arrived): a grid of cards asks
  // for the same few on every card.
  const plain = new Map<Id, string>();
  const t = (id: Id, values?: Values) => {
    if (values !== undefined) return parts(id, values).join('');
    let text = plain.get(id);
    if (text === undefined) {
      text = parts(id).join('');
      if (language === 'en' || catalogues.has(language)) plain.set(id, text);
    }
    return text;
  };
  t.parts = parts;
  return t;
}
