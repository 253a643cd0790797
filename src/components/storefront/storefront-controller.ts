import { ContextConsumer, ContextRoot } from '@lit/context';
import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AipClient, ListingChangeEvent } from '../../api/client.js';
import { listenersOf } from '../../internal/fan-out.js';
import { LanguageController } from '../../internal/i18n.js';
import {
  apiBase,
  createSettings,
  pageLocale,
  standaloneSettings,
  storefrontContext,
  type StorefrontSettings,
} from './context.js';

type Host = ReactiveControllerHost & HTMLElement & { api: string | null };

// Elements can be defined before <aip-storefront> is (per-element imports in
// any order, lazily loaded chunks); their requests for its settings would go
// unanswered. One ContextRoot per page holds them and replays them to a
// storefront when it upgrades.
const ROOT_KEY = Symbol.for('aip-storefront.context-root');
const page = globalThis as { [ROOT_KEY]?: ContextRoot };
if (!page[ROOT_KEY] && typeof document !== 'undefined') {
  page[ROOT_KEY] = new ContextRoot();
  page[ROOT_KEY].attach(document.documentElement);
}

// Elements inside an <aip-storefront> that isn't defined yet wait for it, until
// 3 s after the page's document has been parsed; then they use their own defaults.
let storefrontArrival: Promise<void> | undefined;

/** Settles when `<aip-storefront>` is defined or is given up on (then says so once); shared by the whole page. */
function arrivalOfStorefront(): Promise<void> {
  return (storefrontArrival ??= Promise.race([
    customElements.whenDefined('aip-storefront'),
    new Promise<void>((resolve) => {
      const giveUp = () =>
        setTimeout(() => {
          if (!customElements.get('aip-storefront')) {
            console.warn('aip-storefront: <aip-storefront> was never defined; import aip-storefront/storefront.');
          }
          resolve();
        }, 3000);
      // Module scripts, however late in the page, have all run by DOMContentLoaded.
      if (document.readyState === 'loading') addEventListener('DOMContentLoaded', giveUp, { once: true });
      else giveUp();
    }),
  ]).then(() => {}));
}

/** Whether `el` is inside an `<aip-storefront>`, across shadow roots (a host component rendering ours). */
function inStorefront(el: Element): boolean {
  for (let node: Element | null = el; node; node = (node.getRootNode() as ShadowRoot).host ?? null) {
    if (node.closest('aip-storefront')) return true;
  }
  return false;
}

/**
 * Gives an element its storefront settings: the ones provided by an enclosing
 * `<aip-storefront>`, or, standing alone, defaults built from its own `api`
 * attribute. An element's own `api` wins over the storefront's.
 */
export class StorefrontController implements ReactiveController {
  private provided?: StorefrontSettings;
  private standalone?: { api: string | null; base?: StorefrontSettings; settings: StorefrontSettings };
  private watched: AipClient | null = null;

  /**
   * `onListingChange` is called when a listing changed on the server (a sale
   * on this page completed); by default the host just renders again, which
   * reruns tasks whose arguments include `client.revision(id)`. While
   * `wantsNews` answers false (a card showing the host's own object), the host
   * isn't told.
   */
  constructor(
    private readonly host: Host,
    private readonly onListingChange: (personaId: string) => void = () => host.requestUpdate(),
    private readonly wantsNews: () => boolean = () => true,
  ) {
    host.addController(this);
    // A catalogue arrived or a `lang` changed: standing alone, the page's locale is read again; either way, render.
    new LanguageController(host, () => {
      this.standalone = undefined;
      host.requestUpdate();
    });
    new ContextConsumer(host, {
      context: storefrontContext,
      subscribe: true,
      callback: (settings) => {
        this.provided = settings;
        host.requestUpdate();
      },
    });
  }

  /**
   * Makes a task's request: at once, or, inside an `<aip-storefront>` whose
   * script hasn't run yet (its module tag comes after this element's), once
   * the storefront is defined and the host has rendered with its settings, or
   * once waiting is pointless. Made now, the request would use the wrong
   * marketplace, creator, rating or language and be thrown away. Rejects with
   * the signal's reason if the task was superseded meanwhile. With nothing to
   * wait for, `request` runs in this very call (callers rely on that: no
   * microtask before the request starts).
   */
  send<T>(signal: AbortSignal, request: () => Promise<T>): Promise<T> {
    if (this.provided || customElements.get('aip-storefront') || !inStorefront(this.host)) return request();
    const movedOut = new Promise<void>((resolve) => (this.movedOut = resolve));
    return Promise.race([arrivalOfStorefront(), movedOut]).then(async () => {
      this.movedOut = undefined;
      // The storefront's settings reach the host with its upgrade; the update they ask for reruns the task.
      await this.host.updateComplete;
      signal.throwIfAborted();
      return request();
    });
  }

  private readonly listingChange = (event: ListingChangeEvent) => this.onListingChange(event.personaId);

  /** The locale the host last rendered in (see `localeChanged`). */
  private renderedIn: string | null = null;

  /**
   * Whether the storefront's locale changed since the host last asked, as it
   * may at run time. Hosts clear what they said in a live region then: it
   * was said in the other language, and saying it again would only repeat it.
   */
  localeChanged(): boolean {
    const { locale } = this.value;
    const changed = this.renderedIn !== null && this.renderedIn !== locale;
    this.renderedIn = locale;
    return changed;
  }

  private watch(client: AipClient | null): void {
    if (client === this.watched) return;
    // One listener per client passes a change on to the elements watching it.
    if (this.watched) listenersOf<ListingChangeEvent>(this.watched, 'listing-change').delete(this.listingChange);
    if (client) listenersOf<ListingChangeEvent>(client, 'listing-change').add(this.listingChange);
    this.watched = client;
  }

  /** Ends a wait in `send` early: the host was taken out of the storefront it was waiting for. */
  private movedOut?: () => void;

  hostConnected(): void {
    // Wherever it is now, the element is told its storefront's settings again (the context request that follows
    // this): standing alone, it takes its own defaults.
    this.provided = undefined;
    if (this.movedOut && !inStorefront(this.host)) this.movedOut();
    // Render in the settings in force where the element is now (hostUpdate watches their client): a storefront
    // around it answers its context request at once; standing alone, its own defaults apply.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // Lit still runs an update that was pending when the element left the page; watching then would hang the
    // removed element (and its shadow tree) on the page-long client for good, and keep it fetching on every sale.
    if (this.host.isConnected) this.watch(this.wantsNews() ? this.value.client : null);
  }

  hostDisconnected(): void {
    this.watch(null);
    // The settings stay while it is out of the page: an answer landing then renders in them, and asks for
    // nothing of a marketplace the page never named (standing-alone defaults would be the page's own origin).
  }

  /**
   * The settings in force for this render. Read several times per render by
   * every card, so the standalone settings are built once per (own api,
   * provided settings) pair; the page's locale is read when they are built.
   */
  get value(): StorefrontSettings {
    // Undefined (a framework's unset prop) is no api of its own, as null is.
    const api = this.host.api ?? null;
    const base = this.provided;
    if (base && api === null) return base;
    if (this.standalone?.api !== api || this.standalone.base !== base) {
      const settings = base
        ? createSettings({
            api: apiBase(api, this.host),
            creator: base.creator,
            locale: base.locale,
            messages: base.messages,
            currency: base.currency,
            maxRating: base.maxRating,
            // An element's own api keeps the storefront's timeout and retries.
            timeoutMs: base.client.timeoutMs,
            retries: base.client.retries,
          })
        : standaloneSettings(apiBase(api, this.host), pageLocale(this.host));
      this.standalone = { api, base, settings };
    }
    return this.standalone.settings;
  }
}

/**
 * A task that loads the listing `id()` names through the host's storefront
 * client, and reruns when either changes or the listing changed on the server;
 * null while there is no id.
 */
export function personaTask(host: ReactiveControllerHost, store: StorefrontController, id: () => string | null) {
  return new Task(host, {
    task: async ([client, listing], { signal }) => {
      if (!listing) return null;
      return store.send(signal, () => client.persona(listing, { signal }));
    },
    // The revision reloads the listing when a sale on this page changed it.
    args: () => {
      const { client } = store.value;
      const listing = id();
      return [client, listing, client.revision(listing)] as const;
    },
  });
}
