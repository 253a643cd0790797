/**
 * The failure matrix: every element that talks to the marketplace × every
 * failure, against the reference marketplace's fault switches (no stubbed
 * `fetch`). The cells and their expected outcomes are the tables in
 * `failure-matrix.table.ts`, which also generate `docs/reliability.md`.
 *
 * In every cell the buyer gets a visible message that says what happened and
 * a way forward, no error escapes to the page, the host page keeps working,
 * and nothing stale or unconfirmed is shown as fresh.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { nothing, type TemplateResult } from 'lit';
import { formatMoney } from '../src/api/money.js';
import type { Persona } from '../src/api/schemas.js';
import { pageLocale } from '../src/components/storefront/context.js';
import '../src/components/catalog/index.js';
import '../src/components/checkout/index.js';
import '../src/components/custom-order/index.js';
import '../src/components/license-picker/index.js';
import '../src/components/persona-card/index.js';
import '../src/components/persona-detail/index.js';
import '../src/components/storefront/index.js';
import {
  MATRIX_LATENCY_MS,
  MATRIX_ROWS,
  MATRIX_SLOW_MS,
  MATRIX_TIMEOUT_MS,
  MESSAGE_FAILURES,
  reliabilityMarkdown,
  type MatrixRow,
  type MessageFailure,
} from './failure-matrix.table.js';
import { fillCheckout, requestsMatching } from './helpers.js';

/** The listing most cells show; the overtaken cells switch from the first to the second. */
const PERSONA = 'hana-sato';
const OLDER = 'sana-whitfield';
const NEWER = 'ines-caldera';
const SLOW_MS = MATRIX_SLOW_MS;

let market: { id: string; base: string };
const createMarketplace = async () =>
  (await executeServerCommand('marketplace:create', {})) as { id: string; base: string };
const personas = new Map<string, Persona>();

/** Rows in the marketplace's table for a written resource (`custom-orders` → `custom_orders`). */
async function stored(resource: 'orders' | 'custom-orders', id: string): Promise<number> {
  const counts = (await executeServerCommand('marketplace:count', { id })) as Record<string, number>;
  return counts[resource.replace('-', '_')];
}
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const textOf = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const visible = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** Every element in `root`'s shadow tree and those of the elements inside it. */
function deepAll(root: ParentNode, selector: string): Element[] {
  const found = [...root.querySelectorAll(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The visible alert or status region of `el` that says `first`, if any. */
const messageRegion = (el: Element, first: string) =>
  deepAll(el.shadowRoot!, '[role="alert"], [role="status"]').find((r) => visible(r) && textOf(r).includes(first));

const anyAlert = (el: Element) => deepAll(el.shadowRoot!, '[role="alert"]').some((r) => visible(r) && textOf(r));

function button(el: Element, label: string): HTMLButtonElement | undefined {
  return deepAll(el.shadowRoot!, 'button').find((b): b is HTMLButtonElement => visible(b) && textOf(b) === label);
}

// ----- the host page ---------------------------------------------------------

interface Host {
  root: HTMLElement;
  el: HTMLElement;
  ticks(): number;
  clicks(): number;
  hostButton: HTMLButtonElement;
  errors: string[];
}

/**
 * Puts `inner` in a storefront on a host page that has its own timer and
 * button, and records every uncaught error and unhandled rejection.
 */
async function hostPage(
  tag: string,
  inner: TemplateResult,
  api: string,
  policy: { retries?: number; timeout?: number },
): Promise<Host & { dispose(): void }> {
  const errors: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) => errors.push(`unhandled rejection: ${String(e.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  let ticks = 0;
  let clicks = 0;
  const timer = setInterval(() => (ticks += 1), 10);
  const root = await fixture<HTMLElement>(
    html`<div>
      <button id="host-button" type="button" @click=${() => (clicks += 1)}>Host button</button>
      <aip-storefront api=${api} retries=${policy.retries ?? nothing} timeout=${policy.timeout ?? nothing}>
        ${inner}
      </aip-storefront>
    </div>`,
  );
  return {
    root,
    el: root.querySelector<HTMLElement>(tag)!,
    ticks: () => ticks,
    clicks: () => clicks,
    hostButton: root.querySelector<HTMLButtonElement>('#host-button')!,
    errors,
    dispose() {
      clearInterval(timer);
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
    },
  };
}

/** Runs one cell on a host page and then checks what every cell must keep true. */
async function cell(
  tag: string,
  inner: TemplateResult,
  api: string,
  policy: { retries?: number; timeout?: number },
  body: (host: Host) => Promise<void>,
): Promise<void> {
  const host = await hostPage(tag, inner, api, policy);
  try {
    const ticksBefore = host.ticks();
    await body(host);
    // The host page kept working all along.
    await waitUntil(() => host.ticks() > ticksBefore, 'the host page timer stopped');
    const clicks = host.clicks();
    host.hostButton.click();
    expect(host.clicks(), "the host page's button").to.equal(clicks + 1);
    // Give a late rejection (a stray promise, an aborted request) the chance to surface.
    await sleep(50);
    expect(host.errors, 'uncaught errors').to.deep.equal([]);
  } finally {
    host.dispose();
  }
}

// ----- per element: how it is mounted, driven and recognised -------------------

interface Driver {
  /** The element, pointed at `persona`. */
  template(persona: string): TemplateResult;
  /** Present only when the element shows fresh data or a success: never in a failure cell. */
  fresh: string;
  /** Gets the element to send its write (fills the form, sends it); the listing has loaded. */
  write?(el: HTMLElement): Promise<void>;
  /** What identifies a listing on screen in this element (the picker shows prices, not names). */
  marker(p: Persona): string;
}

const shadow = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);

/** Types into a control as a buyer would. */
function type(control: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.blur();
}

/** A local `YYYY-MM-DD` three weeks from today. */
function inThreeWeeks(): string {
  const d = new Date();
  d.setDate(d.getDate() + 21);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

const DRIVERS: Record<string, Driver> = {
  'aip-catalog': {
    template: () => html`<aip-catalog page-size="4" filters="sort"></aip-catalog>`,
    fresh: 'aip-persona-card[data-index]',
    marker: (p) => p.name,
  },
  'aip-persona-card': {
    template: (persona) =>
      html`<aip-persona-card persona=${persona}><a href="/p/${persona}">Open this persona</a></aip-persona-card>`,
    fresh: '[part="title"]',
    marker: (p) => p.name,
  },
  'aip-persona-detail': {
    template: (persona) => html`<aip-persona-detail persona=${persona}></aip-persona-detail>`,
    fresh: '[part="title"]',
    marker: (p) => p.name,
  },
  'aip-license-picker': {
    template: (persona) => html`<aip-license-picker persona=${persona}></aip-license-picker>`,
    fresh: '[part~="tier"]',
    marker: (p) => formatMoney(p.commercialPrice, pageLocale(document.body)),
  },
  'aip-checkout': {
    template: (persona) => html`<aip-checkout persona=${persona} license="commercial"></aip-checkout>`,
    fresh: '[part~="status"], [part~="certificate"], dialog[open]',
    marker: (p) => p.name,
    async write(el) {
      await fillCheckout(el as HTMLElement & { updateComplete: Promise<unknown> });
      shadow(el, '[part~="submit-button"]')!.click();
    },
  },
  'aip-custom-order': {
    template: (persona) => html`<aip-custom-order persona=${persona}></aip-custom-order>`,
    fresh: '[part="confirmation"]',
    marker: (p) => p.name,
    async write(el) {
      await waitUntil(() => shadow(el, '[part="form"]'), 'no form', { timeout: 5000 });
      const control = (id: string) => shadow<HTMLInputElement>(el, `#${id}`)!;
      shadow(el, 'input[name="type"][value="seasonal_campaign"]')!.click();
      type(control('f-goal'), 'A winter campaign for our new scarves, for first-time buyers.');
      type(control('f-channel'), 'Instagram');
      type(control('f-deliverableCount'), '4');
      shadow(el, 'input[type="checkbox"][value="4:5"]')!.click();
      type(control('f-deadline'), inThreeWeeks());
      type(control('f-budget'), '800');
      shadow(el, 'input[name="rating"][value="general"]')!.click();
      type(control('f-buyer-name'), 'Robin Example');
      type(control('f-buyer-email'), 'robin@example.com');
      await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      shadow(el, '[part="submit-button"]')!.click();
    },
  },
};

/** The API a cell's element uses: a closed port, or the cell's fault switches (aimed at the write, if any). */
function apiFor(row: MatrixRow, spec: string | null, base = market.base): string {
  if (spec === null) return 'http://127.0.0.1:9';
  return `${base}/_fault/${spec}${row.writes ? `,only=${row.writes}` : ''}`;
}

// ----- the matrix --------------------------------------------------------------

describe('failure matrix', function () {
  this.timeout(15_000);

  before(async () => {
    // One marketplace of its own: `times=` counts per spec text and marketplace, and writes stay here.
    market = await createMarketplace();
    for (const id of [PERSONA, OLDER, NEWER]) {
      personas.set(id, (await (await fetch(`${market.base}/v1/personas/${id}`)).json()) as Persona);
    }
  });

  after(async () => {
    await executeServerCommand('marketplace:dispose', { id: market.id });
  });

  beforeEach(() => {
    // A checkout keeps its attempt in sessionStorage; each cell starts without one.
    for (const key of Object.keys(sessionStorage)) if (key.startsWith('aip-checkout:')) sessionStorage.removeItem(key);
  });

  it('docs/reliability.md is what the tables generate (run `npm run docs:reliability`)', async () => {
    const committed = await (await fetch('/docs/reliability.md')).text();
    expect(committed).to.equal(reliabilityMarkdown());
  });

  MATRIX_ROWS.forEach((row, index) => {
    const driver = DRIVERS[row.tag];

    describe(`<${row.tag}>`, () => {
      for (const failure of MESSAGE_FAILURES) {
        const outcome = row.outcomes[failure.id];
        it(`${failure.label}: says what happened and offers ${outcome.action ?? 'no retry'}`, async () => {
          await messageCell(row, driver, failure);
        });
      }

      it('503 once: the buyer gets the answer, and a write is never sent twice', async () => {
        // Writes are counted on a marketplace of their own: a timed-out write of another cell may still land.
        const own = row.writes ? await createMarketplace() : market;
        // `latency=<n>` only gives each row's spec text its own `times=` count.
        const api = apiFor(row, `status=503,latency=${index + 1},times=1`, own.base);
        // The default retry policy: no `retries` attribute.
        await cell(row.tag, driver.template(PERSONA), api, {}, async ({ el }) => {
          if (!driver.write) {
            let alerted = false;
            await waitUntil(
              () => {
                alerted ||= anyAlert(el);
                return shadow(el, driver.fresh);
              },
              'the answer after a retry',
              { timeout: 5000 },
            );
            expect(alerted, 'an error shown before the retry').to.equal(false);
            expect(requestsMatching(`${api}/v1/`).length, 'requests').to.be.at.least(2);
            return;
          }
          const before = await stored(row.writes!, own.id);
          await driver.write(el);
          const first = row.outcomes['503'].says[0];
          await waitUntil(() => messageRegion(el, first), `no "${first}"`, { timeout: 5000 });
          // The client did not send the write again by itself: nothing was stored.
          expect(await stored(row.writes!, own.id)).to.equal(before);
          button(el, 'Try again')!.click();
          await waitUntil(() => shadow(el, driver.fresh), 'the success after "Try again"', { timeout: 5000 });
          expect(await stored(row.writes!, own.id)).to.equal(before + 1);
        });
        if (own !== market) await executeServerCommand('marketplace:dispose', { id: own.id });
      });

      it('overtaken: an older, slower answer is never shown', async () => {
        if (row.tag === 'aip-catalog') {
          await catalogOvertaken(index);
          return;
        }
        const api = `${market.base}/_fault/latency=${SLOW_MS + index},only=personas,times=1`;
        const older = driver.marker(personas.get(OLDER)!);
        const newer = driver.marker(personas.get(NEWER)!);
        await cell(row.tag, driver.template(OLDER), api, { retries: 0 }, async ({ el }) => {
          await sleep(50); // the older listing's request is on its way, held back by the server
          el.setAttribute('persona', NEWER);
          await waitUntil(() => textOf(el.shadowRoot).includes(newer), `no ${newer}`, { timeout: 5000 });
          // Watch until well after the held-back answer arrived (no timing assertion: a loaded
          // machine may show the newer listing late, which changes nothing about what is shown).
          const until = performance.now() + SLOW_MS + 300;
          while (performance.now() < until) {
            const shown = textOf(el.shadowRoot);
            expect(shown, 'the older listing').not.to.include(older);
            expect(shown, 'the newer listing').to.include(newer);
            await frame();
          }
        });
      });
    });
  });
});

/** One failure cell: the message, the way forward, and nothing that looks fresh. */
async function messageCell(row: MatrixRow, driver: Driver, failure: MessageFailure): Promise<void> {
  const outcome = row.outcomes[failure.id];
  const api = apiFor(row, failure.spec);
  const policy = { retries: 0, timeout: MATRIX_TIMEOUT_MS };
  await cell(row.tag, driver.template(PERSONA), api, policy, async ({ el }) => {
    if (driver.write && failure.spec !== null) await driver.write(el);
    const [first, ...rest] = outcome.says;
    await waitUntil(() => messageRegion(el, first), `no visible message "${first}"`, {
      timeout: MATRIX_LATENCY_MS + 2000,
    });
    const region = messageRegion(el, first)!;
    for (const fragment of rest) expect(textOf(region), 'the message').to.include(fragment);
    if (outcome.action) {
      const next = button(el, outcome.action);
      expect(next, `a "${outcome.action}" button`).to.not.equal(undefined);
    } else {
      expect(button(el, 'Try again'), 'a pointless retry').to.equal(undefined);
    }
    expect(shadow(el, driver.fresh), 'fresh data or a success shown').to.equal(null);
  });
}

/**
 * The catalog's overtaken cell: "Show more" is slow, and the buyer changes the
 * sort while it loads. The new first page shows at once; the old next page,
 * arriving later, belongs to a list that is gone and must not be appended.
 */
async function catalogOvertaken(index: number): Promise<void> {
  // The first two catalog requests (the first page and "Show more") are slow; the rest are not.
  const api = `${market.base}/_fault/latency=${SLOW_MS + index},only=catalog,times=2`;
  const expected = (
    (await (await fetch(`${market.base}/v1/catalog?limit=4&sort=name`)).json()) as {
      items: { name: string }[];
    }
  ).items.map((p) => p.name);
  const names = (el: Element) =>
    [...el.shadowRoot!.querySelectorAll<HTMLElement>('aip-persona-card')].map((c) =>
      textOf(c.shadowRoot?.querySelector('[part="title"]')),
    );
  await cell('aip-catalog', DRIVERS['aip-catalog'].template(PERSONA), api, { retries: 0 }, async ({ el }) => {
    await waitUntil(() => shadow(el, '[part="more"]'), 'the first page', { timeout: 5000 });
    shadow(el, '[part="more"]')!.click();
    await sleep(50);
    const sort = shadow<HTMLSelectElement>(el, 'select')!;
    sort.value = 'name';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => names(el).join() === expected.join(), 'the first page sorted by name', { timeout: 5000 });
    // Watch until well after the held-back "Show more" page arrived (no timing assertion).
    const until = performance.now() + SLOW_MS + 300;
    while (performance.now() < until) {
      expect(names(el), 'the cards').to.deep.equal(expected);
      await frame();
    }
  });
}
