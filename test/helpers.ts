import { waitUntil } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Order, PersonaSummary } from '../src/api/schemas.js';
import { storefrontContext, type StorefrontSettings } from '../src/components/storefront/context.js';

/** Waits until `el`'s shadow root has `selector`, and returns it. */
export async function shadowQuery<T extends Element = Element>(
  el: Element,
  selector: string,
  timeout = 5000,
): Promise<T> {
  await waitUntil(() => el.shadowRoot?.querySelector(selector), `no ${selector} in <${el.localName}>`, { timeout });
  return el.shadowRoot!.querySelector<T>(selector)!;
}

/** Listings straight from the reference marketplace, to compare what elements show with what the API says. */
export async function catalogFromApi(query: string): Promise<PersonaSummary[]> {
  const response = await fetch(`/v1/catalog?${query}`);
  if (!response.ok) throw new Error(`catalog ${query}: ${response.status}`);
  return ((await response.json()) as { items: PersonaSummary[] }).items;
}

// Resource Timing keeps 250 entries by default; a test page's own modules fill
// that, and requests past it would go unseen.
performance.setResourceTimingBufferSize(100_000);

/** Network requests the page made to exactly this path and query. */
export function requestsTo(pathAndQuery: string): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => {
    const url = new URL(e.name);
    return url.pathname + url.search === pathAndQuery;
  });
}

/** Network requests the page made whose URL contains `part`. */
/** `url` moved under a fault switch of its marketplace (`/_fault/<spec>/…`): the same resource, misbehaving. */
export function underFault(url: string, spec: string): string {
  const moved = new URL(url);
  moved.pathname = `/_fault/${spec}${moved.pathname}`;
  return moved.href;
}

export function requestsMatching(part: string): PerformanceResourceTiming[] {
  return (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes(part));
}

/** Records console.warn calls while `fn` runs. */
export async function captureWarnings(fn: () => Promise<unknown> | unknown): Promise<string[]> {
  const original = console.warn;
  const said: string[] = [];
  console.warn = (...args: unknown[]) => said.push(args.map(String).join(' '));
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return said;
}

/** Runs `fn`, and returns what it threw into the page: uncaught errors and unhandled rejections. */
export async function thrownIntoPage(fn: () => Promise<void>): Promise<string[]> {
  const thrown: string[] = [];
  const onError = (e: ErrorEvent) => thrown.push(String(e.error ?? e.message));
  const onRejection = (e: PromiseRejectionEvent) => thrown.push(String(e.reason));
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  try {
    await fn();
    await new Promise((resolve) => setTimeout(resolve)); // rejections are reported a task later
  } finally {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
  }
  return thrown;
}

/** A buyer's details for the checkout form. */
export interface TestBuyer {
  name: string;
  email: string;
}

/** Opens an `<aip-checkout>`'s form and fills it as a buyer would: name, email, the agreement. */
export async function fillCheckout(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  buyer: TestBuyer = { name: 'Robin Example', email: 'robin@example.com' },
): Promise<void> {
  (await shadowQuery<HTMLElement>(el, '[part~="start-button"]', 8000)).click();
  await el.updateComplete;
  for (const [selector, value] of [
    ['#buyer-name', buyer.name],
    ['#buyer-email', buyer.email],
  ]) {
    const input = el.shadowRoot!.querySelector<HTMLInputElement>(selector)!;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }
  el.shadowRoot!.querySelector<HTMLInputElement>('#agree')!.click();
  await el.updateComplete;
}

/** Fills an `<aip-checkout>`'s form, sends it, and returns the order it made. */
export async function placeOrder(
  el: HTMLElement & { updateComplete: Promise<unknown> },
  buyer?: TestBuyer,
): Promise<Order> {
  await fillCheckout(el, buyer);
  el.shadowRoot!.querySelector<HTMLElement>('[part~="submit-button"]')!.click();
  const held = el as unknown as { order: Order | null };
  await waitUntil(() => held.order, 'the checkout made no order', { timeout: 8000 });
  return held.order!;
}

/** Asks a storefront for its settings the way a consumer element does. */
export function settingsOf(el: Element): StorefrontSettings {
  let value: StorefrontSettings | undefined;
  const child = document.createElement('div');
  el.append(child);
  child.dispatchEvent(
    new (class extends Event {
      context = storefrontContext;
      callback = (v: StorefrontSettings) => (value = v);
      subscribe = false;
      constructor() {
        super('context-request', { bubbles: true, composed: true });
      }
    })(),
  );
  child.remove();
  if (!value) throw new Error('no storefront answered');
  return value;
}

/** A node of Chromium's accessibility tree: what a screen reader is told about an element. */
export interface AxNode {
  role: string;
  name: string;
  /** Its states and properties (`invalid`, `required`, `checked`, …) as Chromium gives them. */
  properties: Record<string, unknown>;
}

/** The page's accessibility tree, every node a screen reader is given, flat (the `a11y:tree` command). */
export async function accessibilityTree(): Promise<AxNode[]> {
  return (await executeServerCommand('a11y:tree')) as AxNode[];
}

/** The nodes a screen reader is told are invalid. */
export const invalidNodes = (tree: AxNode[]) =>
  tree.filter((n) => (n.properties.invalid ?? 'false') !== 'false').map((n) => `${n.role} "${n.name}"`);
