import { Task } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ApiError, toApiError } from '../../api/errors.js';
import { computeTierPrices } from '../../api/pricing.js';
import {
  LICENSES,
  PersonaSchema,
  checkContract,
  isOneOf,
  type License,
  type Offer,
  type Persona,
  type PricingPolicy,
} from '../../api/schemas.js';
import { AipLicenseChangeEvent } from '../../events/license-change.js';
import { AipElement } from '../../internal/aip-element.js';
import { loadFailureView } from '../../internal/failure-view.js';
import { showModal } from '../../internal/modal.js';
import { dialogStyles } from '../../styles/dialog.js';
import {
  LICENSE_COMPARISON,
  choosable,
  licenseInfo,
  licenseTitle,
  reasonText,
  tailText,
  termText,
} from '../../internal/licenses.js';
import core from '../../locales/en/core.js';
import licenses from '../../locales/en/licenses.js';
import { StorefrontController } from '../storefront/storefront-controller.js';
import { styles } from './license-picker.styles.js';

interface Loaded {
  persona: Persona;
  /** The platform's policy, or why it could not be loaded: it only cross-checks the server's prices. */
  policy: PricingPolicy | ApiError;
}

const messages = { ...core, ...licenses };

/** The host's `data` is not a persona: an error state, never an exception into the page. */
class InvalidDataError extends Error {}

/** Which listing a picker is for: its `data`'s id when it has data, else its `persona`. */
function listingOf(persona: unknown, data: unknown): unknown {
  return (data as { id?: unknown } | null | undefined)?.id ?? persona;
}

/**
 * The license tiers of one persona as radio cards: Commercial, Exclusive and
 * Ownership / Assignment, each with its price computed from the persona's
 * Commercial price and the platform's published pricing policy, its term,
 * exclusivity, the rights that matter most and a link to its agreement.
 * Tiers that can't be bought stay visible, disabled, with the reason. The
 * exception is Ownership while an Exclusive is in force: it says that only the
 * Exclusive's holder may buy it and can be chosen, since the holder may be the
 * one looking (the checkout has the marketplace check their email).
 * The prices shown are always the server's, which are what is charged: the
 * policy only cross-checks them, so if it can't be loaded the tiers still
 * show and the console says so.
 *
 * It is a form control: inside a `<form>` it submits `name=value`, supports
 * `required`, and takes part in reset and restore.
 *
 * @summary Choose a license tier, with computed prices.
 * @tag aip-license-picker
 *
 * @fires {Event} input - The buyer chose a tier (user action only).
 * @fires {Event} change - The buyer chose a tier (user action only).
 * @fires {AipLicenseChangeEvent} aip-license-change - The buyer chose a tier; `detail` has `license` and `price`.
 *
 * @csspart base - The fieldset around everything.
 * @csspart legend - The group's label.
 * @csspart tiers - The row of tier cards.
 * @csspart tier - Each tier card (also `tier-selected`, `tier-disabled`).
 * @csspart price - A tier's price.
 * @csspart reason - Why a tier is not available.
 * @csspart tail - The Exclusive card's disclosure of Commercial licenses still running.
 * @csspart agreement - A tier's agreement link.
 * @csspart compare-button - The "Compare licenses" button.
 * @csspart dialog - The comparison dialog.
 *
 * @cssprop --aip-license-picker-card-min-width - Narrowest a tier card gets before they stack; 200px.
 * @cssprop --aip-license-picker-selected-color - Border and radio colour of the chosen tier; the accent by default.
 */
export class AipLicensePicker extends AipElement {
  static override styles = [...AipElement.styles, dialogStyles, styles];
  static formAssociated = true;

  private readonly internals = this.attachInternals();
  private readonly store = new StorefrontController(this);

  private readonly loader = new Task(this, {
    task: async ([client, id, data], { signal }): Promise<Loaded | null> => {
      const given = data === null || data === undefined ? null : this.checkData(data);
      // The offers carry the server's prices, which are what is charged; the
      // policy only cross-checks them, so without it the tiers still show.
      const policy = this.store
        .send(signal, () => client.pricingPolicy({ signal }))
        .catch((error: unknown) => {
          if (signal.aborted) throw error;
          return toApiError(error);
        });
      if (given) return { persona: given, policy: await policy };
      if (!id) return null;
      const persona = this.store.send(signal, () => client.persona(id, { signal }));
      const [listing, p] = await Promise.all([persona, policy]);
      return { persona: listing, policy: p };
    },
    args: () => {
      const { client } = this.store.value;
      const id = this.personaId();
      // The revision reloads the tiers when a sale on this page changed them.
      return [client, id, this.data, client.revision(id)] as const;
    },
  });

  @query('dialog') private dialog!: HTMLDialogElement | null;

  /** Offers with the prices to show, derived when the persona or policy changes. */
  @state() private offers: Offer[] = [];
  @state() private announcement = '';
  @state() private touched = false;

  /** Id of the persona whose tiers to show. */
  @property() persona: string | null = null;

  /** The persona itself, when the host already has it (the policy is still loaded); checked like an API response. */
  @property({ attribute: false }) data: Persona | null = null;

  /** The chosen tier: `commercial`, `exclusive`, `ownership`, or empty for none. */
  @property() value: License | '' = '';

  /**
   * Name under which the value is submitted with a form. Reflected, because a
   * form reads a control's name from its attribute: the default is written to it.
   */
  @property({ reflect: true }) name = 'license';

  /** A tier must be chosen before the form submits. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** No tier can be chosen. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  /** Accessible label of the group; "Choose a license" in the storefront's language by default. */
  @property() label: string | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  private defaultValue: License | '' = '';
  private loadedFor: Loaded | null = null;
  /** Tiers shown for sale so far, as `persona:license`: one of these going away is a sale, not a host's mistake. */
  private readonly offered = new Set<string>();

  constructor() {
    super();
    this.addEventListener('invalid', this.onInvalid);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // What a form reset goes back to: the value the picker started with, not the one it had when last moved.
    if (!this.hasUpdated) this.defaultValue = this.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.store.localeChanged()) this.announcement = '';
    // The host shows another persona: a tier chosen for the last one is not chosen for it (unless the host sets
    // one with it). A first persona, given after a value, keeps that value.
    if (this.hasUpdated && (changed.has('persona') || changed.has('data')) && !changed.has('value')) {
      const before = listingOf(
        changed.has('persona') ? changed.get('persona') : this.persona,
        changed.has('data') ? changed.get('data') : this.data,
      );
      if (before !== null && before !== undefined && before !== listingOf(this.persona, this.data)) {
        this.value = '';
        this.touched = false;
      }
    }
    const loaded = this.loader.value ?? null;
    if (loaded !== this.loadedFor) {
      this.loadedFor = loaded;
      this.offers = loaded ? this.priceOffers(loaded) : [];
    }
    if (changed.has('value') && this.value && !isOneOf(LICENSES, this.value)) {
      this.warnOnce('value', `value="${this.value}" is not a license tier; nothing is selected.`);
      this.value = '';
    }
    const offer = this.offers.find((o) => o.license === this.value);
    const persona = this.loadedFor?.persona.id;
    if (this.value && offer && !choosable(offer)) {
      // A tier sold while it was shown is the listing changing under the
      // buyer, which the tier's reason shows; only a value that never named a
      // tier for sale (the host's `value`) is worth a warning.
      if (!this.offered.has(`${persona}:${this.value}`)) {
        this.warnOnce(`unavailable-${this.value}`, `the ${this.value} tier is not available; nothing is selected.`);
      } else {
        // Not the buyer's omission: no "choose a tier" error for a tier that just sold (often to them).
        this.touched = false;
      }
      this.value = '';
    }
    for (const o of this.offers) if (choosable(o)) this.offered.add(`${persona}:${o.license}`);
    this.syncForm();
  }

  /** The `persona` property as a listing id, or null (with a warning when it is not one, of any type). */
  private personaId(): string | null {
    return this.validSlug('persona', this.persona, 'is not a listing id.');
  }

  /**
   * The host's `data`, checked against the contract like every response from
   * the marketplace: its prices and agreement links reach the buyer.
   */
  private checkData(data: unknown): Persona {
    const checked = checkContract(PersonaSchema, data, 'data');
    if (checked.ok) return checked.output;
    const { problem } = checked;
    this.warnOnce(`data ${problem}`, `data is not a persona (${problem}); no license options are shown.`);
    throw new InvalidDataError(problem);
  }

  /**
   * The tier prices the buyer sees. Computed with the platform's pricing
   * function from the policy; the server's offers are the authority, so a
   * difference (a stale policy somewhere) shows the server's price and warns,
   * and so does a policy that could not be loaded or used.
   */
  private priceOffers({ persona, policy }: Loaded): Offer[] {
    let computed: Record<License, number> | null = null;
    if (policy instanceof ApiError) {
      this.warnOnce(
        'policy',
        `the pricing policy could not be loaded (${policy.message}); showing the server's prices unchecked.`,
      );
    } else {
      try {
        computed = computeTierPrices(policy, persona.commercialPrice.amount);
      } catch (error) {
        this.warnOnce(
          'policy',
          `tier prices could not be computed (${(error as Error).message}); showing the server's.`,
        );
      }
    }
    return LICENSES.flatMap((license) => {
      const offer = persona.offers.find((o) => o.license === license);
      if (!offer) return [];
      if (computed && computed[license] !== offer.price.amount) {
        this.warnOnce(
          `price-${license}`,
          `the computed ${license} price (${computed[license]}) differs from the server's offer ` +
            `(${offer.price.amount}) for ${persona.id}; showing the server's. Is a pricing policy stale?`,
        );
      }
      return [offer];
    });
  }

  /** Texts in the storefront's language. */
  private get t() {
    return this.store.value.translate(messages);
  }

  /**
   * Gives the form the value and the validity. The browser focuses the anchor of a missing tier when a submit
   * fails, so it is the first tier that can be chosen; the tiers exist only after a render, which is why this
   * runs after each update as well as before it (where the value a form reads right away is set).
   */
  private syncForm(): void {
    this.internals.setFormValue(this.value || null, this.value);
    const first = this.renderRoot?.querySelector?.<HTMLInputElement>('input:not(:disabled)');
    if (this.required && !this.value) {
      this.internals.setValidity({ valueMissing: true }, this.t('picker.required'), first ?? undefined);
    } else {
      this.internals.setValidity({});
    }
  }

  protected override updated(): void {
    this.syncForm();
  }

  /**
   * No tier chosen. When a submit found it, the browser then moves focus to the first tier (the anchor) and the
   * picker says what is missing; `checkValidity()` fires the same event and moves nothing, and nothing is shown,
   * wherever focus is. (Already on that tier, a submit moves no focus either: the browser's own bubble says it.)
   */
  private onInvalid = (): void => {
    const root = this.shadowRoot;
    if (!root) return;
    let focused = false;
    const onFocus = () => (focused = true);
    root.addEventListener('focusin', onFocus);
    setTimeout(() => {
      root.removeEventListener('focusin', onFocus);
      if (focused) this.touched = true;
    });
  };

  /** The form was reset: back to the initial value. */
  formResetCallback(): void {
    this.value = this.defaultValue;
    this.touched = false;
  }

  /** The browser restores the value after navigation. */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    this.value = typeof state === 'string' && isOneOf(LICENSES, state) ? state : '';
  }

  /** A disabled fieldset around us disables us too. */
  formDisabledCallback(disabled: boolean): void {
    this.disabled = disabled;
  }

  private onPick(offer: Offer): void {
    if (!choosable(offer) || this.disabled || offer.license === this.value) return;
    this.value = offer.license;
    this.touched = true;
    const { formatMoney } = this.store.value;
    this.announcement = this.t('picker.selected', {
      license: licenseTitle(this.t, offer.license),
      price: formatMoney(offer.price),
    });
    this.emit(new Event('input', { bubbles: true, composed: true }));
    this.emit(new Event('change', { bubbles: true, composed: true }));
    this.emit(new AipLicenseChangeEvent({ license: offer.license, price: offer.price }));
  }

  private openCompare(): void {
    if (this.dialog) showModal(this.dialog);
    // Start at the top: on a phone the first focusable thing is the table's scroll box, mid-dialog.
    this.renderRoot.querySelector<HTMLElement>('#compare-title')?.focus();
  }

  private closeCompare(): void {
    this.dialog?.close();
    this.renderRoot.querySelector<HTMLButtonElement>('[part="compare-button"]')?.focus();
  }

  /** Checks validity and shows the browser's message when invalid, like a native control. */
  reportValidity(): boolean {
    this.touched = true;
    return this.internals.reportValidity();
  }

  /** Whether the control satisfies its constraints (a tier is chosen when required). */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }

  /** The form this control belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }

  /** The offer of the chosen tier, with its price, or null. */
  get selectedOffer(): Offer | null {
    return this.offers.find((o) => o.license === this.value) ?? null;
  }

  private renderTier(offer: Offer, persona: Persona, invalid: boolean) {
    const settings = this.store.value;
    const t = this.t;
    const info = licenseInfo(t, offer.license);
    const selected = offer.license === this.value;
    // Ownership while an Exclusive runs stays choosable: its holder may buy it (the checkout checks the email).
    const disabled = !choosable(offer) || this.disabled;
    const until = persona.exclusiveUntil ? settings.formatDate(persona.exclusiveUntil) : null;
    const id = `tier-${offer.license}`;
    const tail = persona.commercialTail;
    // The card is a div (a label may only hold phrasing content); a click
    // anywhere on it that isn't on a link acts on its radio. Keyboard users
    // have the radio itself, so the card needs no key handler of its own.
    // eslint-disable-next-line lit-a11y/click-events-have-key-events
    return html`<div
      part="tier${selected ? ' tier-selected' : ''}${disabled ? ' tier-disabled' : ''}"
      class="tier${selected ? ' selected' : ''}${disabled ? ' disabled' : ''}"
      @click=${(e: Event) => this.onCardClick(e)}
    >
      <div class="head">
        <input
          id=${id}
          type="radio"
          name="tier"
          .value=${offer.license}
          .checked=${selected}
          ?disabled=${disabled}
          aria-describedby="${id}-price ${id}-details${invalid ? ' picker-invalid' : ''}"
          aria-invalid=${invalid ? 'true' : 'false'}
          @change=${() => this.onPick(offer)}
          @input=${(e: Event) => e.stopPropagation() /* the host fires its own */}
        />
        <label class="title" for=${id}>${info.title}</label>
      </div>
      <span part="price" class="price" id="${id}-price">${settings.formatMoney(offer.price)}</span>
      <div id="${id}-details" class="details">
        <p class="term">${termText(t, offer.termMonths)} · ${info.exclusivity}</p>
        ${offer.reason ? html`<p part="reason" class="reason">${reasonText(t, offer.reason, until)}</p>` : nothing}
        ${
          offer.license === 'exclusive' && offer.available
            ? html`<p part="tail" class="tail">${tailText(t, tail, settings.formatDate)}</p>`
            : nothing
        }
      </div>
      <ul>
        ${info.keyPoints.map((point) => html`<li>${point}</li>`)}
      </ul>
      <a part="agreement" class="agreement" href=${offer.agreement.url} target="_blank" rel="noopener">
        ${t.parts('picker.agreement', {
          license: info.title,
          // A dated version (2026-03-18) stays on one line rather than breaking at a hyphen.
          version: html`<span class="version">${offer.agreement.version}</span>`,
        })}
      </a>
    </div>`;
  }

  private onCardClick(event: Event): void {
    const target = event.target as Element;
    if (target.closest('a, input, label')) return;
    (event.currentTarget as HTMLElement).querySelector('input')?.click();
  }

  private renderCompare() {
    const t = this.t;
    return html`<dialog
      part="dialog"
      aria-labelledby="compare-title"
      @close=${() => !this.dialog?.open && this.closeCompare()}
    >
      <h2 id="compare-title" tabindex="-1">${t('compare.title')}</h2>
      <div class="table-wrap" role="region" aria-labelledby="compare-title" tabindex="0">
        <table>
          <thead>
            <tr>
              <td></td>
              ${this.offers.map((o) => html`<th scope="col">${licenseTitle(t, o.license)}</th>`)}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">${t('compare.price')}</th>
              ${this.offers.map((o) => html`<td>${this.store.value.formatMoney(o.price)}</td>`)}
            </tr>
            <tr>
              <th scope="row">${t('compare.term')}</th>
              ${this.offers.map((o) => html`<td>${termText(t, o.termMonths)}</td>`)}
            </tr>
            ${LICENSE_COMPARISON.map(
              (row) =>
                html`<tr>
                  <th scope="row">${t(row.label)}</th>
                  ${this.offers.map((o) => html`<td>${t(row.values[o.license])}</td>`)}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      <div class="dialog-actions">
        <button type="button" @click=${() => this.closeCompare()}>${t('common.close')}</button>
      </div>
    </dialog>`;
  }

  private renderPicker({ persona }: Loaded) {
    const invalid = this.touched && this.required && !this.value;
    const t = this.t;
    return html`<fieldset part="base" ?disabled=${this.disabled}>
        <legend part="legend">${this.label ?? t('picker.label')}</legend>
        <div part="tiers" class="tiers">${this.offers.map((o) => this.renderTier(o, persona, invalid))}</div>
        <div class="actions">
          <button part="compare-button" type="button" aria-haspopup="dialog" @click=${() => this.openCompare()}>
            ${t('compare.title')}
          </button>
          ${invalid ? html`<p class="invalid" id="picker-invalid" role="alert">${t('picker.invalid')}</p>` : nothing}
        </div>
      </fieldset>
      ${this.renderCompare()}`;
  }

  private renderSkeleton() {
    return html`<div part="base" aria-busy="true">
      <p class="visually-hidden">${this.t('picker.loading')}</p>
      <div part="tiers" class="tiers" aria-hidden="true">
        ${LICENSES.map(() => html`<div class="tier skeleton"></div>`)}
      </div>
    </div>`;
  }

  private renderError(error: unknown) {
    const t = this.t;
    // Trying again would check the same data: no retry, and the console says what is wrong.
    if (error instanceof InvalidDataError) {
      return html`<div part="base" class="state" role="alert"><p class="error">${t('picker.failed')}</p></div>`;
    }
    return loadFailureView(
      error,
      t,
      { gone: t('persona.gone'), failed: t('picker.failed') },
      () => void this.loader.run(),
      { part: 'base', cls: 'state' },
    );
  }

  override render(): TemplateResult {
    return html`${this.loader.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: (loaded) => (loaded ? this.renderPicker(loaded) : this.renderError({ code: 'not_found' })),
        error: (e) => this.renderError(e),
      })}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>`;
  }
}
