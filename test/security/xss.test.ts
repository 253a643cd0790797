/**
 * The XSS corpus: every element rendered against an isolated marketplace whose
 * catalog carries markup, script URLs, attribute breakouts, CSS injection,
 * Unicode tricks and very long strings in every free-text field (see
 * `hostile-seed.ts`), plus a buyer who types the same into the checkout and
 * the custom-order form. Nothing may run, nothing may be injected, every
 * string must show as the text it is, and the server's own HTML pages must
 * escape it too.
 *
 * The page runs under `script-src 'self'` (set below), so an injected inline
 * script or handler would also be reported as a `securitypolicyviolation`.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import '../../src/index.js';
import { AipClient } from '../../src/api/client.js';
import { ApiError } from '../../src/api/errors.js';
import type { Order } from '../../src/api/schemas.js';
import type { AipCheckout } from '../../src/components/checkout/checkout.js';
import type { AipCustomOrder } from '../../src/components/custom-order/custom-order.js';
import { placeOrder } from '../helpers.js';
import { isolatedMarketplace, post, type Isolated } from '../server/http.js';
import { AGREEMENT_VERSION, newKey } from '../server/purchase.js';
import { allRoots, audit, bidiLeaks, pageScripts, pageText, squash, textOf } from './dom-audit.js';
import { structuredDataWritten } from '../../src/internal/structured-data.js';
import {
  ALL_PAYLOADS_TEXT,
  HOSTILE_IDS,
  HOSTILE_WEBSITE,
  LONG_DESCRIPTION,
  PAYLOADS,
  PAYLOAD_LIST,
  demoSeed,
  hostileName,
  hostileSeed,
} from './hostile-seed.js';

declare global {
  interface Window {
    __xss?: unknown;
  }
}

// A strict policy for the rest of this page's life: an injected inline script
// or event handler is blocked and reported instead of running silently.
const csp = document.createElement('meta');
csp.httpEquiv = 'Content-Security-Policy';
csp.content = "script-src 'self'; object-src 'none'; base-uri 'none'";
document.head.prepend(csp);

const violations: string[] = [];
document.addEventListener('securitypolicyviolation', (e) =>
  violations.push(
    `${e.violatedDirective}: ${e.blockedURI} ${e.sample} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} on ${(e.target as Element)?.localName ?? e.target} ${(e.composedPath()[0] as Element)?.outerHTML?.slice(0, 200)}`,
  ),
);

const seed = hostileSeed();
const personaOf = (id: string) => seed.personas.find((p) => p.id === id)!;
const nova = seed.creators.find((c) => c.handle === 'nova-studio')!;

/** A buyer's name, as hostile as the form's 120 characters allow. */
const BUYER_NAME = `Robin ${PAYLOADS.img} ${PAYLOADS.rtl}`.slice(0, 120);

const baseline = pageScripts();

/** Renders `template` inside an audited wrapper. */
function mount<T extends Element>(template: TemplateResult): Promise<T> {
  return fixture<T>(html`<div data-aip-audit>${template}</div>`).then((wrapper) => wrapper.firstElementChild as T);
}

/** Waits for `selector` anywhere under the page's shadow roots. */
async function deepQuery<T extends Element = HTMLElement>(selector: string, timeout = 8000): Promise<T> {
  const find = () => allRoots().flatMap((root) => [...root.querySelectorAll<T>(selector)])[0];
  await waitUntil(find, `no ${selector} on the page`, { timeout });
  return find()!;
}

/** Nothing ran, nothing was injected, nothing violated the policy. */
async function expectClean(frameSources: string[] = []): Promise<void> {
  // JSON-LD blocks are written once the page is idle; audit them too.
  await structuredDataWritten();
  expect(window.__xss, 'a payload ran').to.equal(undefined);
  expect(audit({ baseline, frameSources })).to.deep.equal([]);
  expect(violations).to.deep.equal([]);
}

describe('XSS corpus', function () {
  this.timeout(30_000);
  let m: Isolated;

  before(async () => {
    m = await isolatedMarketplace(new Date().toISOString(), {
      seed,
      confirmations: 1,
      confirmationIntervalMs: 10,
    });
  });

  after(async () => {
    await m?.dispose();
  });

  afterEach(() => {
    sessionStorage.clear();
  });

  describe('the seed validator', () => {
    const refusals: [string, (s: ReturnType<typeof demoSeed>) => void, string][] = [
      ['a javascript: website', (s) => (s.creators[0].website = PAYLOADS.scriptUrl), 'creators[0].website'],
      ['a data: website', (s) => (s.creators[0].website = 'data:text/html,<script>1</script>'), 'creators[0].website'],
      ['a website with a leading space', (s) => (s.creators[0].website = ' https://x.example'), 'creators[0].website'],
      ['markup in a handle', (s) => (s.creators[0].handle = '<b>nova</b>'), 'creators[0].handle'],
      ['markup in a persona id', (s) => (s.personas[0].id = 'mara"><script>'), 'personas[0].id'],
      ['markup in a tag', (s) => (s.personas[0].tags = [PAYLOADS.script]), 'personas[0].tags[0]'],
      ['a niche that is not one of the list', (s) => (s.personas[0].niche = '<b>lifestyle</b>'), 'personas[0].niche'],
      ['a name over 200 characters', (s) => (s.personas[0].name = 'W'.repeat(201)), 'personas[0].name'],
      [
        'a description over 5 000 characters',
        (s) => (s.personas[0].description = `${LONG_DESCRIPTION}Z`),
        'personas[0].description',
      ],
    ];
    for (const [name, spoil, field] of refusals) {
      it(`refuses ${name}, naming ${field}`, async () => {
        const bad = demoSeed();
        spoil(bad);
        let error: Error | null = null;
        try {
          const created = await isolatedMarketplace(new Date().toISOString(), { seed: bad });
          await created.dispose();
        } catch (caught) {
          error = caught as Error;
        }
        expect(error?.message).to.contain(`Invalid seed: ${field}:`);
      });
    }

    it('loads the hostile catalog: every payload it lets through is stored as it was given', async () => {
      const response = await fetch(`${m.base}/v1/personas/mara-lindqvist`);
      const persona = (await response.json()) as { name: string; description: string; deliverables: string[] };
      expect(persona.name).to.equal(hostileName(0));
      expect(persona.description).to.equal(ALL_PAYLOADS_TEXT);
      const creator = (await (await fetch(`${m.base}/v1/creators/nova-studio`)).json()) as { website: string };
      expect(creator.website).to.equal(HOSTILE_WEBSITE);
    });
  });

  describe('a response with a javascript: URL', () => {
    const hostile = () => `${m.base}/_fault/body=script-urls`;

    it('is refused by the client as malformed_response, for every resource that has URLs', async () => {
      const client = new AipClient({ baseUrl: hostile() });
      for (const call of [
        () => client.catalog(),
        () => client.persona('mara-lindqvist'),
        () => client.creator('nova-studio'),
      ]) {
        let error: unknown = null;
        try {
          await call();
        } catch (caught) {
          error = caught;
        }
        expect(error).to.be.instanceOf(ApiError);
        expect((error as ApiError).code).to.equal('malformed_response');
      }
    });

    it('renders nothing from it: the card, the catalog and the detail show their error states', async () => {
      const wrapper = await mount<HTMLElement>(
        html`<section>
          <aip-persona-card api=${hostile()} persona="mara-lindqvist"></aip-persona-card>
          <aip-storefront api=${hostile()}><aip-catalog page-size="4"></aip-catalog></aip-storefront>
          <aip-persona-detail api=${hostile()} persona="mara-lindqvist"></aip-persona-detail>
        </section>`,
      );
      await waitUntil(() => allRoots().filter((r) => r.querySelector('[role="alert"]')).length >= 3, 'error states', {
        timeout: 8000,
      });
      expect(pageText()).not.to.contain(hostileName(0));
      expect(wrapper.innerHTML).not.to.contain('javascript:');
      await expectClean();
    });

    it('leaves the creator block without a profile or a link when only the creator answer is hostile', async () => {
      const api = `${m.base}/_fault/body=script-urls,only=creators`;
      await mount(html`<aip-persona-detail api=${api} persona="mara-lindqvist"></aip-persona-detail>`);
      const creator = await deepQuery('[part="creator"]');
      await waitUntil(() => /could not be loaded/.test(textOf(creator)), 'creator error', { timeout: 8000 });
      expect(creator.querySelector('a')).to.equal(null);
      await expectClean();
    });
  });

  describe('the elements', () => {
    it('catalog and cards: names, creators, tags and alt texts are text; the JSON-LD stays one block', async () => {
      const catalog = await mount<HTMLElement>(
        html`<aip-storefront api=${m.base}><aip-catalog page-size="24"></aip-catalog></aip-storefront>`,
      ).then((s) => s.querySelector('aip-catalog')!);
      await waitUntil(
        () => catalog.shadowRoot!.querySelectorAll('aip-persona-card').length === HOSTILE_IDS.length - 1,
        'every general listing as a card',
        { timeout: 8000 },
      );
      const cards = [...catalog.shadowRoot!.querySelectorAll('aip-persona-card')];
      await waitUntil(() => cards.every((c) => c.shadowRoot?.querySelector('[part="title"]')), 'card titles');
      for (const card of cards) {
        const id = (card as HTMLElement & { data: { id: string } }).data.id;
        const p = personaOf(id);
        const root = card.shadowRoot!;
        expect(textOf(root.querySelector('[part="title"]')), id).to.equal(squash(p.name));
        const creator = seed.creators.find((c) => c.handle === p.creator)!;
        expect(textOf(root.querySelector('[part="meta"]')), id).to.contain(squash(creator.name));
        expect(root.querySelector('img[part="image"]')!.getAttribute('alt'), id).to.equal(p.titleImage.alt);
        const tags = [...root.querySelectorAll('[part="tags"] li')].map(textOf);
        expect(p.tags, id).to.include.members(tags.filter((t) => !/^\+\d+ more$/.test(t)));
      }
      await structuredDataWritten();
      const ld = catalog.querySelector<HTMLScriptElement>(':scope > script[type="application/ld+json"]')!;
      const names = (
        JSON.parse(ld.textContent!) as { itemListElement: { item: { name: string } }[] }
      ).itemListElement.map((e) => e.item.name);
      expect(names).to.include(hostileName(6)).and.include(hostileName(0));
      expect(ld.textContent).not.to.match(/<\/script/i);
      expect(bidiLeaks()).to.deep.equal([]);
      await expectClean();
    });

    it('detail: header, gallery, description, deliverables, creator block and license picker show text only', async () => {
      const p = personaOf('mara-lindqvist');
      const detail = await mount<HTMLElement>(
        html`<aip-persona-detail api=${m.base} persona="mara-lindqvist">
          <aip-checkout slot="checkout"></aip-checkout>
          <aip-custom-order slot="custom-order" persona="mara-lindqvist"></aip-custom-order>
        </aip-persona-detail>`,
      );
      const root = detail.shadowRoot!;
      await waitUntil(() => root.querySelector('[part="creator-link"]'), 'the creator profile', { timeout: 8000 });
      expect(textOf(root.querySelector('[part="title"]'))).to.equal(squash(p.name));
      const paragraphs = [...root.querySelectorAll('[part="description"] p')].map((el) => el.textContent);
      expect(paragraphs).to.deep.equal(PAYLOAD_LIST);
      expect([...root.querySelectorAll('[part="deliverables"] li')].map(textOf)).to.deep.equal(
        p.deliverables.map(squash),
      );
      const alts = [...root.querySelectorAll('img[part="image"]')].map((img) => img.getAttribute('alt'));
      expect(alts).to.deep.equal(p.previews.map((v) => v.alt));
      expect(textOf(root.querySelector('[part="creator-name"]'))).to.equal(squash(nova.name));
      expect(root.querySelector('[part="creator-bio"]')!.textContent).to.equal(nova.bio);
      // The link is the URL as given (Lit sets the attribute, nothing parses it as markup); its
      // text is the host as the URL parser reads it: a homoglyph shows as punycode.
      const link = root.querySelector<HTMLAnchorElement>('[part="creator-link"]')!;
      expect(link.getAttribute('href')).to.equal(HOSTILE_WEBSITE);
      expect(link.textContent).to.match(/^xn--/);
      const picker = await deepQuery('aip-license-picker');
      await waitUntil(() => picker.shadowRoot?.querySelector('[part~="agreement"]'), 'the tiers', { timeout: 8000 });
      expect(bidiLeaks()).to.deep.equal([]);
      await expectClean();
    });

    it('a long unbroken description and name stay text, whole', async () => {
      const p = personaOf('juno-okafor');
      const detail = await mount<HTMLElement>(
        html`<aip-persona-detail api=${m.base} persona="juno-okafor"></aip-persona-detail>`,
      );
      await waitUntil(() => detail.shadowRoot!.querySelector('[part="description"]'), 'description', {
        timeout: 8000,
      });
      expect(detail.shadowRoot!.querySelector('[part="description"] p')!.textContent).to.equal(p.description);
      const long = await mount<HTMLElement>(
        html`<aip-persona-card api=${m.base} persona=${HOSTILE_IDS[3]}></aip-persona-card>`,
      );
      await waitUntil(() => long.shadowRoot!.querySelector('[part="title"]'), 'card', { timeout: 8000 });
      expect(textOf(long.shadowRoot!.querySelector('[part="title"]'))).to.equal(hostileName(3));
      await expectClean();
    });

    it('checkout to the certificate: a hostile persona and buyer name stay text on the element and the server pages', async () => {
      const id = 'mara-lindqvist';
      const p = personaOf(id);
      const el = await mount<AipCheckout>(
        html`<aip-checkout api=${m.base} persona=${id} license="commercial" poll-interval="250"></aip-checkout>`,
      );
      const $ = <T extends HTMLElement>(s: string) => el.shadowRoot!.querySelector<T>(s);
      const order = await placeOrder(el, { name: BUYER_NAME, email: 'robin@example.com' });
      const paid = await post(`${m.base}/v1/sandbox/orders/${order.id}/pay`, {});
      expect(paid.res.status, paid.text).to.equal(200);
      await waitUntil(() => $('[part="certificate"] dl'), 'the certificate', { timeout: 8000 });
      const certificate = textOf($('[part="certificate"]'));
      expect(certificate).to.contain(squash(BUYER_NAME)).and.contain(squash(p.name));
      expect(bidiLeaks()).to.deep.equal([]);
      await expectClean([m.base, new URL(m.base, location.href).href]);

      // The hosted checkout page and the certificate page: the same strings, escaped.
      const completed = (paid.body as Order).certificateId!;
      for (const [path, expected] of [
        [`/checkout/${order.id}`, [p.name]],
        [`/certificates/${completed}`, [p.name, BUYER_NAME]],
      ] as const) {
        await expectEscapedPage(`${m.base}${path}`, expected);
      }
    });

    it('custom order: a brief full of payloads is sent and confirmed without running anything', async () => {
      const el = await mount<AipCustomOrder>(
        html`<aip-custom-order api=${m.base} persona="mara-lindqvist"></aip-custom-order>`,
      );
      const root = el.shadowRoot!;
      await waitUntil(() => root.querySelector('[part="form"]'), 'the form', { timeout: 8000 });
      const type = (id: string, value: string) => {
        const control = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
        control.value = value;
        control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        control.dispatchEvent(new Event('blur'));
      };
      root.querySelector<HTMLInputElement>('input[name="type"][value="other"]')!.click();
      type('f-goal', ALL_PAYLOADS_TEXT.slice(0, 2000));
      type('f-channel', `${PAYLOADS.svg} ${PAYLOADS.singleQuote}`.slice(0, 200));
      type('f-deliverableCount', '2');
      root.querySelector<HTMLInputElement>('input[type="checkbox"][value="4:5"]')!.click();
      type('f-references', `${HOSTILE_WEBSITE}\nhttps://example.com/a`);
      type('f-mustAvoid', `${PAYLOADS.styleClose} ${PAYLOADS.expression}`);
      const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
      type('f-deadline', deadline);
      type('f-budget', '900');
      root.querySelector<HTMLInputElement>('input[name="rating"][value="general"]')!.click();
      type('f-buyer-name', BUYER_NAME);
      type('f-buyer-email', 'robin@example.com');
      await el.updateComplete;
      root.querySelector<HTMLButtonElement>('[part="submit-button"]')!.click();
      await waitUntil(() => /Brief sent/.test(textOf(root)), `the confirmation: ${textOf(root)}`, { timeout: 8000 });
      expect(bidiLeaks()).to.deep.equal([]);
      await expectClean();
    });
  });

  describe('the server pages', () => {
    it('the agreement pages have no inline script or style and show only their own text', async () => {
      for (const license of ['commercial', 'exclusive', 'ownership']) {
        await expectEscapedPage(`${m.base}/agreements/${license}/${AGREEMENT_VERSION}`, []);
      }
    });

    it('an order made through the API with a hostile buyer and return URL: the checkout page escapes both', async () => {
      const quote = await post<{ id: string }>(`${m.base}/v1/quotes`, {
        personaId: 'ines-caldera',
        license: 'commercial',
      });
      const returnUrl = `https://shop.example/back?x="><script>window.__xss=true</script>`;
      const made = await post<Order>(
        `${m.base}/v1/orders`,
        {
          quoteId: quote.body.id,
          buyer: { email: 'robin@example.com', name: BUYER_NAME },
          acceptedAgreement: { license: 'commercial', version: AGREEMENT_VERSION },
          returnUrl,
        },
        { headers: { 'Idempotency-Key': newKey('xss') } },
      );
      expect(made.res.status, made.text).to.equal(201);
      const page = await expectEscapedPage(`${m.base}/checkout/${made.body.id}`, [personaOf('ines-caldera').name]);
      const back = page.querySelector<HTMLAnchorElement>('#return-link')!;
      expect(new URL(back.getAttribute('href')!).searchParams.get('x')).to.equal(
        '"><script>window.__xss=true</script>',
      );
      expect(page.body.textContent).not.to.contain(BUYER_NAME);
    });
  });
});

/**
 * Fetches a server page and checks it: a CSP header, no inline script or
 * style, no event-handler attribute, only http(s) URLs, scripts and
 * stylesheets from the page's own origin, and each expected string present
 * as text. Returns the parsed document.
 */
async function expectEscapedPage(url: string, expected: readonly string[]): Promise<Document> {
  url = new URL(url, location.href).href;
  const res = await fetch(url, { cache: 'no-store' });
  expect(res.status, url).to.equal(200);
  expect(res.headers.get('content-type'), url).to.match(/^text\/html/);
  // Scripts from the page's origin at most (agreements: none at all), nothing inline.
  const policy = res.headers.get('content-security-policy') ?? '';
  expect(policy, url).to.match(/script-src 'self'(;|$)|default-src 'none'(?![^;]*script-src)/);
  expect(policy, url).to.match(/style-src 'self'(;|$)/);
  expect(policy, url).not.to.match(/unsafe-inline|unsafe-eval/);
  const text = await res.text();
  const doc = new DOMParser().parseFromString(text, 'text/html');
  for (const script of doc.querySelectorAll('script')) {
    expect(script.textContent, `${url}: inline script`).to.equal('');
    expect(new URL(script.getAttribute('src')!, url).origin, url).to.equal(location.origin);
  }
  expect(doc.querySelectorAll('style').length, `${url}: inline <style>`).to.equal(0);
  for (const el of doc.querySelectorAll('*')) {
    for (const attribute of el.attributes) {
      expect(attribute.name.startsWith('on'), `${url}: <${el.localName} ${attribute.name}>`).to.equal(false);
      expect(attribute.name, `${url}: inline style`).not.to.equal('style');
      if (['href', 'src', 'action'].includes(attribute.name) && attribute.value !== '#') {
        expect(new URL(attribute.value, url).protocol, `${url}: ${attribute.value}`).to.match(/^(https?|data):$/);
      }
    }
  }
  const shown = squash(doc.body.textContent ?? '');
  for (const string of expected) expect(shown, url).to.contain(squash(string));
  return doc;
}
