import { ContextConsumer, ContextRoot } from '@lit/context';
import { Task } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
import { createSettings, pageLocale, storefrontContext, type StorefrontSettings } from './context.js';

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

/**
 * Gives an element its storefront settings: the ones provided by an enclosing
 * `<aip-storefront>`, or, standing alone, defaults built from its own `api`
 * attribute. An element's own `api` wins over the storefront's.
 */
export class StorefrontController {
  private provided?: StorefrontSettings;
  private standalone?: { api: string | null; base?: StorefrontSettings; settings: StorefrontSettings };

  constructor(private readonly host: Host) {
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
   * The settings in force for this render. Read several times per render by
   * every card, so the standalone settings are built once per (own api,
   * provided settings) pair; the page's locale is read when they are built.
   */
  get value(): StorefrontSettings {
    const { api } = this.host;
    const base = this.provided;
    if (base && api === null) return base;
    if (this.standalone?.api !== api || this.standalone.base !== base) {
      const settings = createSettings({
        api: api ?? '',
        creator: base?.creator ?? null,
        locale: base?.locale ?? pageLocale(this.host),
        currency: base?.currency ?? 'USD',
        maxRating: base?.maxRating ?? 'general',
      });
      this.standalone = { api, base, settings };
    }
    return this.standalone.settings;
  }
}

/**
 * A task that loads the listing `id()` names through the host's storefront
 * client, and reruns when either changes; null while there is no id.
 */
export function personaTask(host: ReactiveControllerHost, store: StorefrontController, id: () => string | null) {
  return new Task(host, {
    task: async ([client, listing], { signal }) => (listing ? client.persona(listing, { signal }) : null),
    args: () => [store.value.client, id()] as const,
  });
}
