import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../src/index.js';
import type { AipLicensePicker } from '../src/components/license-picker/license-picker.js';
import { computeTierPrices } from '../src/api/pricing.js';
import type { License, Persona, PricingPolicy } from '../src/api/schemas.js';
import { clientFor } from '../src/components/storefront/context.js';
import { captureWarnings, shadowQuery, thrownIntoPage } from './helpers.js';
import { isolatedMarketplace, post, type Isolated } from './server/http.js';

async function api<T>(path: string): Promise<T> {
  return (await (await fetch(path)).json()) as T;
}

async function picker(id: string, attrs = ''): Promise<AipLicensePicker> {
  const wrapper = await fixture(html`<div></div>`);
  wrapper.innerHTML = `<aip-license-picker persona="${id}" ${attrs}></aip-license-picker>`;
  const el = wrapper.querySelector('aip-license-picker')!;
  await shadowQuery(el, '[part="tiers"] input, [role="alert"]');
  return el;
}

const tiers = (el: AipLicensePicker) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.tier')];
const radios = (el: AipLicensePicker) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
const tierText = (el: AipLicensePicker, i: number) => tiers(el)[i].textContent!.replace(/\s+/g, ' ');
/** US dollars as the picker shows them in English (whole dollars without cents). */
const usd = (cents: number) =>
  new Intl.NumberFormat('en', {
    style: 'currency',
    currency: 'USD',
    ...(cents % 100 === 0 ? { maximumFractionDigits: 0 } : {}),
  }).format(cents / 100);
/** Another buyer buys a tier through the API alone: quote, order, sandbox payment. */
async function buyViaApi(base: string, persona: Persona, license: License): Promise<void> {
  const email = 'other@example.com';
  const quote = await post<{ id: string }>(`${base}/v1/quotes`, { personaId: persona.id, license, buyerEmail: email });
  const version = persona.offers.find((o) => o.license === license)!.agreement.version;
  const order = await post<{ id: string }>(
    `${base}/v1/orders`,
    { quoteId: quote.body.id, buyer: { email, name: 'Other Buyer' }, acceptedAgreement: { license, version } },
    { headers: { 'Idempotency-Key': `other-${Math.random()}` } },
  );
  const paid = await post(`${base}/v1/sandbox/orders/${order.body.id}/pay`, {});
  expect(paid.res.status, paid.text).to.equal(200);
}

const focused = (el: AipLicensePicker) => (el.shadowRoot!.activeElement as HTMLInputElement | null)?.value;

describe('<aip-license-picker>', () => {
  describe('defaults', () => {
    it('shows three tiers with prices computed from the policy, equal to the server offers', async () => {
      const [persona, policy] = await Promise.all([
        api<Persona>('/v1/personas/noor-haddad'),
        api<PricingPolicy>('/v1/pricing-policy'),
      ]);
      const el = await picker('noor-haddad');
      const computed = computeTierPrices(policy, persona.commercialPrice.amount);
      const fmt = (cents: number) =>
        new Intl.NumberFormat('en', {
          style: 'currency',
          currency: 'USD',
          ...(cents % 100 === 0 ? { maximumFractionDigits: 0 } : {}),
        }).format(cents / 100);
      const shown = [...el.shadowRoot!.querySelectorAll('[part="price"]')].map((p) => p.textContent);
      expect(shown).to.deep.equal([fmt(computed.commercial), fmt(computed.exclusive), fmt(computed.ownership)]);
      expect(persona.offers.map((o) => o.price.amount)).to.deep.equal([
        computed.commercial,
        computed.exclusive,
        computed.ownership,
      ]);
      expect(tierText(el, 0)).to.contain('Commercial License').and.contain('6 months');
      expect(tierText(el, 1)).to.contain('Exclusive License').and.contain('12 months');
      expect(tierText(el, 2)).to.contain('Ownership / Assignment').and.contain('No fixed term');
      expect(el.value).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('links each tier to its agreement', async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      const el = await picker('noor-haddad');
      const links = [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part="agreement"]')];
      expect(links.map((a) => a.href)).to.deep.equal(persona.offers.map((o) => o.agreement.url));
      const page = await fetch(links[0].href);
      expect(page.status).to.equal(200);
    });

    it("keeps an agreement's dated version on one line in a narrow column", async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      const el = await picker('noor-haddad', 'style="display: block; width: 180px"');
      const versions = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="agreement"] .version')];
      expect(versions.map((v) => v.textContent)).to.deep.equal(persona.offers.map((o) => o.agreement.version));
      for (const version of versions) expect(version.getClientRects().length, version.textContent!).to.equal(1);
    });
  });

  describe('availability', () => {
    it('open: Commercial and Exclusive can be chosen; Ownership needs an active Exclusive', async () => {
      const el = await picker('noor-haddad');
      expect(radios(el).map((r) => r.disabled)).to.deep.equal([false, false, true]);
      expect(tierText(el, 2)).to.contain('Requires an active Exclusive License');
    });

    it('exclusive active: Commercial and Exclusive disabled with the end date; Ownership for its holder', async () => {
      const persona = await api<Persona>('/v1/personas/elio-marchetti');
      const el = await picker('elio-marchetti');
      const until = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(new Date(persona.exclusiveUntil!));
      // The holder may be the one looking: Ownership can be chosen, and says who may buy it.
      expect(radios(el).map((r) => r.disabled)).to.deep.equal([true, true, false]);
      tiers(el)[2].click();
      await el.updateComplete;
      expect(el.value).to.equal('ownership');
      expect(tierText(el, 0)).to.contain(`Exclusively licensed until ${until}`);
      expect(tierText(el, 1)).to.contain(`Exclusively licensed until ${until}`);
      expect(tierText(el, 2)).to.contain('Only the current exclusive holder can buy this');
      await expect(el).to.be.accessible();
    });

    it('assigned: every tier says ownership has been transferred', async () => {
      const el = await picker('kai-nakamura');
      expect(radios(el).every((r) => r.disabled)).to.equal(true);
      for (const i of [0, 1, 2]) expect(tierText(el, i)).to.contain('Ownership has been transferred');
    });

    it('expired Exclusive: sales have reopened', async () => {
      const el = await picker('theo-brandt');
      expect(radios(el).map((r) => r.disabled)).to.deep.equal([false, false, true]);
    });

    it('discloses the Commercial licenses an Exclusive buyer would live with', async () => {
      const open = (await api<{ items: { id: string }[] }>('/v1/catalog?availability=open&limit=100')).items;
      const personas = await Promise.all(open.map((p) => api<Persona>(`/v1/personas/${p.id}`)));
      const withTail = personas.find((p) => p.commercialTail.count > 0)!;
      const el = await picker(withTail.id);
      const until = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
        new Date(withTail.commercialTail.until!),
      );
      const tail = el.shadowRoot!.querySelector('[part="tail"]')!.textContent!.replace(/\s+/g, ' ');
      expect(tail).to.contain(`${withTail.commercialTail.count} Commercial license`).and.contain(until);

      const clean = personas.find((p) => p.commercialTail.count === 0)!;
      const other = await picker(clean.id);
      expect(other.shadowRoot!.querySelector('[part="tail"]')!.textContent).to.contain(
        'No Commercial licenses are running',
      );
    });

    it('says "1 Commercial license", with its end date, when exactly one runs', async () => {
      const iso = await isolatedMarketplace('2026-06-01T00:00:00.000Z');
      try {
        const before = await api<Persona>(`${iso.base}/v1/personas/juno-okafor`);
        expect(before.commercialTail.count).to.equal(0);
        await buyViaApi(iso.base, before, 'commercial');
        const after = await api<Persona>(`${iso.base}/v1/personas/juno-okafor`);
        expect(after.commercialTail.count).to.equal(1);
        const root = await fixture(
          html`<aip-storefront api=${iso.base}
            ><aip-license-picker persona="juno-okafor"></aip-license-picker
          ></aip-storefront>`,
        );
        const el = root.querySelector('aip-license-picker')!;
        await shadowQuery(el, '[part="tail"]');
        const until = new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(
          new Date(after.commercialTail.until!),
        );
        expect(el.shadowRoot!.querySelector('[part="tail"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
          `1 Commercial license sold earlier stays active until ${until}, and can't be renewed.`,
        );
      } finally {
        await iso.dispose();
      }
    });
  });

  describe('events', () => {
    it('fires input, change and aip-license-change with the price on a click, not on a property set', async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      const el = await picker('noor-haddad');
      const seen: string[] = [];
      for (const type of ['input', 'change', 'aip-license-change']) el.addEventListener(type, () => seen.push(type));
      el.value = 'commercial';
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
      setTimeout(() => tiers(el)[1].click());
      const event = await oneEvent(el, 'aip-license-change');
      expect(event.detail).to.deep.equal({ license: 'exclusive', price: persona.offers[1].price });
      expect(seen).to.deep.equal(['input', 'change', 'aip-license-change']);
      expect(el.value).to.equal('exclusive');
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[aria-live]')!.textContent).to.match(/Exclusive License selected: \$/);
    });

    it('ignores clicks on a disabled tier', async () => {
      const el = await picker('noor-haddad');
      let fired = 0;
      el.addEventListener('change', () => fired++);
      tiers(el)[2].click();
      await el.updateComplete;
      expect(fired).to.equal(0);
      expect(el.value).to.equal('');
    });
  });

  describe('keyboard', () => {
    it('is one tab stop; arrows move, wrap and skip disabled tiers', async () => {
      const wrapper = await fixture(
        html`<div>
          <button>before</button><aip-license-picker persona="noor-haddad"></aip-license-picker><button>after</button>
        </div>`,
      );
      const el = wrapper.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      wrapper.querySelector('button')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(focused(el)).to.equal('commercial');
      await sendKeys({ press: 'ArrowRight' });
      expect(focused(el)).to.equal('exclusive');
      expect(el.value).to.equal('exclusive');
      await sendKeys({ press: 'ArrowRight' }); // Ownership is disabled: wraps to Commercial
      expect(focused(el)).to.equal('commercial');
      expect(el.value).to.equal('commercial');
      await sendKeys({ press: 'ArrowLeft' });
      expect(focused(el)).to.equal('exclusive');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('agreement');
    });
  });

  describe('form', () => {
    it('submits name=value, validates required, resets to the initial value', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><aip-license-picker persona="noor-haddad" name="tier" required></aip-license-picker></form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      expect(form.checkValidity()).to.equal(false);
      expect(new FormData(form).get('tier')).to.equal(null);
      tiers(el)[0].click();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('tier')).to.equal('commercial');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(new FormData(form).get('tier')).to.equal(null);
    });

    it('a submit with no tier chosen focuses the first tier that can be chosen and says what is missing', async () => {
      // Elio Marchetti's Exclusive runs: Commercial and Exclusive can't be chosen, Ownership can (by its holder).
      const form = await fixture<HTMLFormElement>(
        html`<form @submit=${(e: Event) => e.preventDefault()}>
          <aip-license-picker persona="elio-marchetti" name="tier" required></aip-license-picker>
          <button>Continue</button>
        </form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      const message = () => el.shadowRoot!.querySelector('#picker-invalid');
      // A host asking whether the form is complete is no attempt of the buyer's: nothing is said, also while
      // focus is in the picker.
      expect(form.checkValidity()).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(message()?.textContent ?? null).to.equal(null);
      el.shadowRoot!.querySelector<HTMLElement>('[part="compare-button"]')!.focus();
      expect(form.checkValidity()).to.equal(false);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(message()?.textContent ?? null).to.equal(null);

      let submitted = false;
      form.addEventListener('submit', () => (submitted = true));
      form.querySelector('button')!.click();
      await waitUntil(message, 'the picker did not say a tier is missing');
      expect(submitted).to.equal(false);
      expect(el.shadowRoot!.activeElement).to.equal(radios(el)[2]);
      expect(message()!.getAttribute('role')).to.equal('alert');
      expect(message()!.textContent).to.equal('Choose a license tier to continue.');
      for (const radio of radios(el)) {
        expect(radio.getAttribute('aria-invalid')).to.equal('true');
        expect(radio.getAttribute('aria-describedby')).to.contain('picker-invalid');
      }
      await expect(el).to.be.accessible();

      tiers(el)[2].click();
      await el.updateComplete;
      expect(message()?.textContent ?? null).to.equal(null);
      expect(radios(el).map((r) => r.getAttribute('aria-invalid'))).to.deep.equal(['false', 'false', 'false']);
    });

    it('resets to the tier its value attribute chose, in the element and in the form data', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <aip-license-picker persona="noor-haddad" name="tier" value="exclusive"></aip-license-picker>
        </form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      expect(new FormData(form).get('tier')).to.equal('exclusive');
      tiers(el)[0].click();
      await el.updateComplete;
      expect(new FormData(form).get('tier')).to.equal('commercial');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('exclusive');
      expect(new FormData(form).get('tier')).to.equal('exclusive');
      expect(radios(el).find((r) => r.checked)?.value).to.equal('exclusive');
    });

    it('resets to its initial value after being moved, not to the choice it had when moved', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><aip-license-picker persona="noor-haddad" name="tier"></aip-license-picker></form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      tiers(el)[0].click();
      await el.updateComplete;
      // A framework re-mounting the form moves it, with the picker, in the page.
      const holder = await fixture(html`<div></div>`);
      holder.append(form);
      await el.updateComplete;
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(new FormData(form).get('tier')).to.equal(null);
    });

    it('forgets the chosen tier when the host shows another persona, unless the host sets one with it', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><aip-license-picker persona="noor-haddad"></aip-license-picker></form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      tiers(el)[1].click();
      await el.updateComplete;
      expect(new FormData(form).get('license')).to.equal('exclusive');

      el.persona = 'hana-sato';
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(new FormData(form).get('license')).to.equal(null);
      await waitUntil(
        () => tierText(el, 0).length > 0 && !radios(el).some((r) => r.checked),
        'the new tiers, none chosen',
      );

      // A host that chooses for its buyer keeps that choice with the new persona.
      el.persona = 'noor-haddad';
      el.value = 'commercial';
      await el.updateComplete;
      await shadowQuery(el, 'input');
      expect(el.value).to.equal('commercial');
      expect(new FormData(form).get('license')).to.equal('commercial');
    });

    it('keeps a value given before its first persona', async () => {
      const noor = await api<Persona>('/v1/personas/noor-haddad');
      const el = await fixture<AipLicensePicker>(html`<aip-license-picker value="exclusive"></aip-license-picker>`);
      el.data = noor;
      await shadowQuery(el, 'input');
      expect(el.value).to.equal('exclusive');
      expect(radios(el).find((r) => r.checked)?.value).to.equal('exclusive');
    });

    it('forgets the chosen tier when its data is another persona', async () => {
      const [noor, hana] = await Promise.all([
        api<Persona>('/v1/personas/noor-haddad'),
        api<Persona>('/v1/personas/hana-sato'),
      ]);
      const el = await fixture<AipLicensePicker>(html`<aip-license-picker .data=${noor}></aip-license-picker>`);
      await shadowQuery(el, 'input');
      tiers(el)[1].click();
      await el.updateComplete;
      // The same persona again (fresh data from the host) keeps the choice.
      el.data = { ...noor };
      await el.updateComplete;
      expect(el.value).to.equal('exclusive');
      el.data = hana;
      await el.updateComplete;
      expect(el.value).to.equal('');
    });

    it('submits as "license" when the page names it nothing, as documented', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form><aip-license-picker persona="noor-haddad"></aip-license-picker></form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      tiers(el)[0].click();
      await el.updateComplete;
      expect([...new FormData(form)]).to.deep.equal([['license', 'commercial']]);
    });

    it('shows a message when a required choice is missing', async () => {
      const el = await picker('noor-haddad', 'required');
      expect(el.reportValidity()).to.equal(false);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.invalid')!.textContent).to.contain('Choose a license tier');
      await expect(el).to.be.accessible();
    });

    it('starts from a value attribute and is disabled by a disabled fieldset', async () => {
      const form = await fixture<HTMLFormElement>(
        html`<form>
          <fieldset disabled>
            <aip-license-picker persona="noor-haddad" value="exclusive"></aip-license-picker>
          </fieldset>
        </form>`,
      );
      const el = form.querySelector('aip-license-picker')!;
      await shadowQuery(el, 'input');
      expect(radios(el).find((r) => r.checked)!.value).to.equal('exclusive');
      expect(el.disabled).to.equal(true);
      expect(radios(el).every((r) => r.disabled)).to.equal(true);
    });
  });

  describe('compare dialog', () => {
    it('opens a table of every tier and returns focus when closed', async () => {
      const el = await picker('noor-haddad');
      const button = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="compare-button"]')!;
      button.focus();
      button.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      expect(dialog.open).to.equal(true);
      // Focus starts at the top, on the dialog's title, so a screen reader starts there too.
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Compare licenses');
      const headers = [...dialog.querySelectorAll('thead th')].map((th) => th.textContent);
      expect(headers).to.deep.equal(['Commercial License', 'Exclusive License', 'Ownership / Assignment']);
      const rows = [...dialog.querySelectorAll('tbody th')].map((th) => th.textContent);
      expect(rows).to.include.members([
        'Term',
        'Exclusivity',
        'Resale and sublicensing',
        'AI training and fine-tuning',
        'Transfer of rights',
        'License Certificate',
      ]);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => !dialog.open, 'dialog closed');
      expect(el.shadowRoot!.activeElement).to.equal(button);
    });
  });

  describe('compare dialog on a phone', () => {
    afterEach(() => setViewport({ width: 800, height: 600 }));

    it('starts at the title, and the table that scrolls sideways is one Tab stop that arrow keys scroll', async () => {
      await setViewport({ width: 375, height: 700 });
      const el = await picker('noor-haddad');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="compare-button"]')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      const region = dialog.querySelector<HTMLElement>('[role="region"]')!;
      expect(region.scrollWidth, 'the table is wider than a phone').to.be.above(region.clientWidth);
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Compare licenses');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(region);
      await sendKeys({ press: 'ArrowRight' });
      await waitUntil(() => region.scrollLeft > 0, 'the table scrolled');
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement?.textContent).to.equal('Close');
      await expect(el).to.be.accessible();
    });
  });

  describe('compare dialog on a phone, on a page that breaks words anywhere', () => {
    afterEach(async () => {
      document.body.style.removeProperty('overflow-wrap');
      document.documentElement.style.removeProperty('font-size');
      await setViewport({ width: 800, height: 600 });
    });

    it('keeps every word whole, and Close in view without scrolling, at 200 % text', async () => {
      await setViewport({ width: 390, height: 700 });
      document.body.style.overflowWrap = 'anywhere';
      document.documentElement.style.fontSize = '200%';
      const el = await picker('noor-haddad');
      el.shadowRoot!.querySelector<HTMLButtonElement>('[part="compare-button"]')!.click();
      const dialog = el.shadowRoot!.querySelector('dialog')!;
      const broken: string[] = [];
      const texts = document.createTreeWalker(dialog.querySelector('table')!, NodeFilter.SHOW_TEXT);
      for (let text = texts.nextNode() as Text | null; text; text = texts.nextNode() as Text | null) {
        // A hyphenated word may break after its hyphen, as any text does.
        for (const word of text.data.matchAll(/[^\s-]+/g)) {
          const range = document.createRange();
          range.setStart(text, word.index);
          range.setEnd(text, word.index + word[0].length);
          if (range.getClientRects().length > 1) broken.push(word[0]);
        }
      }
      expect(broken, 'words broken across lines').to.deep.equal([]);
      const close = [...dialog.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Close')!;
      const box = close.getBoundingClientRect();
      expect(box.bottom, 'Close within the screen').to.be.at.most(innerHeight);
      expect(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2)).to.equal(el);
    });
  });

  describe('states', () => {
    it('shows placeholders while loading', async () => {
      const wrapper = await fixture(
        html`<aip-storefront api="/_fault/latency=500"
          ><aip-license-picker persona="noor-haddad"></aip-license-picker
        ></aip-storefront>`,
      );
      const el = wrapper.querySelector('aip-license-picker')!;
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('[aria-busy="true"]')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });

    it("shows the server's offers, and warns, when only the pricing policy fails", async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      let el!: AipLicensePicker;
      const warnings = await captureWarnings(async () => {
        el = await picker('noor-haddad', 'api="/_fault/status=503,only=pricing-policy"');
      });
      expect(el.shadowRoot!.textContent).to.not.contain('could not be loaded');
      const shown = [...el.shadowRoot!.querySelectorAll('[part="price"]')].map((p) => p.textContent);
      expect(shown).to.deep.equal(persona.offers.map((o) => usd(o.price.amount)));
      expect(radios(el).map((r) => r.disabled)).to.deep.equal([false, false, true]);
      setTimeout(() => tiers(el)[1].click());
      const event = await oneEvent(el, 'aip-license-change');
      expect(event.detail).to.deep.equal({ license: 'exclusive', price: persona.offers[1].price });
      expect(warnings.filter((w) => w.includes('pricing policy could not be loaded'))).to.have.length(1);
      await expect(el).to.be.accessible();
    });

    it('says so when the persona does not exist', async () => {
      const el = await picker('no-such-persona');
      expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('not listed on the marketplace');
    });

    it('offers a retry when the marketplace fails', async () => {
      const el = await picker('noor-haddad', 'api="/_fault/status=500"');
      const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
      expect(alert.textContent).to.contain('could not be loaded');
      expect(alert.querySelector('button')!.textContent).to.contain('Try again');
      await expect(el).to.be.accessible();
    });
  });

  describe('sold', () => {
    let iso: Isolated | null = null;
    afterEach(async () => {
      await iso?.dispose();
      iso = null;
    });

    it('a tier sold while the buyer has it chosen is shown as sold and deselected, without a console warning', async () => {
      iso = await isolatedMarketplace(new Date().toISOString());
      const { base } = iso;
      const persona = await api<Persona>(`${base}/v1/personas/noor-haddad`);
      const root = await fixture(
        html`<aip-storefront api=${base}
          ><aip-license-picker persona="noor-haddad" required></aip-license-picker
        ></aip-storefront>`,
      );
      const el = root.querySelector('aip-license-picker')!;
      await shadowQuery(el, '[part="tiers"] input');
      tiers(el)[1].click();
      await el.updateComplete;
      expect(el.value).to.equal('exclusive');
      const warnings = await captureWarnings(async () => {
        await buyViaApi(base, persona, 'exclusive');
        // What a sale completed on this page does: every element showing the listing loads it again.
        clientFor(base).listingChanged('noor-haddad');
        await waitUntil(() => radios(el).length === 3 && radios(el)[1].disabled, 'the Exclusive tier shown as sold');
        await el.updateComplete;
      });
      expect(tierText(el, 1)).to.contain('Exclusively licensed until');
      expect(el.value).to.equal('');
      expect(radios(el).some((r) => r.checked)).to.equal(false);
      expect(warnings).to.deep.equal([]);
      // The buyer did nothing wrong (often they just bought it): no "choose a tier" error.
      expect(el.shadowRoot!.querySelector('.invalid[role="alert"]')).to.equal(null);
    });
  });

  describe('warnings', () => {
    it('shows the server price and warns once when the computed price differs', async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      const stale = {
        ...persona,
        offers: persona.offers.map((o) =>
          o.license === 'exclusive' ? { ...o, price: { ...o.price, amount: o.price.amount + 1000 } } : o,
        ),
      };
      let el!: AipLicensePicker;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipLicensePicker>(html`<aip-license-picker .data=${stale}></aip-license-picker>`);
        await shadowQuery(el, 'input');
        el.requestUpdate();
        await el.updateComplete;
      });
      const shown = el.shadowRoot!.querySelectorAll('[part="price"]')[1].textContent;
      const expected = new Intl.NumberFormat('en', {
        style: 'currency',
        currency: 'USD',
        maximumFractionDigits: 0,
      }).format(stale.offers[1].price.amount / 100);
      expect(shown).to.equal(expected);
      expect(warnings.filter((w) => w.includes('differs from the server'))).to.have.length(1);
    });

    it('refuses data that is not a persona: says what is wrong, shows an error, throws nothing', async () => {
      const persona = await api<Persona>('/v1/personas/noor-haddad');
      const scripted = {
        ...persona,
        offers: persona.offers.map((o, i) =>
          i === 0 ? { ...o, agreement: { ...o.agreement, url: 'javascript:alert(1)' } } : o,
        ),
      };
      let warnings: string[] = [];
      const thrown = await thrownIntoPage(async () => {
        warnings = await captureWarnings(async () => {
          for (const data of [{}, scripted, 'noor-haddad']) {
            const el = await fixture<AipLicensePicker>(
              html`<aip-license-picker .data=${data as Persona}></aip-license-picker>`,
            );
            const alert = () => el.shadowRoot!.querySelector('[role="alert"]')?.textContent?.trim();
            await waitUntil(() => alert() === 'The license options could not be loaded.', 'the error state');
            expect(radios(el)).to.have.length(0);
            // Trying again would check the same data.
            expect(!!el.shadowRoot!.querySelector('[role="alert"] button'), 'a pointless retry').to.equal(false);
            await expect(el).to.be.accessible();
          }
        });
      });
      expect(thrown).to.deep.equal([]);
      expect(warnings).to.have.length(3);
      expect(warnings[0]).to.match(/^<aip-license-picker>: data is not a persona \(id: .+\)/);
      expect(warnings[1]).to.contain('data is not a persona (offers.0.agreement.url: ');
      expect(warnings[2]).to.contain('data is not a persona (data: ');
    });

    it('warns about a persona property that is not a string, throws nothing, and loads the next one', async () => {
      let warnings: string[] = [];
      const thrown = await thrownIntoPage(async () => {
        warnings = await captureWarnings(async () => {
          const el = await fixture<AipLicensePicker>(html`<aip-license-picker></aip-license-picker>`);
          el.persona = 42 as unknown as string;
          await el.updateComplete;
          el.persona = 'noor-haddad';
          await shadowQuery(el, '[part="tiers"] input');
          expect(radios(el)).to.have.length(3);
        });
      });
      expect(thrown).to.deep.equal([]);
      expect(warnings).to.deep.equal(['<aip-license-picker>: persona="42" is not a listing id.']);
    });

    it('refuses a value that is not a tier, or a tier that is not available', async () => {
      const warnings = await captureWarnings(async () => {
        const a = await picker('noor-haddad', 'value="platinum"');
        expect(a.value).to.equal('');
        const b = await picker('noor-haddad', 'value="ownership"');
        expect(b.value).to.equal('');
        const c = await picker('noor-haddad');
        c.value = 'ownership';
        await c.updateComplete;
        expect(c.value).to.equal('');
      });
      expect(warnings.join()).to.contain('value="platinum"');
      expect(warnings.filter((w) => w.includes('ownership tier is not available'))).to.have.length(2);
    });
  });
});
