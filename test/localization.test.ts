/**
 * Languages: the storefront's `locale` (or the page's `lang`) picks the texts
 * of every element inside it as well as its number, money and date formats;
 * German and Spanish arrive on first use; hosts replace single texts; unknown
 * locales fall back to English; layouts hold in right-to-left pages. Against
 * the shared reference marketplace (read-only).
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { Persona } from '../src/api/schemas.js';
import { formatMoney } from '../src/api/money.js';
import type { AipStorefront } from '../src/components/storefront/storefront.js';
import type { Message } from '../src/internal/i18n.js';
import checkout from '../src/locales/en/checkout.js';
import core from '../src/locales/en/core.js';
import customOrder from '../src/locales/en/custom-order.js';
import detail from '../src/locales/en/detail.js';
import licenses from '../src/locales/en/licenses.js';
import ratings from '../src/locales/en/ratings.js';
import de from '../src/locales/de.js';
import es from '../src/locales/es.js';
import { DARK_TOKENS, TOKENS } from '../src/styles/tokens.js';
import { captureWarnings } from './helpers.js';
import { computedColor } from './paint.js';

/** The text a reader sees in `node`: through shadow roots and slots, without scripts and styles, spaces collapsed. */
function textOf(node: Node): string {
  let out = '';
  const visit = (n: Node): void => {
    if (n.nodeType === Node.TEXT_NODE) {
      out += n.textContent;
      return;
    }
    if (n instanceof HTMLScriptElement || n instanceof HTMLStyleElement) return;
    if (n instanceof HTMLSlotElement) {
      n.assignedNodes({ flatten: true }).forEach(visit);
      return;
    }
    const children = n instanceof Element && n.shadowRoot ? n.shadowRoot.childNodes : n.childNodes;
    children.forEach(visit);
  };
  visit(node);
  return out.replace(/\s+/g, ' ').trim();
}

/** Every element matching `selector` in `root`, its shadow root, and every shadow root below them. */
function all(root: Element | ShadowRoot, selector: string): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  if (root instanceof Element && root.shadowRoot) found.push(...all(root.shadowRoot, selector));
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...all(el.shadowRoot, selector));
  return found;
}

/** The budget field's currency sign, where it sits, and the middle of the field. */
function budgetSign(order: Element): { sign: string; signX: number; fieldMiddle: number } {
  const sign = one(order, '.currency');
  const field = one(order, '#f-budget').getBoundingClientRect();
  return {
    sign: sign.textContent!.trim(),
    signX: sign.getBoundingClientRect().left,
    fieldMiddle: field.left + field.width / 2,
  };
}

const one = (root: Element, selector: string): HTMLElement => {
  const hit = all(root, selector)[0];
  if (!hit) throw new Error(`no ${selector}`);
  return hit;
};

/** Waits until `el` reads every one of `parts`. */
async function reads(el: Element, ...parts: string[]): Promise<void> {
  try {
    await waitUntil(() => parts.every((p) => textOf(el).includes(p)), undefined, { timeout: 8000 });
  } catch {
    // Says which part is missing, and what the element reads instead.
    for (const p of parts) expect(textOf(el)).to.include(p);
  }
}

const spaces = (s: string) => s.replace(/\s+/g, ' ');
const money = (amount: number, locale: string) => spaces(formatMoney({ amount, currency: 'USD' }, locale));
const mediumDate = (iso: string, locale: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(iso));

async function persona(id: string): Promise<Persona> {
  return (await (await fetch(`/v1/personas/${id}`)).json()) as Persona;
}

/** The four buying elements of one open listing, and a card of a listing under an active Exclusive. */
const everything = html`<aip-persona-card persona="noor-haddad"></aip-persona-card>
  <aip-persona-card persona="elio-marchetti"></aip-persona-card>
  <aip-license-picker persona="noor-haddad"></aip-license-picker>
  <aip-checkout persona="noor-haddad" license="commercial"></aip-checkout>
  <aip-custom-order persona="noor-haddad"></aip-custom-order>`;

const el = (root: Element, tag: string, index = 0) => root.querySelectorAll(tag)[index] as HTMLElement;

/** Opens the checkout's form of buyer details. */
async function openCheckoutForm(store: Element): Promise<HTMLElement> {
  const checkoutEl = el(store, 'aip-checkout');
  await waitUntil(() => checkoutEl.shadowRoot?.querySelector('[part~="start-button"]'), 'no buy button', {
    timeout: 8000,
  });
  checkoutEl.shadowRoot!.querySelector<HTMLElement>('[part~="start-button"]')!.click();
  await waitUntil(() => checkoutEl.shadowRoot!.querySelector('form'), 'no checkout form');
  return checkoutEl;
}

describe('languages', function () {
  this.timeout(30_000);

  let noor: Persona;
  let elio: Persona;
  before(async () => {
    [noor, elio] = await Promise.all([persona('noor-haddad'), persona('elio-marchetti')]);
    expect(elio.availability, 'the seed has an active Exclusive on elio-marchetti').to.equal('exclusive_active');
  });

  describe('catalogues', () => {
    const english: Record<string, Message> = {
      ...core,
      ...licenses,
      ...ratings,
      ...detail,
      ...checkout,
      ...customOrder,
    };
    const placeholders = (m: Message) =>
      [...new Set((typeof m === 'string' ? [m] : Object.values(m)).flatMap((t) => t.match(/\{[\w.-]+\}/g) ?? []))]
        .filter((p) => p !== '{count}')
        .sort();
    // English passes the browser's own words through for these; translations say it in theirs.
    const mayDrop = new Set(['cause.network', 'cause.timeout']);

    for (const [name, catalogue] of [
      ['de', de],
      ['es', es],
    ] as const) {
      it(`${name} has every English message, with the same placeholders and plural forms`, () => {
        expect(Object.keys(catalogue).sort()).to.deep.equal(Object.keys(english).sort());
        for (const [id, source] of Object.entries(english)) {
          const target = (catalogue as Record<string, Message>)[id]!;
          expect(typeof target, id).to.equal(typeof source);
          if (mayDrop.has(id)) expect(placeholders(source), id).to.include.members(placeholders(target));
          else expect(placeholders(target), id).to.deep.equal(placeholders(source));
          if (typeof target !== 'string') expect(target.other, id).to.be.a('string');
        }
      });
    }

    it('keeps the legal names of the license tiers', () => {
      expect([de['license.commercial'], de['license.exclusive'], de['license.ownership']]).to.deep.equal([
        'Kommerzielle Lizenz',
        'Exklusive Lizenz',
        'Eigentum / Abtretung',
      ]);
      expect([es['license.commercial'], es['license.exclusive'], es['license.ownership']]).to.deep.equal([
        'Licencia comercial',
        'Licencia exclusiva',
        'Propiedad / cesión',
      ]);
    });
  });

  describe('locale on the storefront', () => {
    it('locale="de-DE" speaks German in the card, the picker, the checkout form and the custom-order form', async () => {
      const store = await fixture<AipStorefront>(html`<aip-storefront locale="de-DE">${everything}</aip-storefront>`);
      const commercial = noor.offers.find((o) => o.license === 'commercial')!.price.amount;

      await reads(
        el(store, 'aip-persona-card'),
        'KI-generiert · fiktive Persona',
        `Ab ${money(noor.commercialPrice.amount, 'de-DE')}`,
      );
      // German dates: the end of the active Exclusive.
      await reads(
        el(store, 'aip-persona-card', 1),
        `Exklusiv lizenziert bis ${mediumDate(elio.exclusiveUntil!, 'de-DE')}`,
        'Derzeit nicht verfügbar',
      );
      await reads(
        el(store, 'aip-license-picker'),
        'Lizenz wählen',
        'Kommerzielle Lizenz',
        'Exklusive Lizenz',
        'Eigentum / Abtretung',
        '6 Monate',
        money(commercial, 'de-DE'),
        'Lizenzen vergleichen',
      );
      expect(money(commercial, 'de-DE')).to.match(/^\d[\d.]*(,\d\d)? \$$/);

      const checkoutEl = await openCheckoutForm(store);
      await reads(
        checkoutEl,
        'Kasse',
        'Ihre Angaben',
        'Vollständiger Name',
        'Das Zertifikat wird auf diesen Namen ausgestellt.',
        'Ich akzeptiere die Vereinbarung „Kommerzielle Lizenz“',
        'Alle Verkäufe sind endgültig.',
        'Weiter zur Zahlung',
        '6 Monate',
        money(commercial, 'de-DE'),
      );
      // A message written when the buyer acts, also in German.
      one(checkoutEl, '[part~="submit-button"]').click();
      await reads(checkoutEl, 'Geben Sie Ihren vollständigen Namen ein.');

      const order = el(store, 'aip-custom-order');
      await reads(
        order,
        'Individuellen Auftrag anfragen',
        'Art der Arbeit',
        'Produkt in Szene',
        'Budget (US-Dollar)',
        'Zeitplan und Budget',
        'Briefing senden',
      );
      expect(one(order, '#f-budget').getAttribute('placeholder')).to.equal('250,00');
      // German writes the dollar sign after the amount, and so does the budget field.
      const { sign, signX, fieldMiddle } = budgetSign(order);
      expect(sign).to.equal('$');
      expect(signX).to.be.above(fieldMiddle);
      await expect(store).to.be.accessible();
    });

    it('switches everything inside to Spanish when locale changes at runtime', async () => {
      const store = await fixture<AipStorefront>(html`<aip-storefront locale="de-DE">${everything}</aip-storefront>`);
      await reads(el(store, 'aip-license-picker'), 'Lizenz wählen');
      const checkoutEl = await openCheckoutForm(store);
      await reads(checkoutEl, 'Vollständiger Name');
      // The picker tells screen readers what was chosen, in German.
      const picker = el(store, 'aip-license-picker');
      picker.shadowRoot!.querySelector<HTMLInputElement>('input[value="commercial"]')!.click();
      await reads(picker, 'Kommerzielle Lizenz ausgewählt');

      store.locale = 'es-ES';
      const commercial = noor.offers.find((o) => o.license === 'commercial')!.price.amount;
      await reads(el(store, 'aip-persona-card'), 'Generada por IA · persona ficticia', 'Desde');
      await reads(
        el(store, 'aip-persona-card', 1),
        `Con licencia exclusiva hasta el ${mediumDate(elio.exclusiveUntil!, 'es-ES')}`,
      );
      await reads(
        el(store, 'aip-license-picker'),
        'Elija una licencia',
        'Licencia comercial',
        'Propiedad / cesión',
        '6 meses',
        money(commercial, 'es-ES'),
      );
      await reads(checkoutEl, 'Nombre completo', 'Todas las ventas son definitivas.', 'Continuar al pago');
      await reads(el(store, 'aip-custom-order'), 'Solicitar un trabajo personalizado', 'Tipo de trabajo');
      // Spain writes US dollars as "US$", after the amount.
      const { sign, signX, fieldMiddle } = budgetSign(el(store, 'aip-custom-order'));
      expect(sign).to.equal('US$');
      expect(signX).to.be.above(fieldMiddle);
      expect(textOf(store)).not.to.match(/Lizenz|Kasse|KI-generiert|ausgewählt/);
    });

    it('lets two storefronts on one page speak different languages', async () => {
      const page = await fixture(
        html`<div>
          <aip-storefront locale="de"><aip-persona-card persona="noor-haddad"></aip-persona-card></aip-storefront>
          <aip-storefront locale="es"><aip-persona-card persona="noor-haddad"></aip-persona-card></aip-storefront>
        </div>`,
      );
      const [german, spanish] = [...page.querySelectorAll('aip-persona-card')];
      await reads(german!, 'KI-generiert · fiktive Persona');
      await reads(spanish!, 'Generada por IA · persona ficticia');
    });

    it('follows the page: lang="es" with no locale gives Spanish, and elements outside a storefront follow their lang', async () => {
      const page = await fixture(
        html`<div>
          <div lang="es">
            <aip-storefront><aip-persona-card persona="noor-haddad"></aip-persona-card></aip-storefront>
          </div>
          <div lang="de-AT"><aip-persona-card persona="noor-haddad"></aip-persona-card></div>
        </div>`,
      );
      const [spanish, german] = [...page.querySelectorAll('aip-persona-card')];
      await reads(spanish!, 'Generada por IA · persona ficticia', `Desde ${money(noor.commercialPrice.amount, 'es')}`);
      // de-AT has no catalogue of its own: German texts, Austrian formats.
      await reads(german!, 'KI-generiert · fiktive Persona', `Ab ${money(noor.commercialPrice.amount, 'de-AT')}`);

      // Changing the page's lang later changes the language too.
      page.querySelector('[lang="es"]')!.setAttribute('lang', 'de');
      await reads(spanish!, 'KI-generiert · fiktive Persona');
    });

    it('lets the host replace one text, leaving the others as they are', async () => {
      const store = await fixture<AipStorefront>(
        html`<aip-storefront locale="de-DE"
          ><aip-checkout persona="noor-haddad" license="commercial"></aip-checkout
        ></aip-storefront>`,
      );
      store.messages = {
        'checkout.submit': 'Zur Kasse',
        'term.months': { one: '{count} Monat', other: '{count} Mon.' },
      };
      const checkoutEl = await openCheckoutForm(store);
      await reads(checkoutEl, 'Zur Kasse', 'Vollständiger Name', '6 Mon.');
      expect(textOf(checkoutEl)).not.to.include('Weiter zur Zahlung');

      store.messages = null;
      await reads(checkoutEl, 'Weiter zur Zahlung', '6 Monate');
    });

    it('falls back to English, with its own formats and one console warning, for a locale it has no texts for', async () => {
      let store!: AipStorefront;
      const warnings = await captureWarnings(async () => {
        store = await fixture<AipStorefront>(
          html`<aip-storefront locale="ja-JP">
            <aip-persona-card persona="noor-haddad"></aip-persona-card>
            <aip-persona-card persona="elio-marchetti"></aip-persona-card>
          </aip-storefront>`,
        );
        await reads(el(store, 'aip-persona-card'), 'AI-generated · fictional persona');
        await reads(
          el(store, 'aip-persona-card', 1),
          `Exclusively licensed until ${mediumDate(elio.exclusiveUntil!, 'ja-JP')}`,
        );
        store.requestUpdate();
        await store.updateComplete;
      });
      expect(warnings.filter((w) => w.includes('locale='))).to.have.length(1);
      expect(warnings.join()).to.include('locale="ja-JP"');
      expect(textOf(el(store, 'aip-persona-card'))).to.include(money(noor.commercialPrice.amount, 'ja-JP'));
    });
  });

  describe('right-to-left pages', () => {
    it('lays the catalog grid and the cards out from the right, and the arrow keys follow', async () => {
      const page = await fixture(
        html`<div dir="rtl" style="width: 760px">
          <aip-storefront creator="nova-studio" locale="de"
            ><aip-catalog page-size="4" filters="none"></aip-catalog
          ></aip-storefront>
        </div>`,
      );
      const catalog = page.querySelector('aip-catalog')!;
      await waitUntil(() => all(catalog, '[part="title"]').length === 4, 'cards', { timeout: 8000 });
      await reads(catalog, 'KI-generiert · fiktive Persona');

      const grid = one(catalog, '[part="grid"]');
      expect(getComputedStyle(grid).direction).to.equal('rtl');
      const cards = [...catalog.shadowRoot!.querySelectorAll<HTMLElement>('aip-persona-card')];
      const [first, second] = cards.map((c) => c.getBoundingClientRect());
      expect(first!.top).to.equal(second!.top);
      expect(first!.left, 'the first card is the rightmost').to.be.greaterThan(second!.left);

      // Inside a card, lines start at the right edge: the text block hugs the right, its slack is on the left.
      const body = cards[0]!.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;
      const disclosure = cards[0]!.shadowRoot!.querySelector<HTMLElement>('[part="disclosure"]')!;
      expect(getComputedStyle(disclosure).direction).to.equal('rtl');
      const range = document.createRange();
      range.selectNodeContents(disclosure);
      const line = range.getBoundingClientRect();
      const box = body.getBoundingClientRect();
      expect(box.right - line.right, 'text starts at the right').to.be.lessThan(line.left - box.left);

      // ArrowLeft moves on to the next card in reading order.
      (cards[0] as HTMLElement).focus();
      await sendKeys({ press: 'ArrowLeft' });
      expect(cards[1]!.shadowRoot!.activeElement?.classList.contains('select')).to.equal(true);
      await expect(page).to.be.accessible();
    });
  });

  describe('theme and locale together', () => {
    it('switches theme and locale at once: the texts change language and the computed colours change theme', async () => {
      const page = await fixture(
        html`<div style="color: rgb(20, 20, 20)">
          <aip-storefront theme="dark" locale="de-DE"
            ><aip-persona-card persona="noor-haddad"></aip-persona-card
            ><aip-license-picker persona="noor-haddad"></aip-license-picker
          ></aip-storefront>
        </div>`,
      );
      const store = page.querySelector('aip-storefront')!;
      const card = el(store, 'aip-persona-card');
      const picker = el(store, 'aip-license-picker');
      await reads(card, 'KI-generiert · fiktive Persona');
      await reads(picker, 'Lizenz wählen');

      // The disclosure: its words follow the locale, its colour the theme.
      const disclosure = () => one(card, '[part="disclosure"]');
      expect(textOf(disclosure())).to.equal('KI-generiert · fiktive Persona');
      expect(getComputedStyle(disclosure()).color).to.equal(computedColor(DARK_TOKENS['--aip-color-text-muted']!));
      expect(getComputedStyle(store).getPropertyValue('--aip-color-surface').trim()).not.to.equal('');

      store.theme = 'light';
      store.locale = 'es-ES';
      await reads(card, 'Generada por IA · persona ficticia');
      await reads(picker, 'Elija una licencia', 'Licencia comercial');
      // Light: the light muted colour, and no dark surface.
      expect(textOf(disclosure())).to.equal('Generada por IA · persona ficticia');
      expect(getComputedStyle(disclosure()).color).to.equal(computedColor(TOKENS['--aip-color-text-muted']));
      expect(getComputedStyle(store).getPropertyValue('--aip-color-surface').trim()).to.equal('');
      await expect(store).to.be.accessible();
    });
  });
});
