import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
// The storefront must be defined before the elements inside it upgrade, so the
// library goes first.
import '../src/index.js';
import '../src/components/custom-order/index.js';
import type { AipCustomOrder } from '../src/components/custom-order/custom-order.js';
import type { Persona } from '../src/api/schemas.js';
import type { AipCustomOrderSubmittedEvent } from '../src/events/index.js';
import {
  accessibilityTree,
  captureWarnings,
  invalidNodes,
  requestsMatching,
  shadowQuery,
  thrownIntoPage,
} from './helpers.js';
import { counts, isolatedMarketplace, type Isolated } from './server/http.js';

const text = (node: Node | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const $ = <T extends Element = HTMLElement>(el: AipCustomOrder, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: AipCustomOrder, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const input = (el: AipCustomOrder, id: string) => $<HTMLInputElement | HTMLTextAreaElement>(el, `#${id}`)!;
/** The message shown for a field's control, through its aria-describedby. */
const messageOf = (el: AipCustomOrder, id: string) => {
  const control = $(el, `#${id}`)!;
  const holder = control.closest('fieldset') ?? control;
  const ids = (holder.getAttribute('aria-describedby') ?? '').split(' ').filter((i) => i.endsWith('-error'));
  return ids.length ? text($(el, `#${ids[0]}`)) : null;
};
/** What the element's live regions (alerts, status messages) hold now: what screen readers are told. */
const said = (el: AipCustomOrder) =>
  $$(el, '[role="alert"], [role="status"], [aria-live]:not([aria-live="off"])').map(text).join(' ');
const focusedId = (el: AipCustomOrder) => (el.shadowRoot!.activeElement as HTMLElement | null)?.id ?? null;

/** A local `YYYY-MM-DD`, `days` from today. */
function day(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
}

async function personaFrom(base: string, id: string): Promise<Persona> {
  const response = await fetch(`${base}/v1/personas/${id}`);
  if (!response.ok) throw new Error(`${id}: ${response.status}`);
  return (await response.json()) as Persona;
}

interface Brief {
  type: string;
  goal: string;
  channel: string;
  count: string;
  formats: string[];
  other: string;
  references: string;
  mustAvoid: string;
  deadline: string;
  budget: string;
  rating: string;
  name: string;
  email: string;
}

const VALID: Brief = {
  type: 'product_in_scene',
  goal: 'Show our new steel water bottle on a sunny morning run.',
  channel: 'Instagram',
  count: '3',
  formats: ['4:5', '9:16'],
  other: '',
  references: 'https://example.com/moodboard\n\nhttps://example.com/bottle',
  mustAvoid: 'Other drink brands',
  deadline: day(21),
  budget: '1,250.50',
  rating: 'general',
  name: 'Ada Lindgren',
  email: 'ada@example.com',
};

/** Types into a field as a user would: sets the value, fires input, leaves it. */
function type(el: AipCustomOrder, id: string, value: string): void {
  const control = input(el, id);
  control.focus();
  control.value = value;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.blur();
}

/** Fills the form with `brief`. */
async function fill(el: AipCustomOrder, brief: Partial<Brief> = VALID): Promise<void> {
  if (brief.type) $<HTMLInputElement>(el, `input[name="type"][value="${brief.type}"]`)!.click();
  if (brief.goal !== undefined) type(el, 'f-goal', brief.goal);
  if (brief.channel !== undefined) type(el, 'f-channel', brief.channel);
  if (brief.count !== undefined) type(el, 'f-deliverableCount', brief.count);
  for (const ratio of brief.formats ?? []) $<HTMLInputElement>(el, `input[type="checkbox"][value="${ratio}"]`)!.click();
  if (brief.other !== undefined) type(el, 'f-other-format', brief.other);
  if (brief.references !== undefined) type(el, 'f-references', brief.references);
  if (brief.mustAvoid !== undefined) type(el, 'f-mustAvoid', brief.mustAvoid);
  if (brief.deadline !== undefined) type(el, 'f-deadline', brief.deadline);
  if (brief.budget !== undefined) type(el, 'f-budget', brief.budget);
  if (brief.rating) $<HTMLInputElement>(el, `input[name="rating"][value="${brief.rating}"]`)!.click();
  if (brief.name !== undefined) type(el, 'f-buyer-name', brief.name);
  if (brief.email !== undefined) type(el, 'f-buyer-email', brief.email);
  await el.updateComplete;
}

/** What the buyer typed, read back from the controls. */
function typed(el: AipCustomOrder) {
  return {
    type: $<HTMLInputElement>(el, 'input[name="type"]:checked')?.value,
    goal: input(el, 'f-goal').value,
    channel: input(el, 'f-channel').value,
    count: input(el, 'f-deliverableCount').value,
    formats: $$<HTMLInputElement>(el, 'input[type="checkbox"]:checked').map((c) => c.value),
    references: input(el, 'f-references').value,
    mustAvoid: input(el, 'f-mustAvoid').value,
    deadline: input(el, 'f-deadline').value,
    budget: input(el, 'f-budget').value,
    name: input(el, 'f-buyer-name').value,
    email: input(el, 'f-buyer-email').value,
  };
}
const typedValid = () => ({
  type: VALID.type,
  goal: VALID.goal,
  channel: VALID.channel,
  count: VALID.count,
  formats: VALID.formats,
  references: VALID.references,
  mustAvoid: VALID.mustAvoid,
  deadline: VALID.deadline,
  budget: VALID.budget,
  name: VALID.name,
  email: VALID.email,
});

const submit = (el: AipCustomOrder) => $<HTMLButtonElement>(el, '[part="submit-button"]')!;
const formShown = (el: AipCustomOrder) => shadowQuery(el, '[part="form"]');

/** A standalone element, waiting for its form (or a status message). */
async function standalone(template: ReturnType<typeof html>): Promise<AipCustomOrder> {
  const el = await fixture<AipCustomOrder>(template);
  await shadowQuery(el, '[part="form"], [part="status"]:not([role="status"])');
  return el;
}

const customOrderPosts = (base: string) => requestsMatching(`${base}/v1/custom-orders`).length;

describe('<aip-custom-order>', () => {
  let iso: Isolated | null = null;
  afterEach(async () => {
    await iso?.dispose();
    iso = null;
  });

  /** An isolated marketplace whose clock runs `offsetDays` ahead of this page's, with rows to count. */
  async function marketplace(offsetDays = 0): Promise<Isolated> {
    iso = await isolatedMarketplace(new Date(Date.now() + offsetDays * 86_400_000).toISOString());
    return iso;
  }

  describe('defaults', () => {
    it('shows a structured brief for the persona, every field labelled', async () => {
      const p = await personaFrom('', 'noor-haddad');
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      expect(text($(el, '[part="title"]'))).to.equal('Request custom work');
      expect(text($(el, '[part="persona"]')))
        .to.contain(p.name)
        .and.contain(p.creator.name);
      const types = $$(el, '[data-field="type"] [part="option"]').map(text);
      expect(types).to.deep.equal([
        'Product in scene',
        'Seasonal campaign',
        'New background or outfit',
        'Vertical video',
        'Social media sequence',
        'Landing-page visual',
        'Other',
      ]);
      expect($$<HTMLInputElement>(el, 'input[type="checkbox"]').map((c) => c.value)).to.deep.equal([
        '1:1',
        '4:5',
        '9:16',
        '16:9',
      ]);
      for (const [id, label] of [
        ['f-goal', 'Goal'],
        ['f-channel', 'Channel'],
        ['f-deliverableCount', 'Number of deliverables'],
        ['f-references', 'Reference links (optional)'],
        ['f-mustAvoid', 'Must avoid (optional)'],
        ['f-deadline', 'Deadline'],
        ['f-budget', 'Budget (US dollars)'],
        ['f-buyer-name', 'Your name'],
        ['f-buyer-email', 'Your email'],
      ]) {
        expect(text($(el, `label[for="${id}"]`)), id).to.equal(label);
      }
      const deadline = input(el, 'f-deadline') as HTMLInputElement;
      expect(deadline.type).to.equal('date');
      expect(deadline.min >= day(0)).to.equal(true);
      expect(input(el, 'f-deliverableCount').value).to.equal('1');
      // What browsers and password managers fill in: the same as the checkout's fields.
      for (const field of ['name', 'email']) {
        const control = input(el, `f-buyer-${field}`);
        expect([control.getAttribute('name'), control.getAttribute('autocomplete')], field).to.deep.equal([
          field,
          field,
        ]);
      }
      // Nothing is flagged before the buyer has done anything.
      expect($(el, '[part~="field-error"]')).to.equal(null);
      expect($(el, '[part="error-summary"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('offers only the general rating for a general-audience persona, chosen by default', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      const ratings = $$<HTMLInputElement>(el, 'input[name="rating"]');
      expect(ratings.map((r) => r.value)).to.deep.equal(['general']);
      expect(ratings[0].checked).to.equal(true);
    });
  });

  describe('attributes', () => {
    it("caps the rating options at the persona's own rating", async () => {
      const root = await fixture(
        html`<aip-storefront max-rating="explicit">
          <aip-custom-order persona="lena-voss"></aip-custom-order>
          <aip-custom-order persona="dante-rivera"></aip-custom-order>
          <aip-custom-order persona="scarlett-vane"></aip-custom-order>
        </aip-storefront>`,
      );
      const [suggestive, erotic, explicit] = [...root.querySelectorAll('aip-custom-order')];
      const options = async (el: AipCustomOrder) => {
        await formShown(el);
        return $$<HTMLInputElement>(el, 'input[name="rating"]').map((r) => r.value);
      };
      expect(await options(suggestive)).to.deep.equal(['general', 'suggestive']);
      expect(await options(erotic)).to.deep.equal(['general', 'suggestive', 'erotic']);
      expect(await options(explicit)).to.deep.equal(['general', 'suggestive', 'erotic', 'explicit']);
      expect(text($(suggestive, '[data-field="rating"] [part="hint"]'))).to.contain('Suggestive (18+)');
      expect($<HTMLInputElement>(explicit, 'input[name="rating"]:checked')!.value).to.equal('general');
      await expect(explicit).to.be.accessible();
    });

    it("says a persona above the storefront's rating limit is not shown, and offers no form", async () => {
      const el = await standalone(html`<aip-custom-order persona="lena-voss"></aip-custom-order>`);
      expect(text($(el, '[part="status"]'))).to.equal('This persona is not shown on this site.');
      expect($(el, '[part="form"]')).to.equal(null);
    });

    it('uses data without requesting the persona', async () => {
      const p = await personaFrom('', 'elio-marchetti');
      const before = requestsMatching('/v1/personas/elio-marchetti').length;
      const el = await standalone(html`<aip-custom-order .data=${p}></aip-custom-order>`);
      expect(text($(el, '[part="persona"]'))).to.contain(p.name);
      expect(requestsMatching('/v1/personas/elio-marchetti').length).to.equal(before);
    });
  });

  describe('validation', () => {
    it('says no field is invalid before the buyer has done anything, the kind of work included', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      await shadowQuery(el, '[part="form"]');
      // What a screen reader is told: a required radio with no choice yet is not "invalid" until a send or a leave.
      const tree = await accessibilityTree();
      expect(tree.find((n) => n.role === 'radio' && n.name === 'Product in scene')).to.not.equal(undefined);
      // Required all the same: the radio group says so.
      const group = tree.find((n) => n.role === 'radiogroup' && n.name.startsWith('Kind of work'));
      expect(group?.properties.required).to.equal(true);
      expect(invalidNodes(tree)).to.deep.equal([]);
    });

    it("takes a budget typed in the storefront's own digits (Egyptian Arabic)", async () => {
      const root = await fixture(
        html`<aip-storefront locale="ar-EG"
          ><aip-custom-order persona="noor-haddad"></aip-custom-order
        ></aip-storefront>`,
      );
      const el = root.querySelector<AipCustomOrder>('aip-custom-order')!;
      await shadowQuery(el, '[part="form"]');
      for (const typedBudget of ['١٬٢٥٠٫٥٠', '٢٥٠', '\u200f٢٥٠٫٥\u200f']) {
        type(el, 'f-budget', typedBudget);
        await el.updateComplete;
        expect(messageOf(el, 'f-budget'), typedBudget).to.equal(null);
      }
      type(el, 'f-budget', '٢٥٠٫٥٠٠');
      await el.updateComplete;
      expect(messageOf(el, 'f-budget'), 'three decimals').to.not.equal(null);
    });

    it('shows each message next to its field when the buyer leaves it', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      type(el, 'f-goal', '   ');
      type(el, 'f-buyer-email', 'ada@');
      type(el, 'f-deadline', day(-1));
      type(el, 'f-references', 'https://example.com/ok\njavascript:alert(1)');
      type(el, 'f-deliverableCount', '0');
      type(el, 'f-budget', '12.345');
      await el.updateComplete;
      expect(messageOf(el, 'f-goal')).to.equal('Error: Describe what the work should achieve.');
      expect(messageOf(el, 'f-buyer-email')).to.equal('Error: Enter an email address such as name@example.com.');
      expect(messageOf(el, 'f-deadline')).to.equal('Error: Choose today or a later date.');
      expect(messageOf(el, 'f-references')).to.equal(
        'Error: Line 2 is not a web address starting with http:// or https://.',
      );
      expect(messageOf(el, 'f-deliverableCount')).to.equal(
        'Error: Enter a whole number of deliverables from 1 to 100.',
      );
      expect(messageOf(el, 'f-budget')).to.equal(
        'Error: Enter the budget as an amount in US dollars, such as 250 or 1,250.50.',
      );
      for (const id of ['f-goal', 'f-buyer-email', 'f-deadline', 'f-references', 'f-deliverableCount', 'f-budget']) {
        expect(input(el, id).getAttribute('aria-invalid'), id).to.equal('true');
      }
      // Fields the buyer hasn't visited say nothing yet.
      expect(messageOf(el, 'f-channel')).to.equal(null);
      expect(input(el, 'f-channel').getAttribute('aria-invalid')).to.equal('false');
      // No summary until the buyer tries to send.
      expect($(el, '[part="error-summary"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('clears a message as soon as the field is fixed', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      type(el, 'f-buyer-email', 'nope');
      await el.updateComplete;
      expect(messageOf(el, 'f-buyer-email')).to.not.equal(null);
      type(el, 'f-buyer-email', 'ada@example.com');
      await el.updateComplete;
      expect(messageOf(el, 'f-buyer-email')).to.equal(null);
      expect(input(el, 'f-buyer-email').getAttribute('aria-invalid')).to.equal('false');
    });

    it('on send: a group in error says so as a group; the other format is tied to the formats message', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      submit(el).click();
      await waitUntil(() => focusedId(el) === 'f-type', 'focus on the first kind of work');
      // A radio button cannot be invalid (ARIA): the radio group is, with the message as its description.
      const group = $(el, 'fieldset[data-field="type"]')!;
      expect(group.getAttribute('role')).to.equal('radiogroup');
      expect(group.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el.shadowRoot!.getElementById(group.getAttribute('aria-describedby')!.split(' ').at(-1)!))).to.equal(
        'Error: Choose the kind of work you need.',
      );
      expect(input(el, 'f-type').hasAttribute('aria-invalid')).to.equal(false);
      // The formats are checkboxes: each is invalid itself, and so is the field for another format.
      expect($(el, 'fieldset[data-field="formats"]')!.hasAttribute('role')).to.equal(false);
      const other = input(el, 'f-other-format');
      expect(other.getAttribute('aria-invalid')).to.equal('true');
      expect(text(el.shadowRoot!.getElementById(other.getAttribute('aria-describedby')!))).to.equal(
        'Error: Choose at least one format, or describe your own.',
      );
      await expect(el).to.be.accessible();
    });

    it('on send: every problem at once, a summary at the top, focus on the first invalid field', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      await fill(el, { channel: 'Instagram', count: '0' });
      submit(el).click();
      await el.updateComplete;
      await waitUntil(() => focusedId(el) === 'f-type', 'focus on the first kind of work');
      const summary = $(el, '[part="error-summary"]')!;
      expect(text(summary.querySelector('h3'))).to.equal('8 fields need attention');
      expect(said(el)).to.contain('8 fields need attention');
      expect([...summary.querySelectorAll('a')].map(text)).to.deep.equal([
        'Choose the kind of work you need.',
        'Describe what the work should achieve.',
        'Enter a whole number of deliverables from 1 to 100.',
        'Choose at least one format, or describe your own.',
        'Choose the date you need the work by.',
        'Enter your budget in US dollars.',
        'Enter your name.',
        'Enter your email address.',
      ]);
      expect(messageOf(el, 'f-type')).to.equal('Error: Choose the kind of work you need.');
      expect(messageOf(el, 'f-formats')).to.equal('Error: Choose at least one format, or describe your own.');
      // A summary link takes the buyer to its field.
      summary.querySelectorAll('a')[5].click();
      expect(focusedId(el)).to.equal('f-budget');
      expect(requestsMatching('/v1/custom-orders')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('announces the problems once per send, not again as the buyer fixes them', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      submit(el).click();
      await waitUntil(() => focusedId(el) === 'f-type', 'focus on the first field that needs attention');
      expect(said(el)).to.contain('8 fields need attention');
      const summary = $(el, '[part="error-summary"]')!;
      await fill(el, { goal: VALID.goal });
      expect(text(summary.querySelector('h3'))).to.equal('7 fields need attention');
      await fill(el, { channel: VALID.channel });
      expect(text(summary.querySelector('h3'))).to.equal('6 fields need attention');
      // The summary follows the fixes on screen, but is no live region: nothing is read out again.
      expect(said(el)).to.not.contain('need attention');
      expect(!!summary.closest('[role="alert"], [role="status"], [aria-live]'), 'summary in a live region').to.equal(
        false,
      );
      // The next send says it again, with the new count.
      submit(el).click();
      await waitUntil(() => focusedId(el) === 'f-type', 'focus on the first field that needs attention');
      expect(said(el)).to.contain('6 fields need attention');
      await expect(el).to.be.accessible();
    });

    it("accepts a format in the buyer's own words instead of a ratio", async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      await fill(el, { ...VALID, formats: [], other: '3:2 print' });
      submit(el).click();
      await el.updateComplete;
      expect(messageOf(el, 'f-formats')).to.equal(null);
    });

    it('refuses more than ten reference links', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      const links = Array.from({ length: 11 }, (_, i) => `https://example.com/${i}`).join('\n');
      type(el, 'f-references', links);
      await el.updateComplete;
      expect(messageOf(el, 'f-references')).to.equal('Error: Add at most 10 links (there are 11).');
    });
  });

  describe('large text on a phone', () => {
    afterEach(async () => {
      document.documentElement.style.removeProperty('font-size');
      await setViewport({ width: 800, height: 600 });
    });

    it('the confirmation keeps every value readable inside the element at 200 % text, 320 px wide', async () => {
      await setViewport({ width: 320, height: 640 });
      document.documentElement.style.fontSize = '200%';
      const { base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      await shadowQuery(el, '[part="confirmation"]');
      const edge = el.getBoundingClientRect().right;
      const values = [...el.shadowRoot!.querySelectorAll('[part="brief-summary"] dd')];
      expect(values.length).to.be.greaterThan(2);
      for (const value of values) {
        const box = value.getBoundingClientRect();
        expect(box.right, value.textContent!).to.be.at.most(Math.ceil(edge));
        expect(box.width, value.textContent!).to.be.greaterThan(100);
      }
    });
  });

  describe('events', () => {
    it('sends a valid brief: the confirmation shows the server id, the event carries it', async () => {
      const { id, base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      const seen: Event[] = [];
      document.addEventListener('aip-custom-order-submitted', (e) => seen.push(e), { once: true });
      setTimeout(() => submit(el).click());
      const event = await oneEvent(el, 'aip-custom-order-submitted');
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      expect(Object.keys(event.detail)).to.deep.equal(['id']);
      expect(event.detail.id).to.match(/^co-[a-z2-7]{8}$/);
      expect(seen).to.have.length(1);
      await shadowQuery(el, '[part="confirmation"]');
      expect(text($(el, '[part="request-number"]'))).to.equal(event.detail.id);
      const summary = text($(el, '[part="brief-summary"]'));
      expect(summary)
        .to.contain('Product in scene')
        .and.contain('3 × 4:5, 9:16')
        .and.contain('$1,250.50')
        .and.contain('General audiences')
        .and.contain('ada@example.com');
      expect(text($(el, '[part="next-steps"]')))
        .to.contain('Custom Materials License')
        .and.contain('private');
      // Focus goes to the confirmation's heading, so screen readers read it.
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
      expect((await counts(id)).custom_orders).to.equal(1);
      await expect(el).to.be.accessible();
    });

    it('takes today as the deadline: no message, and the brief is filed', async () => {
      const { id, base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      // The earliest day the date picker offers: today.
      const today = (input(el, 'f-deadline') as HTMLInputElement).min;
      expect(today).to.match(/^\d{4}-\d{2}-\d{2}$/);
      await fill(el, { ...VALID, deadline: today });
      expect(messageOf(el, 'f-deadline')).to.equal(null);
      expect(input(el, 'f-deadline').getAttribute('aria-invalid')).to.equal('false');
      submit(el).click();
      await shadowQuery(el, '[part="confirmation"]');
      expect((await counts(id)).custom_orders).to.equal(1);
    });

    it('refuses a budget of zero at the field, and sends nothing', async () => {
      const { id, base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el, { ...VALID, budget: '0' });
      expect(messageOf(el, 'f-budget')).to.equal('Error: Enter a budget above zero.');
      submit(el).click();
      await el.updateComplete;
      await waitUntil(() => focusedId(el) === 'f-budget', 'focus on the budget');
      expect(text($(el, '[part="error-summary"]'))).to.contain('Enter a budget above zero.');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(customOrderPosts(base)).to.equal(0);
      expect((await counts(id)).custom_orders).to.equal(0);
    });

    it('sends the budget as integer cents in US dollars', async () => {
      const { base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el, { ...VALID, budget: '$ 19.9' });
      submit(el).click();
      await shadowQuery(el, '[part="confirmation"]');
      expect(text($(el, '[part="brief-summary"]'))).to.contain('$19.90');
    });

    it('a double click sends one request and files one brief', async () => {
      const { id, base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      const button = submit(el);
      button.click();
      button.click();
      await el.updateComplete;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(text(button)).to.equal('Sending brief…');
      expect($(el, '[part="form"]')!.getAttribute('aria-busy')).to.equal('true');
      button.click();
      await shadowQuery(el, '[part="confirmation"]');
      expect(customOrderPosts(base)).to.equal(1);
      expect((await counts(id)).custom_orders).to.equal(1);
    });

    it('"Send another brief" starts an empty brief, keeping the buyer details', async () => {
      const { id, base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      const first = text(await shadowQuery(el, '[part="request-number"]'));
      $<HTMLButtonElement>(el, '[part="new-brief-button"]')!.click();
      await formShown(el);
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('title');
      expect(typed(el)).to.deep.include({ goal: '', formats: [], name: VALID.name, email: VALID.email });
      expect($(el, '[part~="field-error"]')).to.equal(null);
      // The same brief again is a new brief: a new key, a new request number.
      await fill(el, { ...VALID, name: undefined, email: undefined });
      submit(el).click();
      const second = text(await shadowQuery(el, '[part="request-number"]'));
      expect(second).to.not.equal(first);
      expect((await counts(id)).custom_orders).to.equal(2);
    });
  });

  describe('another persona', () => {
    it('confirms the brief for the persona it was sent for, when the host shows another one meanwhile', async () => {
      const { base } = await marketplace();
      const api = `${base}/_fault/latency=1500,only=custom-orders`;
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${api}></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      await el.updateComplete;
      el.persona = 'hana-sato';
      await shadowQuery(el, '[part="confirmation"]');
      const confirmation = text($(el, '[part="confirmation"]'));
      expect(confirmation).to.contain('Noor Haddad');
      expect(confirmation).to.not.contain('Hana Sato');
    });

    it('after a brief is sent, another persona gets its own empty form, keeping the buyer details', async () => {
      const { base } = await marketplace();
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      await shadowQuery(el, '[part="confirmation"]');
      el.persona = 'hana-sato';
      await formShown(el);
      await waitUntil(() => text($(el, '[part="persona"]')).includes('Hana Sato'), 'the form for the new persona');
      expect($(el, '[part="confirmation"]') === null).to.equal(true);
      expect(typed(el)).to.deep.include({ goal: '', formats: [], name: VALID.name, email: VALID.email });
    });
  });

  describe('keyboard', () => {
    it('Tab walks every control in order and reaches the send button; Enter sends', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      $<HTMLInputElement>(el, 'input[name="type"]')!.focus();
      const visited: string[] = [];
      for (let i = 0; i < 30; i++) {
        const active = el.shadowRoot!.activeElement as HTMLElement;
        const name = active.id || active.getAttribute('part') || active.localName;
        // A date input takes a Tab per segment (month, day, year): count it once.
        if (!(active.id && visited.at(-1) === name)) visited.push(name);
        if (active === submit(el)) break;
        await sendKeys({ press: 'Tab' });
      }
      expect(visited).to.deep.equal(
        [
          'f-type',
          'f-goal',
          'f-channel',
          'f-deliverableCount',
          'f-formats',
          '',
          '',
          '',
          'f-other-format',
          'f-references',
          'f-mustAvoid',
          'f-deadline',
          'f-budget',
          'f-rating',
          'f-buyer-name',
          'f-buyer-email',
          'submit-button',
        ].map((v) => v || 'input'),
      );
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => focusedId(el) === 'f-type', 'Enter sent the form and focus went to the first problem');
    });

    it('tabbing through the empty brief flags nothing; a field the buyer changed is checked when left', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      $<HTMLInputElement>(el, 'input[name="type"]')!.focus();
      for (let i = 0; i < 30 && el.shadowRoot!.activeElement !== submit(el); i++) await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(submit(el));
      await el.updateComplete;
      expect($$(el, '[part~="field-error"]').map(text)).to.deep.equal([]);
      expect($$(el, '[aria-invalid="true"]').map((c) => c.id || c.getAttribute('name'))).to.deep.equal([]);
      // Typing into a field and leaving it checks that field, and only that one.
      input(el, 'f-goal').focus();
      await sendKeys({ type: ' ' });
      await sendKeys({ press: 'Tab' });
      await el.updateComplete;
      expect(messageOf(el, 'f-goal')).to.equal('Error: Describe what the work should achieve.');
      expect(messageOf(el, 'f-channel')).to.equal(null);
      await sendKeys({ press: 'Tab' }); // leaves Channel, unchanged
      await el.updateComplete;
      expect(messageOf(el, 'f-channel')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('arrow keys choose the kind of work', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad"></aip-custom-order>`);
      $<HTMLInputElement>(el, 'input[name="type"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect($<HTMLInputElement>(el, 'input[name="type"]:checked')!.value).to.equal('seasonal_campaign');
    });
  });

  describe('states', () => {
    it('shows a busy placeholder while the persona loads', async () => {
      const el = await fixture<AipCustomOrder>(
        html`<aip-custom-order persona="noor-haddad" api="/_fault/latency=3000"></aip-custom-order>`,
      );
      expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(text($(el, '[role="status"]'))).to.equal('Loading the custom-order form…');
      expect($(el, '[part="form"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('says when the persona could not be loaded, and tries again', async () => {
      const el = await standalone(
        html`<aip-custom-order persona="noor-haddad" api="/_fault/status=503"></aip-custom-order>`,
      );
      expect(text($(el, '[part="status"]'))).to.contain('could not be loaded');
      el.api = null;
      await el.updateComplete;
      await formShown(el);
    });

    it('says when the persona is gone', async () => {
      for (const id of ['no-such-persona', 'aria-bellweather']) {
        const el = await standalone(html`<aip-custom-order persona=${id}></aip-custom-order>`);
        expect(text($(el, '[part="status"]'))).to.equal(
          'This persona is not listed on the marketplace, so custom work for it cannot be requested.',
        );
        expect($(el, '[part="status"] button')).to.equal(null);
      }
    });

    it('maps a 400 from the server onto its field, keeping everything typed', async () => {
      // The marketplace's clock is 30 days ahead: a deadline the page accepts is past for the server.
      const { id, base } = await marketplace(30);
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${base}></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      await waitUntil(() => focusedId(el) === 'f-deadline', 'focus on the field the server refused');
      expect(messageOf(el, 'f-deadline')).to.match(/^Error: Deadline must not be in the past/);
      expect(input(el, 'f-deadline').getAttribute('aria-invalid')).to.equal('true');
      expect(text($(el, '[part="error-summary"] a'))).to.match(/^Deadline must not be in the past/);
      expect(said(el)).to.contain('One field needs attention');
      expect(typed(el)).to.deep.equal(typedValid());
      expect((await counts(id)).custom_orders).to.equal(0);
      await expect(el).to.be.accessible();
      // Editing the field clears the server's message.
      type(el, 'f-deadline', day(60));
      await el.updateComplete;
      expect(messageOf(el, 'f-deadline')).to.equal(null);
    });

    /**
     * Records the Idempotency-Key of every brief the page sends while `fn`
     * runs. It only observes: each request still goes to the real marketplace.
     * (The client takes `fetch` when it is made, so the element must be made inside `fn`.)
     */
    async function recordingKeys(fn: (keys: (string | null)[]) => Promise<void>): Promise<void> {
      const keys: (string | null)[] = [];
      const original = window.fetch;
      window.fetch = (resource, init) => {
        if (String(resource).includes('/v1/custom-orders')) {
          keys.push(new Headers(init?.headers).get('Idempotency-Key'));
        }
        return original(resource, init);
      };
      try {
        await fn(keys);
      } finally {
        window.fetch = original;
      }
    }

    /** Waits for the outcome of the send just started: the next alert, or the confirmation. */
    async function settled(el: AipCustomOrder): Promise<void> {
      await el.updateComplete;
      await shadowQuery(el, '[part="alert"], [part="confirmation"]');
    }

    it('retries a failed send with the same key, and the brief is filed once', async () => {
      const { id, base } = await marketplace();
      await recordingKeys(async (keys) => {
        // The marketplace answers the first brief it gets with a 503, then recovers.
        const api = `${base}/_fault/status=503,only=custom-orders,times=1`;
        const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${api}></aip-custom-order>`);
        await fill(el);
        submit(el).click();
        await settled(el);
        const alert = $(el, '[part="alert"]')!;
        expect(text(alert)).to.contain('may not have been filed').and.contain('filed only once');
        await waitUntil(() => el.shadowRoot!.activeElement === alert, 'focus on the alert');
        expect(typed(el)).to.deep.equal(typedValid());
        await expect(el).to.be.accessible();

        $<HTMLButtonElement>(el, '[part="retry-button"]')!.focus();
        $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
        await el.updateComplete;
        // "Try again" goes while the brief is sent: focus is on the button that says so, not lost to the page.
        expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('submit-button');
        await settled(el);
        expect(text($(el, '[part="request-number"]'))).to.match(/^co-/);
        expect(keys).to.have.length(2);
        expect(keys[0]).to.be.a('string').and.have.length.greaterThan(15);
        expect(keys[1]).to.equal(keys[0]);
        expect((await counts(id)).custom_orders).to.equal(1);
      });
    });

    it('sends a brief edited after a failed send with the same key, and files it once', async () => {
      const { id, base } = await marketplace();
      await recordingKeys(async (keys) => {
        const api = `${base}/_fault/status=503,only=custom-orders,times=2`;
        const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${api}></aip-custom-order>`);
        await fill(el);
        submit(el).click();
        await settled(el);
        type(el, 'f-goal', `${VALID.goal} At sunrise.`);
        await el.updateComplete;
        submit(el).click();
        await settled(el);
        $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
        await settled(el);
        expect($(el, '[part="confirmation"]')).to.not.equal(null);
        // The first send never arrived: the key was free, and the edited brief was filed with it.
        expect(keys).to.have.length(3);
        expect(new Set(keys).size).to.equal(1);
        expect((await counts(id)).custom_orders).to.equal(1);
      });
    });

    it('confirms a brief filed before the buyer changed it, with its number, and keeps the changes for the next', async () => {
      const { id, base } = await marketplace();
      const submitted: string[] = [];
      const heard = (e: AipCustomOrderSubmittedEvent) => submitted.push(e.detail.id);
      document.addEventListener('aip-custom-order-submitted', heard);
      await recordingKeys(async (keys) => {
        // The first brief is filed, and its answer lost on the way back.
        const api = `${base}/_fault/fail=lost,only=custom-orders,times=1`;
        const el = await standalone(html`<aip-custom-order persona="noor-haddad" api=${api}></aip-custom-order>`);
        await fill(el);
        submit(el).click();
        await settled(el);
        expect(text($(el, '[part="alert"]')))
          .to.contain('may not have been filed')
          .and.contain('filed only once');
        const changed = `${VALID.goal} At sunrise.`;
        type(el, 'f-goal', changed);
        await el.updateComplete;
        $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
        // The marketplace refuses the key for the changed brief; the brief it filed is asked for again.
        const number = await shadowQuery(el, '[part="request-number"]', 8000);
        expect(text(number)).to.match(/^co-/);
        expect(submitted).to.deep.equal([text(number)]);
        expect(text($(el, '[part="changes"]'))).to.contain('as you first sent it');
        expect(keys).to.have.length(3);
        expect(new Set(keys).size, 'one key').to.equal(1);
        expect((await counts(id)).custom_orders, 'one brief').to.equal(1);
        await expect(el).to.be.accessible();
        // The next brief starts from the changed one.
        $<HTMLButtonElement>(el, '[part="new-brief-button"]')!.click();
        await formShown(el);
        expect(input(el, 'f-goal').value).to.equal(changed);
      }).finally(() => document.removeEventListener('aip-custom-order-submitted', heard));
    });

    it('says when the marketplace cannot be reached, and keeps the brief', async () => {
      const p = await personaFrom('', 'noor-haddad');
      // Chromium refuses port 9 outright, so the request fails as a dropped connection would, on any machine.
      const el = await standalone(html`<aip-custom-order .data=${p} api="http://127.0.0.1:9"></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      const alert = await shadowQuery(el, '[part="alert"]', 8000);
      expect(text(alert)).to.contain('No answer came from the marketplace, so the brief may not have been filed.');
      expect($(el, '[part="retry-button"]')).to.not.equal(null);
      expect(typed(el)).to.deep.equal(typedValid());
    });

    it('asks the buyer to wait when rate limited (429 with Retry-After)', async () => {
      const el = await standalone(
        html`<aip-custom-order
          persona="noor-haddad"
          api="/_fault/status=429,retry-after=30,only=custom-orders"
        ></aip-custom-order>`,
      );
      await fill(el);
      submit(el).click();
      const alert = await shadowQuery(el, '[part="alert"]');
      expect(text(alert)).to.match(/busy\. Try again in 30 s\./);
      // Said once: the alert is not a countdown a screen reader would read out every second.
      await new Promise((done) => setTimeout(done, 1200));
      expect(text(alert)).to.match(/busy\. Try again in 30 s\./);
      expect($(el, '[part="retry-button"]')!.getAttribute('aria-disabled')).to.equal('true');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      const before = requestsMatching('/_fault/status=429,retry-after=30,only=custom-orders/v1/custom-orders').length;
      $<HTMLButtonElement>(el, '[part="retry-button"]')!.click();
      submit(el).click();
      await el.updateComplete;
      expect(requestsMatching('/_fault/status=429,retry-after=30,only=custom-orders/v1/custom-orders').length).to.equal(
        before,
      );
    });

    it('says when the persona was withdrawn while the buyer wrote (404 on send)', async () => {
      const p = await personaFrom('', 'noor-haddad');
      const el = await standalone(html`<aip-custom-order .data=${p} api="/_fault/status=404"></aip-custom-order>`);
      await fill(el);
      submit(el).click();
      const alert = await shadowQuery(el, '[part="alert"]');
      expect(text(alert)).to.contain(`${p.name} is no longer listed`);
      expect($(el, '[part="retry-button"]')).to.equal(null);
      expect(typed(el)).to.deep.equal(typedValid());
    });

    it('renders persona strings as text', async () => {
      const p = await personaFrom('', 'noor-haddad');
      const data = { ...p, name: '<img src=x onerror=alert(1)>Noor' };
      const el = await standalone(html`<aip-custom-order .data=${data}></aip-custom-order>`);
      expect(text($(el, '[part="persona"]'))).to.contain('<img src=x onerror=alert(1)>Noor');
      expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    });
  });

  describe('warnings', () => {
    it('heads the brief at the level given, and warns once about one it cannot use', async () => {
      const el = await standalone(html`<aip-custom-order persona="noor-haddad" heading-level="4"></aip-custom-order>`);
      await formShown(el);
      const levels = () => [
        $(el, '[part="title"]')!.localName,
        ...new Set([...el.shadowRoot!.querySelectorAll('section > .sub')].map((h) => h.localName)),
      ];
      expect(levels()).to.deep.equal(['h4', 'h5']);
      const warnings = await captureWarnings(async () => {
        el.setAttribute('heading-level', '6');
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(warnings).to.deep.equal(['<aip-custom-order>: heading-level="6" is not 1, 2, 3, 4 or 5; using 2.']);
      expect(levels()).to.deep.equal(['h2', 'h3']);
    });

    it('refuses data that is not a persona: says what is wrong, shows an error, throws nothing', async () => {
      let warnings: string[] = [];
      const thrown = await thrownIntoPage(async () => {
        warnings = await captureWarnings(async () => {
          const el = await fixture<AipCustomOrder>(html`<aip-custom-order .data=${{} as Persona}></aip-custom-order>`);
          await waitUntil(
            () => text($(el, '[role="alert"]')) === 'The custom-order form could not be loaded.',
            'the error state',
          );
          expect($(el, '[part="base"]')!.getAttribute('aria-busy')).to.equal('false');
          expect(!!$(el, '[part="form"]'), 'a form').to.equal(false);
          await expect(el).to.be.accessible();
        });
      });
      expect(thrown).to.deep.equal([]);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/^<aip-custom-order>: data is not a persona \(id: .+\)/);
    });

    it('warns about a persona property that is not a string, throws nothing, and loads the next one', async () => {
      let warnings: string[] = [];
      const thrown = await thrownIntoPage(async () => {
        warnings = await captureWarnings(async () => {
          const el = await fixture<AipCustomOrder>(html`<aip-custom-order></aip-custom-order>`);
          el.persona = 42 as unknown as string;
          await el.updateComplete;
          el.persona = 'noor-haddad';
          await formShown(el);
        });
      });
      expect(thrown).to.deep.equal([]);
      expect(warnings).to.deep.equal(['<aip-custom-order>: persona="42" is not a listing id.']);
    });

    it('warns once about a persona attribute that is not an id', async () => {
      const said = await captureWarnings(async () => {
        const el = await standalone(html`<aip-custom-order persona="Not An Id"></aip-custom-order>`);
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(said.filter((s) => s.includes('persona="Not An Id"'))).to.have.length(1);
    });
  });
});
