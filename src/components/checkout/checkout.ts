import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import * as v from 'valibot';
import type { AipClient } from '../../api/client.js';
import { ApiError, toApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import { formatInstant } from '../../api/instant.js';
import {
  BuyerSchema,
  CheckoutMessageSchema,
  LICENSES,
  SLUG_PATTERN,
  UNAVAILABLE_REASONS,
  isOneOf,
  type Certificate,
  type License,
  type Money,
  type Offer,
  type Order,
  type OrderRequest,
  type Persona,
  type Quote,
} from '../../api/schemas.js';
import {
  AipCheckoutCompleteEvent,
  AipCheckoutErrorEvent,
  AipCheckoutStartEvent,
  type CheckoutErrorCode,
} from '../../events/checkout.js';
import { KeptListing } from '../../internal/kept-listing.js';
import { AipElement } from '../../internal/aip-element.js';
import { heading } from '../../internal/headings.js';
import { isOffline, tellUnreadable, waitText } from '../../internal/failure.js';
import { loadFailureView } from '../../internal/failure-view.js';
import { SlowController } from '../../internal/slow.js';
import { sayAgain } from '../../internal/live-region.js';
import { showModal } from '../../internal/modal.js';
import type { Translate } from '../../internal/i18n.js';
import {
  choosable,
  forHolderOnly,
  licenseTitle,
  reasonText,
  tailGrew,
  tailText,
  termText,
} from '../../internal/licenses.js';
import checkout from '../../locales/en/checkout.js';
import core from '../../locales/en/core.js';
import licenses from '../../locales/en/licenses.js';
import { dialogStyles } from '../../styles/dialog.js';
import { personaTask, StorefrontController } from '../storefront/storefront-controller.js';
import { attemptKey, clearAttempt, loadAttempt, sameBody, saveAttempt, type Attempt } from './attempt.js';
import { styles } from './checkout.styles.js';

/** The longest delay setTimeout keeps: a longer one fires at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Where the platform's hosted payment page opens. */
export type CheckoutMode = 'overlay' | 'popup' | 'redirect';

/**
 * Whether this page is inside a frame of another origin (a site builder's
 * embed block, a sandboxed frame). The hosted payment page may be framed only
 * by the origin that made the order, and every ancestor counts.
 */
function framedByAnotherSite(): boolean {
  // Each ancestor in turn, as every browser allows: another origin's location can't be read.
  for (let frame: Window = window; frame !== frame.parent;) {
    frame = frame.parent;
    try {
      if (frame.location.origin !== location.origin) return true;
    } catch {
      return true;
    }
  }
  return false;
}

const MODES: readonly CheckoutMode[] = ['overlay', 'popup', 'redirect'];

type Step =
  | 'ready'
  | 'details'
  | 'quoting'
  | 'price-changed'
  | 'ordering'
  | 'resuming'
  | 'paying'
  | 'confirming'
  | 'complete'
  | 'problem';

const messages = { ...core, ...licenses, ...checkout };
type T = Translate<keyof typeof messages>;
/** A text said to the buyer, worded when it is shown, so it follows the storefront's language. */
type Say = (t: T) => string;

/**
 * What failed, in the buyer's language: what the browser saw (offline, no connection, no answer in time), and a
 * marketplace that was busy, unavailable or had a problem of its own. Only a request the marketplace refused for a
 * reason (a 4xx) is said in its own words, which are English. What the validator found in an unreadable answer, the
 * client's words for a failed connection (which can name a URL) and the words of a 5xx are for integrators (the
 * console and the error event's `error`), not buyers.
 */
function cause(t: T, error: ApiError): string {
  switch (error.code) {
    case 'network':
      return t(isOffline() ? 'cause.offline' : 'cause.network');
    case 'timeout':
      return t('cause.timeout');
    case 'malformed_response':
      return t('cause.malformed');
    case 'rate_limited':
      return t('cause.busy');
    case 'unavailable':
      return t('cause.unavailable');
  }
  return error.status >= 500 ? t('cause.problem') : error.message;
}

/**
 * The overlay's hosted page has loaded: its box stops saying it is loading. Marked on the box itself, not
 * by a render, which could show the overlay again while it closes (the dialog's close event comes later).
 */
const frameLoaded = (e: Event) => (e.target as HTMLElement).parentElement!.classList.add('loaded');

/** What the buyer can do about a problem. */
type Remedy = 'retry-order' | 'requote' | 'restart' | 'choose' | 'retry-certificate' | 'retry-resume' | null;

interface Problem {
  code: CheckoutErrorCode;
  say: Say;
  remedy: Remedy;
  /** The marketplace's answer (or the failed request) behind it, if one is. */
  error?: ApiError;
}

type Field = 'name' | 'email' | 'agree';

const FIELD_MESSAGES = {
  name: 'checkout.name-invalid',
  email: 'checkout.email-invalid',
  agree: 'checkout.agree-invalid',
} as const satisfies Record<Field, keyof typeof messages>;

const STEP_LABELS = ['checkout.step-details', 'checkout.step-payment', 'checkout.step-certificate'] as const;

/** Order states after which nothing more happens. */
const FINAL = new Set(['completed', 'expired', 'rejected']);
/** Steps with a price or an order on its way but nothing paid: another tier chosen now starts over for it. */
const UNPAID = new Set<Step>(['quoting', 'price-changed', 'ordering', 'paying']);

const DEFAULT_POLL_MS = 2000;
const MAX_POLL_MS = 30_000;
/** Orders whose completion this page has told its host about, so no checkout tells it twice. */
const REPORTED = new Set<string>();

/**
 * Buys one license tier of one persona through the platform, without the sale
 * ever leaving it: the buyer gives a name and email and accepts the tier's
 * agreement; the server quotes the price (if it differs from what the page
 * showed, the buyer sees the new price and confirms again); the order is
 * created; payment happens on the platform's hosted checkout page, in an
 * overlay, a popup or after a redirect; and once the payment is confirmed the
 * element shows the License Certificate.
 *
 * ```html
 * <aip-storefront api="https://api.example">
 *   <aip-checkout persona="noor-haddad" license="commercial"></aip-checkout>
 * </aip-storefront>
 * ```
 *
 * Inside `<aip-persona-detail slot="checkout">` the license follows the
 * buyer's choice in the detail view's picker.
 *
 * **Never two orders:** each attempt gets one `Idempotency-Key`, kept in
 * `sessionStorage` with the request, and every retry (a double click, a retry
 * after a timeout, a reload, the return from a redirect) sends the same key and
 * body, so the server returns the order it already made.
 *
 * **Learning the outcome:** the hosted page posts a message when the payment
 * completes; only messages from the marketplace API's origin, of the right
 * shape and for this order are heeded, and even then the element asks the API
 * for the order rather than trusting the message. It also polls the order, so
 * a blocked popup or a lost message only delays the certificate.
 *
 * **Prices:** the `price` attribute is only what the page showed; the server's
 * quote is what is charged, and the buyer confirms any difference.
 *
 * **Ownership:** while an Exclusive License is in force only its holder may
 * buy Ownership / Assignment. The element says so and lets the buyer go on;
 * the marketplace checks the email given against the Exclusive's, and the
 * email field says when it is not the holder's.
 *
 * @summary Check out a license through the platform's hosted payment page.
 * @tag aip-checkout
 *
 * @fires {AipCheckoutStartEvent} aip-checkout-start - The buyer asked to check out; cancelable (the host may veto or take over). `detail`: `persona`, `license`, `price`.
 * @fires {AipCheckoutCompleteEvent} aip-checkout-complete - Payment completed; `detail`: `orderId`, `persona`, `certificateId`, `license`, `price`. Once per order, not again after a reload or a return from the hosted page.
 * @fires {AipCheckoutErrorEvent} aip-checkout-error - A step failed; `detail`: `code`, `message` (what the buyer is shown) and `error` (the marketplace's answer behind it, for logs, or null).
 *
 * @csspart base - The whole widget.
 * @csspart title - The heading.
 * @csspart steps - The list of checkout steps.
 * @csspart summary - What is being bought: persona, tier, term, price.
 * @csspart start-button - The "Buy" button.
 * @csspart holder-note - Before the "Buy" button for Ownership while an Exclusive is in force: only its holder may buy.
 * @csspart form - The buyer's details form.
 * @csspart field - Each form field (label, input, message).
 * @csspart input - Each text input.
 * @csspart field-error - A field's error message.
 * @csspart agreement - The agreement checkbox and link.
 * @csspart notice - The "sales are final" notice.
 * @csspart submit-button - The "Continue to payment" button.
 * @csspart price-change - The notice that the quoted price, or the Commercial licenses an Exclusive lives with, differ from those shown.
 * @csspart tail - For an Exclusive: the Commercial licenses sold earlier that keep running, which the buyer accepts.
 * @csspart status - The payment status (waiting, confirming).
 * @csspart progress - The confirmations progress bar.
 * @csspart error - A problem and its next step.
 * @csspart certificate - The License Certificate summary.
 * @csspart payment-dialog - The overlay `<dialog>` holding the hosted checkout.
 * @csspart payment-frame - The hosted checkout `<iframe>`.
 *
 * @cssprop --aip-checkout-max-width - Widest the widget gets; 36rem.
 * @cssprop --aip-checkout-dialog-width - Width of the payment overlay; 30rem.
 * @cssprop --aip-checkout-frame-height - Height of the hosted checkout frame; min(42rem, 80vh).
 */
export class AipCheckout extends AipElement {
  static override styles = [...AipElement.styles, dialogStyles, styles];

  private readonly store = new StorefrontController(this);
  /** Whether the overlay's hosted page is taking long to arrive (it is open and has not loaded). */
  private readonly frameWait = new SlowController(
    this,
    () => this.payOpen && !this.renderRoot.querySelector('.frame-box.loaded'),
  );
  private readonly loader = personaTask(this, this.store, () =>
    this.validSlug('persona', this.persona, 'is not a listing id; nothing can be bought.'),
  );
  private readonly listing = new KeptListing(this.loader);

  /** Id of the persona to buy. */
  @property() persona: string | null = null;

  /** The tier to buy: `commercial`, `exclusive` or `ownership`. */
  @property() license: License | '' = '';

  /**
   * Where the platform's payment page opens: `overlay` (a dialog on this
   * page, the default), `popup` (a separate window; if the browser blocks it,
   * a link) or `redirect` (this page navigates there and comes back to
   * `return-url`). Inside a frame of another site, which the payment page
   * refuses to be framed by, `overlay` opens the popup instead.
   */
  @property() mode: CheckoutMode = 'overlay';

  /** Where the payment page opens: `mode`, unless the overlay can't be shown on this page. */
  private get payIn(): CheckoutMode {
    return this.mode === 'overlay' && framedByAnotherSite() ? 'popup' : this.mode;
  }

  /**
   * The price the page showed the buyer, in minor units (cents). Only used to
   * tell the buyer when the server's quote differs; never sent to the server.
   * Default: the listing's current offer price.
   */
  @property({ type: Number }) price: number | null = null;

  /** Redirect mode: where the payment page sends the buyer back to. Default: this page. */
  @property({ attribute: 'return-url' }) returnUrl: string | null = null;

  /** How often to ask the marketplace for the order's status while paying, in milliseconds (at least 250). Default 2000. */
  @property({ type: Number, attribute: 'poll-interval' }) pollInterval = DEFAULT_POLL_MS;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /**
   * Heading level of the checkout's title (1–5, default 2); the certificate's heading is one level below. In
   * `<aip-persona-detail>` it follows the detail's sections unless set.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private step: Step = 'ready';
  @state() private quote: Quote | null = null;
  /** Whether the quote's Commercial tail is more than the buyer was shown (see requestQuote). */
  private tailChanged = false;
  /**
   * When the quote's hold ends, on this device's clock; null when that clock
   * puts the end in the past as the quote arrives (it is wrong, so only the
   * marketplace can tell).
   */
  private holdEndsAt: number | null = null;
  /** Renders the price-change step again when the quote's hold ends (see updated). */
  private holdTimer: ReturnType<typeof setTimeout> | undefined;
  @state() private order: Order | null = null;
  @state() private certificate: Certificate | null = null;
  @state() private problem: Problem | null = null;
  @state() private buyerName = '';
  @state() private buyerEmail = '';
  @state() private agreed = false;
  @state() private touched = new Set<Field>();
  @state() private serverErrors: Partial<Record<Field, Say>> = {};
  @state() private payOpen = false;
  @state() private popupBlocked = false;
  @state() private statusNote: Say | null = null;
  @state() private announcement = '';
  /**
   * In a detail view's checkout slot, where the persona is on screen and the view sets `persona` once the
   * buyer picks a tier: until then the buyer has a license to choose, not a persona.
   */
  @state() private inDetailView = false;
  /** While the marketplace asked us to wait (Retry-After), when the wait ends; the remedy waits until then. */
  @state() private waitUntil = 0;

  @query('dialog') private dialog!: HTMLDialogElement | null;

  private attempt: Attempt | null = null;
  private popup: Window | null = null;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private pollFailures = 0;
  /** Fields the buyer has changed: only those are checked when left, so tabbing through marks nothing. */
  private edited = new Set<Field>();
  private waitTimer: ReturnType<typeof setTimeout> | undefined;
  private requests = new AbortController();
  private resumedFor: string | null = null;
  /** The tier the flow under way is buying (set when it starts or resumes), to tell the host's switch from ours. */
  private buying: License | null = null;
  private focusAfterUpdate: string | null = null;

  // ----- lifecycle -----------------------------------------------------------

  override connectedCallback(): void {
    super.connectedCallback();
    this.inDetailView = this.closest('aip-persona-detail') !== null;
    this.requests = new AbortController();
    window.addEventListener('message', this.onMessage);
    window.addEventListener('online', this.onOnline);
    if (this.order && !FINAL.has(this.order.status)) this.schedulePoll(0);
    if (this.waitUntil) this.endWaitIn(this.waitUntil - Date.now());
    this.carryOn();
  }

  /**
   * Moved in the page (disconnected, then connected again): leaving aborted
   * whatever request was on its way, so it is sent again. The order request
   * keeps its key, so the marketplace answers with the same order.
   */
  private carryOn(): void {
    if (this.step === 'quoting') {
      const offer = this.offer(this.loader.value);
      if (offer) void this.requestQuote(offer);
      else this.step = 'details';
    } else if (this.step === 'ordering' && this.attempt) {
      void this.sendOrder(this.attempt, true);
    } else if (this.step === 'resuming') {
      void this.resume();
    } else if (this.step === 'complete' && this.order && !this.certificate && !this.problem) {
      void this.finish(this.order);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('message', this.onMessage);
    window.removeEventListener('online', this.onOnline);
    this.requests.abort();
    clearTimeout(this.pollTimer);
    clearTimeout(this.waitTimer);
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.store.localeChanged()) this.announcement = '';
    if (changed.has('mode') && !MODES.includes(this.mode)) {
      this.warnIfSet(this.mode, 'mode', `mode="${this.mode}" is not overlay, popup or redirect; using overlay.`);
      this.mode = 'overlay';
    }
    if (changed.has('license') && this.license && !isOneOf(LICENSES, this.license)) {
      this.warnOnce('license', `license="${this.license}" is not a license tier; nothing can be bought.`);
      this.license = '';
    }
    if (changed.has('price') && this.price !== null && !(Number.isSafeInteger(this.price) && this.price >= 0)) {
      this.warnOnce('price', `price="${this.price}" is not a whole number of minor units; using the listing's price.`);
      this.price = null;
    }
    if (changed.has('headingLevel')) this.headingLevel = this.headingLevelIn(this.headingLevel, 1, 5, 2);
    if (changed.has('pollInterval') && !(this.pollInterval >= 250)) {
      this.warnIfSet(
        this.pollInterval,
        'poll-interval',
        `poll-interval="${this.pollInterval}" is below 250 ms; using ${DEFAULT_POLL_MS}.`,
      );
      this.pollInterval = DEFAULT_POLL_MS;
    }
    // The host shows another listing (a single-page app's navigation): what was under way belongs to the other
    // one. Its stored attempt stays, so coming back to that listing carries on with it.
    const before = changed.get('persona');
    if (changed.has('persona') && before && before !== this.persona) this.leaveFlow();
    // The buyer chose another tier while a price or an unpaid order for the last one was on its way: that one is
    // dropped (an unpaid order simply expires) and the details form stays for the new tier. A paid order is never
    // dropped: the checkout goes on showing the tier the order is for.
    if (changed.has('license') && this.buying && this.license && this.license !== this.buying) {
      if (UNPAID.has(this.step)) {
        this.leaveFlow();
        this.dropAttempt();
        this.step = 'details';
      }
      if (!this.order) this.buying = this.license;
    }
    // Another tier or listing before an order exists: the form stays, the
    // quote and the agreement (it differs per tier) do not.
    if ((changed.has('license') || changed.has('persona')) && !this.order) {
      if (this.step === 'details' || this.step === 'price-changed' || this.step === 'problem') {
        const keepForm = this.step !== 'problem';
        this.quote = null;
        this.problem = null;
        this.agreed = false;
        this.touched = new Set();
        this.step = keepForm ? 'details' : 'ready';
      }
    }
    const persona = this.personaId();
    if (persona && this.resumedFor !== this.storageKey()) {
      this.resumedFor = this.storageKey();
      void this.resume();
    }
  }

  protected override updated(): void {
    // A price offered to confirm stops being offered as held when its quote expires.
    const left = this.step === 'price-changed' && this.holdEndsAt ? this.holdEndsAt - Date.now() : 0;
    if (left > 0 && !this.holdTimer) {
      // A timer can't wait past 2^31 - 1 ms (24.8 days; a marketplace clock far ahead of this one): it would
      // fire at once. It then only renders again, and waits on.
      this.holdTimer = setTimeout(
        () => {
          this.holdTimer = undefined;
          if (this.step === 'price-changed' && this.holdEnded()) this.announcement = this.t('checkout.hold-ended');
          this.requestUpdate();
        },
        Math.min(left, MAX_TIMER_MS),
      );
    }
    // A dialog moved in the page with the overlay open is shown as a modal again on connecting (see reshowMoved).
    if (this.payOpen && this.dialog && !this.dialog.open) showModal(this.dialog);
    if (!this.payOpen && this.dialog?.open) this.dialog.close();
    if (this.focusAfterUpdate) {
      const target = this.renderRoot.querySelector<HTMLElement>(this.focusAfterUpdate);
      this.focusAfterUpdate = null;
      target?.focus();
    }
  }

  // ----- derived -------------------------------------------------------------

  private personaId(): string | null {
    const id = this.persona?.trim();
    return id && SLUG_PATTERN.test(id) ? id : null;
  }

  private get client(): AipClient {
    return this.store.value.client;
  }

  private storageKey(): string {
    return attemptKey(this.client.baseUrl, this.personaId() ?? '');
  }

  /** The offer being bought: an order's own tier once there is one, else the chosen tier. */
  private offer(persona: Persona | null | undefined): Offer | null {
    const license = this.order?.license ?? this.license;
    return persona?.offers.find((o) => o.license === license) ?? null;
  }

  /** The price the page showed: the `price` attribute, else the listing's offer. */
  private shownPrice(offer: Offer | null): Money | null {
    if (!offer) return null;
    return this.price === null ? offer.price : { amount: this.price, currency: offer.price.currency };
  }

  /** Texts in the storefront's language. */
  private get t(): T {
    return this.store.value.translate(messages);
  }

  private fieldError(field: Field): string | null {
    const server = this.serverErrors[field];
    if (server) return server(this.t);
    if (!this.touched.has(field)) return null;
    if (field === 'agree') return this.agreed ? null : this.t(FIELD_MESSAGES.agree);
    const schema = BuyerSchema.entries[field];
    return v.is(schema, field === 'name' ? this.buyerName : this.buyerEmail) ? null : this.t(FIELD_MESSAGES[field]);
  }

  // ----- the flow ------------------------------------------------------------

  private reset(): void {
    this.step = 'ready';
    this.quote = null;
    this.problem = null;
    this.serverErrors = {};
    this.touched = new Set();
    this.statusNote = null;
    this.buying = null;
  }

  /**
   * Stops following what is under way (requests, polling, the payment window)
   * and forgets it here; the buyer's name and email stay.
   */
  private leaveFlow(): void {
    this.requests.abort();
    this.requests = new AbortController();
    clearTimeout(this.pollTimer);
    clearTimeout(this.waitTimer);
    this.waitUntil = 0;
    this.closePayment();
    this.attempt = null;
    this.order = null;
    this.certificate = null;
    this.agreed = false;
    this.announcement = '';
    this.reset();
  }

  private onStart(offer: Offer): void {
    const persona = this.personaId();
    if (!persona || !this.license || !choosable(offer)) return;
    const allowed = this.emit(
      new AipCheckoutStartEvent({ persona, license: this.license, price: this.shownPrice(offer) }),
    );
    if (!allowed) return;
    this.step = 'details';
    this.problem = null;
    this.buying = this.license;
    this.focusAfterUpdate = '#buyer-name';
  }

  private onCancel(): void {
    this.closePopup();
    this.reset();
    this.focusAfterUpdate = '[part~="start-button"]';
  }

  private onInput(field: Field, value: string | boolean): void {
    if (field === 'name') this.buyerName = value as string;
    else if (field === 'email') this.buyerEmail = value as string;
    else this.agreed = value as boolean;
    this.edited.add(field);
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
    if (field === 'agree') this.touched = new Set(this.touched).add('agree');
  }

  private onBlur(field: Field): void {
    if (this.edited.has(field) && !this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  private onSubmitDetails(event: SubmitEvent, offer: Offer): void {
    event.preventDefault();
    if (this.step !== 'details') return; // a second click while busy does nothing
    this.touched = new Set<Field>(['name', 'email', 'agree']);
    const invalid = (['name', 'email', 'agree'] as const).find((f) => this.fieldError(f));
    if (invalid) {
      this.focusAfterUpdate = invalid === 'agree' ? '#agree' : `#buyer-${invalid}`;
      this.announceAgain(this.t('checkout.attention'));
      return;
    }
    this.openPopup();
    void this.requestQuote(offer);
  }

  /** Says `text` in the live region even when it already holds it (a second failed submit). */
  private announceAgain(text: string): void {
    sayAgain(
      this,
      () => this.announcement,
      (said) => (this.announcement = said),
      text,
    );
  }

  private async requestQuote(offer: Offer): Promise<void> {
    const persona = this.personaId();
    if (!persona || !this.license) return;
    this.step = 'quoting';
    this.problem = null;
    this.announcement = this.t('checkout.quoting');
    let quote: Quote;
    try {
      quote = await this.client.quote(
        {
          personaId: persona,
          license: this.license,
          buyerEmail: this.license === 'ownership' ? this.buyerEmail.trim() : undefined,
        },
        { signal: this.requests.signal },
      );
    } catch (error) {
      this.fail(toApiError(error), 'quote');
      return;
    }
    this.quote = quote;
    const ends = Date.parse(quote.expiresAt);
    this.holdEndsAt = ends > Date.now() ? ends : null;
    clearTimeout(this.holdTimer);
    this.holdTimer = undefined;
    const priceChanged = this.priceDiffers(offer, quote);
    // An Exclusive's buyer accepted the Commercial licenses they were shown; more running now is asked about again.
    const tailShown = this.loader.value?.commercialTail;
    this.tailChanged = Boolean(quote.commercialTail && tailShown && tailGrew(tailShown, quote.commercialTail));
    // Everything showing the listing (the picker's tail, this form's) loads it again.
    if (this.tailChanged) this.client.listingChanged(persona);
    if (priceChanged || this.tailChanged) {
      this.closePopup();
      this.step = 'price-changed';
      this.announcement = priceChanged
        ? this.t('checkout.price-now', { price: this.store.value.formatMoney(quote.price) })
        : this.t('checkout.tail-now');
      this.focusAfterUpdate = '[part~="price-change"] button.primary';
      return;
    }
    await this.placeOrder(quote, offer);
  }

  /** Whether the quote's price is not the one the buyer was shown. */
  private priceDiffers(offer: Offer, quote: Quote): boolean {
    const shown = this.shownPrice(offer);
    return !shown || shown.amount !== quote.price.amount || shown.currency !== quote.price.currency;
  }

  private onConfirmPrice(offer: Offer): void {
    if (!this.quote || this.step !== 'price-changed') return;
    this.openPopup();
    // Its hold has ended: the marketplace would refuse the order; ask for the price now instead.
    if (this.holdEnded()) void this.requestQuote(offer);
    else void this.placeOrder(this.quote, offer);
  }

  /** Whether the quote's hold has ended, as far as this device can tell (see holdEndsAt). */
  private holdEnded(): boolean {
    return this.holdEndsAt !== null && this.holdEndsAt <= Date.now();
  }

  private async placeOrder(quote: Quote, offer: Offer): Promise<void> {
    const body: OrderRequest = {
      quoteId: quote.id,
      buyer: { email: this.buyerEmail.trim(), name: this.buyerName.trim() },
      acceptedAgreement: { license: quote.license, version: offer.agreement.version },
    };
    if (this.payIn === 'redirect') body.returnUrl = this.resolvedReturnUrl();
    // The same body is the same attempt: it keeps its key, so the server answers with the same order.
    if (!this.attempt || this.attempt.orderId || !sameBody(this.attempt.body, body)) {
      this.attempt = { license: quote.license, key: newIdempotencyKey(), body, orderId: null };
    }
    saveAttempt(this.storageKey(), this.attempt);
    await this.sendOrder(this.attempt, true);
  }

  /** Sends (or sends again) an attempt's order request with its key. */
  private async sendOrder(attempt: Attempt, handOff: boolean): Promise<void> {
    this.step = handOff ? 'ordering' : 'resuming';
    this.problem = null;
    this.announcement = this.t('checkout.ordering');
    let order: Order;
    try {
      order = await this.client.createOrder(attempt.body, {
        idempotencyKey: attempt.key,
        signal: this.requests.signal,
      });
    } catch (error) {
      this.fail(toApiError(error), 'order');
      return;
    }
    attempt.orderId = order.id;
    saveAttempt(this.storageKey(), attempt);
    this.apply(order);
    if (handOff && order.status === 'awaiting_payment') {
      this.handOff(order);
      // The form that had focus is gone (the overlay takes focus itself): back on this page, the buyer lands on
      // the way to the payment window.
      if (this.payIn === 'popup') this.focusAfterUpdate = '[part~="status"] button, [part~="status"] a';
    }
  }

  private resolvedReturnUrl(): string {
    try {
      const url = new URL(this.returnUrl || location.href, location.href);
      url.searchParams.delete('aip-order');
      url.searchParams.delete('aip-status');
      return url.href;
    } catch {
      this.warnOnce('return-url', `return-url="${this.returnUrl}" is not a URL; returning to this page.`);
      return location.href;
    }
  }

  /** Opens an empty popup during the click, so the browser allows it; the order fills it in. */
  private openPopup(): void {
    if (this.payIn !== 'popup' || (this.popup && !this.popup.closed)) return;
    this.popup = window.open('', 'aip-checkout', 'popup,width=480,height=760');
    this.popupBlocked = this.popup === null;
  }

  /**
   * Closes the overlay (before it leaves the DOM: a modal dialog removed while
   * open, with focus in its frame, drops focus on <body>) and the popup.
   */
  private closePayment(): void {
    this.payOpen = false;
    if (this.dialog?.open) this.dialog.close();
    this.closePopup();
  }

  private closePopup(): void {
    if (this.popup && !this.popup.closed) this.popup.close();
    this.popup = null;
  }

  private handOff(order: Order): void {
    if (this.payIn === 'overlay') {
      this.payOpen = true;
    } else if (this.payIn === 'popup') {
      if (this.popup && !this.popup.closed) {
        this.popup.location.href = this.hostedPage(order.checkoutUrl);
        this.popup.focus();
      } else {
        this.popupBlocked = true;
      }
    } else {
      this.navigate(this.hostedPage(order.checkoutUrl));
    }
  }

  /** A platform page (hosted checkout, certificate) in the storefront's language: its address with `locale` added. */
  private hostedPage(address: string): string {
    const url = new URL(address);
    url.searchParams.set('locale', this.store.value.locale);
    return url.href;
  }

  /** Redirect mode: leave for the hosted page. */
  protected navigate(url: string): void {
    location.assign(url);
  }

  /** Re-opens the payment page for an order still waiting for payment. */
  private onReopen(): void {
    if (!this.order) return;
    this.openPopup();
    this.handOff(this.order);
  }

  private onDialogClose(): void {
    // Open again by the time this is heard: it was only re-shown as a modal after a move.
    if (!this.payOpen || this.dialog?.open) return;
    this.payOpen = false;
    if (this.step === 'paying') this.focusAfterUpdate = '[part~="status"] button';
  }

  // ----- following the order ---------------------------------------------------

  private readonly onMessage = (event: MessageEvent): void => {
    // Messages are heeded from the marketplace API's origin only.
    if (event.origin !== this.client.origin) return;
    const parsed = v.safeParse(CheckoutMessageSchema, event.data);
    if (!parsed.success || !this.order || parsed.output.orderId !== this.order.id) return;
    // The message is a nudge, not the truth: ask the API.
    this.schedulePoll(0);
  };

  /** Back online: ask for the order now rather than after the longer wait failures built up. */
  private readonly onOnline = (): void => {
    if (!this.order || FINAL.has(this.order.status)) return;
    this.pollFailures = 0;
    this.schedulePoll(0);
  };

  private schedulePoll(delay = this.pollInterval): void {
    clearTimeout(this.pollTimer);
    if (!this.isConnected) return;
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  private async poll(): Promise<void> {
    const order = this.order;
    if (!order || FINAL.has(order.status)) return;
    try {
      const fresh = await this.client.order(order.id, { signal: this.requests.signal });
      this.pollFailures = 0;
      this.statusNote = null;
      if (this.order?.id === fresh.id) this.apply(fresh);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'aborted') return;
      this.unreadable(apiError);
      this.pollFailures += 1;
      const wait = Math.min(MAX_POLL_MS, this.pollInterval * 2 ** this.pollFailures);
      this.statusNote = (t) =>
        t('checkout.poll-failed', { cause: cause(t, apiError), wait: waitText(t, Math.round(wait / 1000)) });
      this.schedulePoll(wait);
    }
  }

  private apply(order: Order): void {
    const before = this.order?.status;
    this.order = order;
    switch (order.status) {
      case 'awaiting_payment':
        this.step = 'paying';
        if (before !== order.status) this.announcement = this.t('checkout.order-created');
        this.schedulePoll();
        break;
      case 'confirming': {
        this.step = 'confirming';
        const c = order.confirmations;
        this.announcement = c
          ? this.t('checkout.confirming-count', { received: c.received, required: c.required })
          : this.t('checkout.confirming');
        this.schedulePoll();
        break;
      }
      case 'completed':
        void this.finish(order);
        break;
      case 'expired':
        this.end(order, 'order_expired');
        break;
      case 'rejected':
        this.end(order, 'order_rejected');
        break;
    }
  }

  /** The order ended without a sale. */
  private end(order: Order, code: CheckoutErrorCode): void {
    clearTimeout(this.pollTimer);
    this.closePayment();
    this.attempt = null;
    clearAttempt(this.storageKey());
    const expired = code === 'order_expired';
    const { failure, failureReason } = order;
    const say: Say = (t) => {
      // Said in the buyer's language when the platform gave a reason we know, with what happened to the money.
      const known = failure ? this.failureText(t, failure.code, order) : null;
      if (failure && known !== null) {
        return t(failure.refunded ? 'checkout.refunded' : 'checkout.not-charged', { reason: known });
      }
      // Otherwise the platform's own words (English), or ours.
      const reason = failureReason ?? t(expired ? 'checkout.expired' : 'checkout.rejected');
      return expired ? t('checkout.not-charged', { reason }) : reason;
    };
    this.order = order;
    // A rejected order lost its tier to another buyer (or the persona left sale): the same tier again would only
    // get a 409, so the buyer chooses among the refreshed options, as after a 409. An expired one may simply retry,
    // and so may an Exclusive that more Commercial licenses now run beside, once the buyer has read and agreed again.
    const tail = failure?.code === 'commercial_tail_grew';
    if (tail) this.agreed = false;
    this.showProblem({ code, say, remedy: expired || tail ? 'restart' : 'choose' });
    if (!expired) this.client.listingChanged(order.personaId);
  }

  /** Why an order ended, from the platform's code, or null for a code this version does not know. */
  private failureText(t: T, code: string, order: Order): string | null {
    switch (code) {
      case 'expired': {
        const time = new Date(order.expiresAt).toLocaleString(this.store.value.locale, {
          dateStyle: 'medium',
          timeStyle: 'short',
        });
        return t('checkout.failed.expired', { time });
      }
      case 'exclusive_active':
        return t('checkout.failed.exclusive-active');
      case 'assigned':
        return t('checkout.failed.assigned');
      case 'exclusive_holder_only':
      case 'requires_active_exclusive':
        return t('checkout.failed.not-holder');
      case 'unpublished':
        return t('checkout.failed.unpublished');
      case 'commercial_tail_grew':
        return t('checkout.failed.tail-grew');
      default:
        return null;
    }
  }

  private async finish(order: Order): Promise<void> {
    clearTimeout(this.pollTimer);
    const first = this.step !== 'complete';
    this.step = 'complete';
    this.closePayment();
    this.problem = null;
    if (first) {
      this.announcement = this.t('checkout.complete-short');
      this.focusAfterUpdate = '#certificate-title';
      // Everything on the page that shows this listing loads it again (badge, tiers).
      this.client.listingChanged(order.personaId);
    }
    if (!order.certificateId) return;
    // The sale is made once the order completes, whether or not its certificate loads here; and the host hears
    // of it once, not again on a reload, a return from the hosted page or a page restored by Back.
    if (!this.reported(order)) {
      this.markReported(order);
      this.emit(
        new AipCheckoutCompleteEvent({
          orderId: order.id,
          persona: order.personaId,
          certificateId: order.certificateId,
          license: order.license,
          price: order.price,
        }),
      );
    }
    try {
      this.certificate = await this.client.certificate(order.certificateId, { signal: this.requests.signal });
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'aborted') return;
      this.unreadable(apiError);
      this.showProblem({
        code: apiError.code,
        say: (t) => t('checkout.certificate-failed', { cause: cause(t, apiError) }),
        remedy: 'retry-certificate',
        error: apiError,
      });
      this.step = 'complete';
    }
  }

  private reported(order: Order): boolean {
    return REPORTED.has(order.id) || (this.attempt?.orderId === order.id && this.attempt.reported === true);
  }

  private markReported(order: Order): void {
    REPORTED.add(order.id);
    if (this.attempt?.orderId !== order.id) return;
    this.attempt.reported = true;
    saveAttempt(this.storageKey(), this.attempt);
  }

  /**
   * Carries on with the attempt stored in this tab for this listing: after a
   * reload, or back from the hosted checkout in redirect mode.
   */
  private async resume(): Promise<void> {
    this.forgetReturnAddress();
    const attempt = loadAttempt(this.storageKey());
    // A checkout fixed to another tier leaves the attempt to the checkout it belongs to.
    if (!attempt || (this.license && attempt.license !== this.license)) return;
    this.attempt = attempt;
    this.license = attempt.license;
    this.buying = attempt.license;
    this.buyerName = attempt.body.buyer.name;
    this.buyerEmail = attempt.body.buyer.email;
    this.agreed = true;
    if (attempt.orderId) await this.loadOrder(attempt.orderId);
    else await this.sendOrder(attempt, false);
  }

  /**
   * The hosted checkout sends the buyer back with the order's id and status
   * in the address. This tab's stored attempt already knows the order, and an
   * address that still named it would show the purchase to anyone it is
   * shared with: both leave the address bar.
   */
  private forgetReturnAddress(): void {
    const url = new URL(location.href);
    if (!url.searchParams.has('aip-order') && !url.searchParams.has('aip-status')) return;
    url.searchParams.delete('aip-order');
    url.searchParams.delete('aip-status');
    history.replaceState(history.state, '', url.href);
  }

  private async loadOrder(id: string): Promise<void> {
    this.step = 'resuming';
    try {
      const order = await this.client.order(id, { signal: this.requests.signal });
      if (order.personaId !== this.personaId()) {
        this.step = 'ready';
        return;
      }
      this.license = order.license;
      this.buying = order.license;
      this.apply(order);
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'aborted') return;
      if (apiError.code === 'not_found') {
        clearAttempt(this.storageKey());
        this.attempt = null;
        this.step = 'ready';
        return;
      }
      this.unreadable(apiError);
      this.showProblem({
        code: apiError.code,
        say: (t) => t('checkout.resume-failed', { cause: cause(t, apiError) }),
        remedy: 'retry-resume',
        error: apiError,
      });
    }
  }

  // ----- problems --------------------------------------------------------------

  /** An answer that broke the contract: the buyer is told it could not be read, the console says why. */
  private unreadable(error: ApiError): void {
    tellUnreadable(error, `<${this.localName}>`);
  }

  /** The marketplace refused a buyer detail: back to the form, the field says why and takes focus. */
  private refuseField(key: 'name' | 'email', say: Say, error: ApiError): void {
    this.serverErrors = { [key]: say };
    this.step = 'details';
    this.announcement = ''; // not "Creating your order…": focus goes to the field, which says what is wrong
    this.focusAfterUpdate = `#buyer-${key}`;
    this.emit(new AipCheckoutErrorEvent({ code: error.code, message: say(this.t), error }));
  }

  private fail(error: ApiError, stage: 'quote' | 'order'): void {
    if (error.code === 'aborted') return;
    this.unreadable(error);
    this.closePopup();
    const field = error.details[0]?.field ?? '';
    const persona = this.personaId();
    if (error.code === 'conflict' && stage === 'quote' && error.details[0]?.message === 'exclusive_holder_only') {
      // Ownership asked for with an email that doesn't hold the Exclusive in force: the email is what to change.
      this.refuseField('email', (t) => t('checkout.not-holder-email'), error);
      return;
    }
    if (error.code === 'conflict') {
      const reason = error.details[0]?.message ?? '';
      this.dropAttempt();
      if (persona) this.client.listingChanged(persona);
      if (reason === 'commercial_tail_grew') {
        // The tier is still on sale, with more Commercial licenses beside it: the form shows them, agreed to again.
        this.agreed = false;
        this.showProblem({
          error,
          code: 'tail_changed',
          say: (t) => t('checkout.not-charged', { reason: t('checkout.failed.tail-grew') }),
          remedy: 'restart',
        });
        return;
      }
      this.showProblem({
        error,
        code: 'tier_unavailable',
        say: (t) =>
          t('checkout.tier-gone', {
            reason: isOneOf(UNAVAILABLE_REASONS, reason) ? reasonText(t, reason, null) : error.message,
          }),
        remedy: 'choose',
      });
      return;
    }
    if (error.code === 'business_rule' && field === 'quoteId') {
      this.dropAttempt();
      this.showProblem({
        error,
        code: 'quote_expired',
        say: (t) => t('checkout.quote-expired'),
        remedy: 'requote',
      });
      return;
    }
    if (error.code === 'business_rule' && field.startsWith('acceptedAgreement')) {
      this.dropAttempt();
      this.agreed = false;
      if (persona) this.client.listingChanged(persona);
      this.showProblem({
        error,
        code: 'agreement_changed',
        say: (t) => t('checkout.agreement-changed'),
        remedy: 'restart',
      });
      return;
    }
    if (error.code === 'invalid_request' && field.startsWith('buyer.')) {
      this.dropAttempt();
      const key: Field = field === 'buyer.name' ? 'name' : 'email';
      const detail = error.details[0].message;
      this.refuseField(
        key,
        (t) => t(key === 'name' ? 'checkout.server-name' : 'checkout.server-email', { detail }),
        error,
      );
      return;
    }
    if (error.code === 'not_found') {
      this.dropAttempt();
      // Everything showing the listing loads it again: if it is really gone, this checkout says so instead.
      if (persona) this.client.listingChanged(persona);
      const gone = field === 'quoteId' ? 'checkout.quote-gone' : 'checkout.persona-gone';
      this.showProblem({ code: error.code, say: (t) => t(gone), remedy: 'requote', error });
      return;
    }
    const retryAfter = error.retryAfter;
    /** `sentence`, then how long to wait when the marketplace said, then `after`. */
    const sentences =
      (...ids: (keyof typeof messages)[]): Say =>
      (t) =>
        [
          t(ids[0]!, { cause: cause(t, error) }),
          retryAfter ? t('checkout.wait', { wait: waitText(t, retryAfter) }) : '',
          ...ids.slice(1).map((id) => t(id)),
        ]
          .filter(Boolean)
          .join(' ');
    // An order answer that can't be read may still mean an order was made: only the same key can tell.
    if (stage === 'order' && (error.retryable || error.code === 'malformed_response')) {
      this.showProblem({
        error,
        code: error.code,
        say: sentences('checkout.order-unconfirmed', 'checkout.retry-safe'),
        remedy: 'retry-order',
      });
      this.startWait(retryAfter);
      return;
    }
    this.showProblem({
      error,
      code: error.code,
      say: sentences(stage === 'order' ? 'checkout.order-failed' : 'checkout.quote-failed'),
      // A quote makes no order, so asking again is harmless; an unreadable one may well read the next time.
      remedy: error.retryable || error.code === 'malformed_response' ? 'requote' : 'restart',
    });
    this.startWait(retryAfter);
  }

  /**
   * Holds the remedy back for the wait the marketplace asked for (as `<aip-custom-order>` does): its button stays
   * in place, `aria-disabled`, and does nothing until then. The text keeps the wait as first said, so the alert
   * is not re-read every second.
   */
  private startWait(seconds: number | null): void {
    if (!seconds) return;
    this.waitUntil = Date.now() + seconds * 1000;
    this.endWaitIn(seconds * 1000);
  }

  private endWaitIn(ms: number): void {
    clearTimeout(this.waitTimer);
    this.waitTimer = setTimeout(() => (this.waitUntil = 0), Math.max(0, ms));
  }

  private dropAttempt(): void {
    this.attempt = null;
    clearAttempt(this.storageKey());
  }

  private showProblem(problem: Problem): void {
    clearTimeout(this.waitTimer);
    this.waitUntil = 0;
    // The problem is its own alert; "Getting your price…" or "Order created…" would be stale beside it.
    this.announcement = '';
    this.problem = problem;
    this.step = 'problem';
    this.focusAfterUpdate = '[part~="error"]';
    this.emit(
      new AipCheckoutErrorEvent({ code: problem.code, message: problem.say(this.t), error: problem.error ?? null }),
    );
  }

  private onRemedy(remedy: Remedy, offer: Offer | null): void {
    if (this.waitUntil) return;
    switch (remedy) {
      case 'retry-order':
        if (!this.attempt) return;
        this.openPopup();
        void this.sendOrder(this.attempt, true);
        // The remedy's button goes; the form's own button says what is under way.
        this.focusAfterUpdate = '[part~="submit-button"]';
        break;
      case 'requote':
        if (!offer) return;
        this.openPopup();
        void this.requestQuote(offer);
        this.focusAfterUpdate = '[part~="submit-button"]';
        break;
      case 'restart':
        this.order = null;
        this.quote = null;
        this.problem = null;
        this.step = 'details';
        this.focusAfterUpdate = '#buyer-name';
        break;
      case 'choose':
        this.order = null;
        this.reset();
        // The remedy's button goes away while the listing reloads: focus goes to the
        // checkout's heading, which stays, and the buyer reads on from there.
        this.focusAfterUpdate = '[part~="title"]';
        break;
      case 'retry-certificate':
        if (this.order) void this.finish(this.order);
        break;
      case 'retry-resume':
        void this.resume();
        break;
    }
  }

  /** Starts over after a completed purchase (the certificate stays on the platform). */
  private onBuyAnother(): void {
    this.dropAttempt();
    this.order = null;
    this.certificate = null;
    this.reset();
    this.focusAfterUpdate = '[part~="start-button"]';
  }

  // ----- rendering ---------------------------------------------------------------

  private renderSteps() {
    // A problem with an order (it expired, or was rejected and refunded) happened at the payment step.
    const paying =
      this.step === 'paying' ||
      this.step === 'confirming' ||
      this.step === 'resuming' ||
      (this.step === 'problem' && this.order !== null);
    const index = this.step === 'complete' ? 2 : paying ? 1 : 0;
    const t = this.t;
    return html`<ol part="steps" class="steps" aria-label=${t('checkout.steps')}>
      ${STEP_LABELS.map(
        (label, i) =>
          html`<li
            class=${i < index ? 'done' : i === index ? 'current' : ''}
            aria-current=${i === index ? 'step' : nothing}
          >
            ${t(label)}
          </li>`,
      )}
    </ol>`;
  }

  private renderSummary(persona: Persona, offer: Offer, price: Money | null) {
    const t = this.t;
    return html`<dl part="summary" class="summary">
      <div>
        <dt>${t('checkout.persona')}</dt>
        <dd>${persona.name}</dd>
      </div>
      <div>
        <dt>${t('checkout.license')}</dt>
        <dd>${licenseTitle(t, offer.license)}</dd>
      </div>
      <div>
        <dt>${t('checkout.term')}</dt>
        <dd>${termText(t, offer.termMonths)}</dd>
      </div>
      ${
        price
          ? html`<div>
              <dt>${t('checkout.price')}</dt>
              <dd class="amount">${this.store.value.formatMoney(price)}</dd>
            </div>`
          : nothing
      }
    </dl>`;
  }

  private renderReady(persona: Persona, offer: Offer) {
    const shown = this.shownPrice(offer);
    const t = this.t;
    if (!choosable(offer)) {
      const until = persona.exclusiveUntil ? this.store.value.formatDate(persona.exclusiveUntil) : null;
      return html`<p class="muted">
        ${offer.reason ? reasonText(t, offer.reason, until) : t('checkout.not-available')}.
      </p>`;
    }
    return html`${forHolderOnly(offer) ? html`<p part="holder-note" class="muted">${t('checkout.holder-only')}</p>` : nothing}
      <button part="start-button" class="primary" type="button" @click=${() => this.onStart(offer)}>
        ${t('checkout.buy', { license: licenseTitle(t, offer.license) })}${
          shown ? html` · ${this.store.value.formatMoney(shown)}` : nothing
        }
      </button>`;
  }

  private renderField(field: 'name' | 'email', label: string, type: string, autocomplete: string, hint?: string) {
    const error = this.fieldError(field);
    const id = `buyer-${field}`;
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<div part="field" class="field">
      <label for=${id}>${label}</label>
      ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
      <input
        part="input"
        id=${id}
        name=${field}
        type=${type}
        autocomplete=${autocomplete}
        required
        maxlength=${field === 'name' ? 120 : 254}
        .value=${field === 'name' ? this.buyerName : this.buyerEmail}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${describedBy || nothing}
        @input=${(e: Event) => this.onInput(field, (e.target as HTMLInputElement).value)}
        @blur=${() => this.onBlur(field)}
      />
      ${error ? html`<span part="field-error" class="field-error" id="${id}-error">${error}</span>` : nothing}
    </div>`;
  }

  private renderDetails(offer: Offer, persona: Persona) {
    const busy = this.step === 'quoting' || this.step === 'ordering';
    const agreeError = this.fieldError('agree');
    const t = this.t;
    const label = t(
      this.step === 'quoting' ? 'checkout.quoting' : this.step === 'ordering' ? 'checkout.ordering' : 'checkout.submit',
    );
    const agreement = html`<a href=${offer.agreement.url} target="_blank" rel="noopener"
      >${t('checkout.agreement', { license: licenseTitle(t, offer.license) })}</a
    >`;
    return html`<form part="form" class="form" novalidate @submit=${(e: SubmitEvent) => this.onSubmitDetails(e, offer)}>
      ${this.renderField('name', t('checkout.name'), 'text', 'name', t('checkout.name-hint'))}
      ${this.renderField(
        'email',
        t('checkout.email'),
        'email',
        'email',
        forHolderOnly(offer) ? t('checkout.holder-email-hint') : undefined,
      )}
      ${
        offer.license === 'exclusive'
          ? html`<p part="tail" class="notice">${tailText(t, persona.commercialTail, this.store.value.formatDate)}</p>`
          : nothing
      }
      <div part="agreement field" class="field agreement">
        <div class="check">
          <input
            id="agree"
            type="checkbox"
            .checked=${this.agreed}
            aria-invalid=${agreeError ? 'true' : 'false'}
            aria-describedby=${agreeError ? 'agree-error' : nothing}
            @change=${(e: Event) => this.onInput('agree', (e.target as HTMLInputElement).checked)}
          />
          <label for="agree">
            ${t.parts('checkout.accept', {
              agreement,
              version: html`<span class="version">${offer.agreement.version}</span>`,
            })}
          </label>
        </div>
        ${agreeError ? html`<span part="field-error" class="field-error" id="agree-error">${agreeError}</span>` : nothing}
      </div>
      <p part="notice" class="notice"><strong>${t('checkout.final')}</strong> ${t('checkout.final-detail')}</p>
      <div class="actions">
        <button part="submit-button" class="primary" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${label}
        </button>
        <button type="button" @click=${() => this.onCancel()} ?disabled=${busy}>${t('common.cancel')}</button>
      </div>
    </form>`;
  }

  private renderPriceChange(offer: Offer) {
    const quote = this.quote!;
    const { formatMoney, formatDate, locale } = this.store.value;
    const shown = this.shownPrice(offer);
    const t = this.t;
    const price = html`<strong>${formatMoney(quote.price)}</strong>`;
    const priceChanged = this.priceDiffers(offer, quote);
    const tail = this.tailChanged && quote.commercialTail;
    const ended = this.holdEnded();
    return html`<div part="price-change" class="notice-box" role="group" aria-labelledby="price-change-title">
      <p id="price-change-title">
        <strong>${t(priceChanged ? 'checkout.price-changed' : 'checkout.terms-changed')}</strong>
      </p>
      ${tail ? html`<p part="tail">${t('checkout.tail-changed')} ${tailText(t, tail, formatDate)}</p>` : nothing}
      <p>
        ${
          !priceChanged
            ? nothing
            : html`${
                shown
                  ? t.parts('checkout.now-costs', { price, shown: formatMoney(shown) })
                  : t.parts('checkout.now-costs-only', { price })
              }
              ${t('checkout.charges-new')}`
        }
        ${t(ended ? 'checkout.held-until' : 'checkout.held', {
          date: formatDate(quote.expiresAt),
          time: new Date(quote.expiresAt).toLocaleTimeString(locale, { timeStyle: 'short' }),
        })}
      </p>
      <div class="actions">
        <button class="primary" type="button" @click=${() => this.onConfirmPrice(offer)}>
          ${ended ? t('checkout.requote') : t('checkout.continue-at', { price: formatMoney(quote.price) })}
        </button>
        <button type="button" @click=${() => this.onCancel()}>${t('common.cancel')}</button>
      </div>
    </div>`;
  }

  private renderPaying() {
    const order = this.order!;
    const { formatMoney } = this.store.value;
    const expires = new Date(order.expiresAt).toLocaleTimeString(this.store.value.locale, { timeStyle: 'short' });
    const t = this.t;
    const opener =
      this.payIn === 'popup' && this.popupBlocked
        ? html`<p>${t('checkout.popup-blocked')} ${this.newTabLink(this.hostedPage(order.checkoutUrl))}</p>`
        : html`<button type="button" class="primary" @click=${() => this.onReopen()}>
            ${t(this.payIn === 'overlay' ? 'checkout.return' : 'checkout.open')}
          </button>`;
    return html`<div part="status" class="status">
      <p>
        <strong>${t('checkout.waiting', { price: formatMoney(order.price) })}</strong>
        ${t('checkout.waiting-detail', { time: expires })}
      </p>
      ${opener} ${this.statusNote ? html`<p class="muted">${this.statusNote(t)}</p>` : nothing}
    </div>`;
  }

  private renderConfirming() {
    const c = this.order?.confirmations;
    const t = this.t;
    return html`<div part="status" class="status">
      <p><strong>${t('checkout.received')}</strong></p>
      ${
        c
          ? html`<progress
                part="progress"
                max=${c.required}
                .value=${c.received}
                aria-label=${t('checkout.confirmations-label')}
              ></progress>
              <p class="muted">${t('checkout.confirmations', { received: c.received, required: c.required })}</p>`
          : html`<progress part="progress" aria-label=${t('checkout.confirmations-label')}></progress>`
      }
      ${this.statusNote ? html`<p class="muted">${this.statusNote(t)}</p>` : nothing}
    </div>`;
  }

  private renderComplete(persona: Persona) {
    const cert = this.certificate;
    const order = this.order!;
    const { formatMoney, locale } = this.store.value;
    // As the platform's certificate states them: in UTC, said so, the same date in every time zone.
    const instant = (iso: string) => html`<time datetime=${iso}>${formatInstant(iso, locale)}</time>`;
    const t = this.t;
    return html`<section part="certificate" class="certificate" aria-labelledby="certificate-title">
      ${heading(this.headingLevel + 1, t('checkout.certificate'), { id: 'certificate-title', focusable: true })}
      <p>
        ${t.parts('checkout.complete', {
          license: licenseTitle(t, order.license),
          persona: html`<bdi>${persona.name}</bdi>`,
        })}
      </p>
      ${
        cert
          ? html`<dl class="summary">
                <div>
                  <dt>${t('checkout.license')}</dt>
                  <dd>${licenseTitle(t, cert.license)}</dd>
                </div>
                <div>
                  <dt>${t('checkout.persona')}</dt>
                  <dd>${cert.personaName}</dd>
                </div>
                <div>
                  <dt>${t('checkout.licensed-to')}</dt>
                  <dd>${cert.buyer.name}</dd>
                </div>
                <div>
                  <dt>${t('checkout.effective')}</dt>
                  <dd>${instant(cert.effectiveAt)}</dd>
                </div>
                <div>
                  <dt>${t('checkout.expires')}</dt>
                  <dd>${cert.expiresAt ? instant(cert.expiresAt) : t('checkout.no-expiry')}</dd>
                </div>
                <div>
                  <dt>${t('checkout.paid')}</dt>
                  <dd>${formatMoney(order.price)}</dd>
                </div>
                <div class="wide">
                  <dt>${t('checkout.certificate-id')}</dt>
                  <dd class="id">${cert.id}</dd>
                </div>
              </dl>
              ${
                cert.rights.length
                  ? html`<ul class="rights" lang="en">
                      ${cert.rights.map((r) => html`<li>${r}</li>`)}
                    </ul>`
                  : nothing
              }
              <div class="actions">
                <a class="button-link" href=${this.hostedPage(cert.url)} target="_blank" rel="noopener"
                  >${t('checkout.view-certificate')}</a
                >
                <button type="button" @click=${() => this.onBuyAnother()}>${t('checkout.buy-another')}</button>
              </div>`
          : this.problem
            ? nothing
            : html`<p class="muted" aria-busy="true">${t('checkout.certificate-loading')}</p>`
      }
    </section>`;
  }

  private renderProblem(offer: Offer | null) {
    const problem = this.problem!;
    const t = this.t;
    const labels = {
      'retry-order': 'common.try-again',
      requote: 'checkout.requote',
      restart: 'checkout.restart',
      choose: 'checkout.choose',
      'retry-certificate': 'checkout.retry-certificate',
      'retry-resume': 'checkout.retry-resume',
    } as const satisfies Record<Exclude<Remedy, null>, keyof typeof messages>;
    return html`<div part="error" class="error" role="alert" tabindex="-1">
      <p>${problem.say(t)}</p>
      ${
        problem.remedy
          ? html`<button
              type="button"
              class="primary"
              aria-disabled=${this.waitUntil ? 'true' : 'false'}
              @click=${() => this.onRemedy(problem.remedy, offer)}
            >
              ${t(labels[problem.remedy])}
            </button>`
          : nothing
      }
    </div>`;
  }

  /** "Open the secure checkout", in a tab of its own (said to screen readers), which may tell this page it paid. */
  private newTabLink(page: string) {
    return html`<a href=${page} target="_blank" rel="opener"
      >${this.t('checkout.open')}<span class="visually-hidden"> ${this.t('checkout.new-tab')}</span></a
    >`;
  }

  private renderDialog(persona: Persona) {
    const order = this.order;
    if (this.payIn !== 'overlay' || !order || (order.status !== 'awaiting_payment' && order.status !== 'confirming'))
      return nothing;
    const t = this.t;
    const page = this.hostedPage(order.checkoutUrl);
    // While it is open the page behind it is inert, the section's live region unheard: the progress is said in here.
    return html`<dialog part="payment-dialog" aria-labelledby="payment-title" @close=${() => this.onDialogClose()}>
      <div class="dialog-head">
        <h2 id="payment-title">${t('checkout.secure')}</h2>
        <button type="button" @click=${() => this.dialog?.close()}>${t('common.close')}</button>
      </div>
      <p class="visually-hidden" aria-live="polite">${this.payOpen ? this.announcement : ''}</p>
      ${
        this.payOpen
          ? html`<div class="frame-box">
              <p class="frame-loading" role="status">
                ${
                  // Slow to arrive: the buyer can open the same page in a tab of its own (the overlay stays).
                  this.frameWait.slow
                    ? html`<span>${t('common.slow')}</span> ${this.newTabLink(page)}`
                    : t('common.loading')
                }
              </p>
              <iframe
                part="payment-frame"
                src=${page}
                title=${t('checkout.frame', { persona: persona.name, license: licenseTitle(t, order.license) })}
                referrerpolicy="origin"
                @load=${frameLoaded}
              ></iframe>
            </div>`
          : nothing
      }
    </dialog>`;
  }

  private renderBody(persona: Persona) {
    const offer = this.offer(persona);
    if (!this.license || !offer) {
      return html`<p class="muted">${this.t('checkout.choose-license')}</p>`;
    }
    // Once the marketplace has quoted this tier, its price is the one to show, not the page's (a problem after
    // the buyer accepted a new price must not put the old one back above it).
    const quote = this.quote;
    const quoted = quote && quote.license === offer.license && quote.personaId === persona.id ? quote.price : null;
    const price = this.order?.price ?? quoted ?? this.shownPrice(offer);
    const summary = this.step === 'complete' ? nothing : this.renderSummary(persona, offer, price);
    let body;
    switch (this.step) {
      case 'ready':
        body = this.renderReady(persona, offer);
        break;
      case 'details':
      case 'quoting':
      case 'ordering':
        body = this.renderDetails(offer, persona);
        break;
      case 'price-changed':
        body = this.renderPriceChange(offer);
        break;
      case 'resuming':
        body = html`<p class="muted" aria-busy="true">${this.t('checkout.resuming')}</p>`;
        break;
      case 'paying':
        body = this.renderPaying();
        break;
      case 'confirming':
        body = this.renderConfirming();
        break;
      case 'complete':
        body = html`${this.renderComplete(persona)}${this.problem ? this.renderProblem(offer) : nothing}`;
        break;
      case 'problem':
        body = this.renderProblem(offer);
        break;
    }
    return html`${this.step === 'ready' ? nothing : this.renderSteps()}${summary}${body}`;
  }

  override render(): TemplateResult {
    // While the listing reloads (a sale changed it), and if that reload fails, the last copy stays on screen:
    // a certificate is never taken away by a dropped connection after the payment.
    const id = this.personaId();
    const value = this.listing.value(this.client, id);
    const shown = value && value.id === id ? value : null;
    const t = this.t;
    const choose = t(this.inDetailView ? 'checkout.choose-license' : 'checkout.choose-persona');
    const content = shown
      ? html`${this.renderBody(shown)}${this.renderDialog(shown)}`
      : this.loader.render({
          initial: () => html`<p class="muted">${choose}</p>`,
          pending: () =>
            html`<div class="skeleton" aria-busy="true">
              <span class="visually-hidden">${t('common.loading')}</span>
            </div>`,
          complete: () => html`<p class="muted">${choose}</p>`,
          error: (error) =>
            loadFailureView(
              error,
              t,
              { gone: t('persona.gone'), failed: t('checkout.failed') },
              () => void this.loader.run(),
              { part: 'error', cls: 'error' },
            ),
        });
    return html`<section part="base" class="base" aria-labelledby="title">
      ${heading(this.headingLevel, t('checkout.title'), { id: 'title', part: 'title', focusable: true })} ${content}
      <p class="visually-hidden" aria-live="polite">${this.payOpen ? '' : this.announcement}</p>
    </section>`;
  }
}
