import { ContextConsumer } from '@lit/context';
import type { ReactiveControllerHost } from 'lit';
import { createSettings, pageLocale, storefrontContext, type StorefrontSettings } from './context.js';

type Host = ReactiveControllerHost & HTMLElement & { api: string | null };

/**
 * Gives an element its storefront settings: the ones provided by an enclosing
 * `<aip-storefront>`, or, standing alone, defaults built from its own `api`
 * attribute. An element's own `api` wins over the storefront's.
 */
export class StorefrontController {
  private provided?: StorefrontSettings;
  private standalone?: { key: string; settings: StorefrontSettings };

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

  /** The settings in force for this render. */
  get value(): StorefrontSettings {
    const { api } = this.host;
    if (this.provided && api === null) return this.provided;
    const base = this.provided;
    const init = {
      api: api ?? '',
      creator: base?.creator ?? null,
      locale: base?.locale ?? pageLocale(this.host),
      currency: base?.currency ?? 'USD',
      maxRating: base?.maxRating ?? 'general',
    } as const;
    const key = JSON.stringify(init);
    if (this.standalone?.key !== key) this.standalone = { key, settings: createSettings(init) };
    return this.standalone.settings;
  }
}
