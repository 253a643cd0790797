/**
 * The Theme and Locale toolbar switches: their items, and the global decorator
 * that applies them to every story, whether it renders its own
 * `<aip-storefront>` or a bare element.
 *
 * - The story is wrapped in `<div class="aip-sb-root">`, which carries `lang`,
 *   `dir` (right to left for Arabic), the dark page colours, the dark token
 *   values (for elements outside a storefront) and the brand classes of
 *   `brands.css`.
 * - After the story renders, `theme` and `locale` are set on every
 *   `<aip-storefront>` in it. Nothing is remounted: a filled form keeps what was
 *   typed while the language or theme changes.
 * - Left at "Story's own" (the default) the story shows what it was written
 *   with: its own `theme` and `locale` args, or light and the page's language.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { ref } from 'lit/directives/ref.js';
import { DARK_TOKENS } from '../src/styles/tokens.js';

/** Theme toolbar items: the storefront's two themes and the two brand examples of `brands.css`. */
export const THEMES = [
  { value: 'light', title: 'Light', icon: 'circlehollow' },
  { value: 'dark', title: 'Dark', icon: 'circle' },
  { value: 'forest', title: 'Forest', right: 'brand', icon: 'paintbrush' },
  { value: 'ember', title: 'Ember', right: 'brand', icon: 'paintbrush' },
] as const;

/** Locale toolbar items; one writes right to left. */
export const LOCALES = [
  { value: 'en-US', title: 'English (US)', right: 'en-US' },
  { value: 'de-DE', title: 'Deutsch', right: 'de-DE' },
  { value: 'es-ES', title: 'Español', right: 'es-ES' },
  { value: 'ar-EG', title: 'العربية', right: 'ar-EG, RTL' },
] as const;

type ThemeValue = (typeof THEMES)[number]['value'];
type LocaleValue = (typeof LOCALES)[number]['value'];

const themeValues: readonly string[] = THEMES.map((t) => t.value);
const localeValues: readonly string[] = LOCALES.map((l) => l.value);

/** The direction a locale's script is written in. */
export function direction(locale: string): 'ltr' | 'rtl' {
  try {
    // Chromium exposes `getTextInfo()`; older engines the `textInfo` getter.
    const intl = new Intl.Locale(locale) as Intl.Locale & {
      getTextInfo?: () => { direction?: string };
      textInfo?: { direction?: string };
    };
    const dir = intl.getTextInfo?.().direction ?? intl.textInfo?.direction;
    if (dir === 'rtl' || dir === 'ltr') return dir;
  } catch {
    // Not a locale: fall through to the language list.
  }
  return /^(ar|arc|ckb|dv|fa|he|ks|ps|sd|ug|ur|yi)(-|$)/i.test(locale) ? 'rtl' : 'ltr';
}

// The dark values for elements that stand alone (outside `<aip-storefront>`,
// which applies them itself), declared from DARK_TOKENS so they can't drift.
const darkSheet = new CSSStyleSheet();
darkSheet.replaceSync(
  `.aip-sb-root.aip-sb-dark {\n${Object.entries(DARK_TOKENS)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n')}\n}`,
);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, darkSheet];

/** What a storefront had before the toolbar overrode it, to put back on "Story's own". */
const originals = new WeakMap<Element, { theme: string | null; locale: string | null }>();

function setOrRemove(el: Element, name: string, value: string | null): void {
  if (value === null) el.removeAttribute(name);
  else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
}

/** Sets (or restores) `theme` and `locale` on every storefront under `root`. */
function applyToStorefronts(root: Element, theme: ThemeValue | null, locale: LocaleValue | null): void {
  for (const storefront of root.querySelectorAll('aip-storefront')) {
    let original = originals.get(storefront);
    if (!theme && !locale) {
      if (!original) continue;
      setOrRemove(storefront, 'theme', original.theme ?? 'light');
      setOrRemove(storefront, 'locale', original.locale);
      originals.delete(storefront);
      continue;
    }
    if (!original) {
      original = { theme: storefront.getAttribute('theme'), locale: storefront.getAttribute('locale') };
      originals.set(storefront, original);
    }
    // The brands are light designs: their tokens replace the light defaults.
    setOrRemove(storefront, 'theme', theme ? (theme === 'dark' ? 'dark' : 'light') : (original.theme ?? 'light'));
    setOrRemove(storefront, 'locale', locale ?? original.locale);
  }
}

function isLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

const pick = <T extends string>(value: unknown, allowed: readonly string[]): T | null =>
  typeof value === 'string' && allowed.includes(value) ? (value as T) : null;

export const withThemeAndLocale: Decorator = (story, context) => {
  const theme = pick<ThemeValue>(context.globals.theme, themeValues);
  const locale = pick<LocaleValue>(context.globals.locale, localeValues);
  // Without a toolbar choice, the story's own args decide (e.g. a "Dark theme" or "German" story).
  const ownTheme: unknown = context.args.theme;
  const ownLocale: unknown = context.args.locale;
  const dark = theme ? theme === 'dark' : ownTheme === 'dark';
  const lang = locale ?? (typeof ownLocale === 'string' && isLocale(ownLocale) ? ownLocale : null);
  const brand = theme === 'forest' || theme === 'ember' ? `brand-${theme}` : null;

  // One story per page in the canvas: the whole page goes dark, as a dark host site would be.
  if (context.viewMode === 'story') document.body.classList.toggle('aip-sb-dark-page', dark);

  let root: Element | undefined;
  // The web-components renderer renders the decorated story synchronously right
  // after the decorators return, so a microtask runs once the storefronts exist.
  queueMicrotask(() => {
    if (root) applyToStorefronts(root, theme, locale);
  });

  return html`<div
    class=${classMap({ 'aip-sb-root': true, 'aip-sb-dark': dark, ...(brand ? { [brand]: true } : {}) })}
    lang=${lang ?? nothing}
    dir=${lang ? direction(lang) : nothing}
    ${ref((el) => (root = el))}
  >
    ${story()}
  </div>`;
};
