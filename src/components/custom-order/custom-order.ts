import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { AipClient } from '../../api/client.js';
import { toApiError, type ApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import {
  CONTENT_RATINGS,
  CUSTOM_ORDER_TYPES,
  checkContract,
  PersonaSchema,
  ratingRank,
  type CustomOrderRequest,
  type Persona,
} from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import { heading } from '../../internal/headings.js';
import { isOffline, waitText } from '../../internal/failure.js';
import { loadFailureView } from '../../internal/failure-view.js';
import core from '../../locales/en/core.js';
import customOrder from '../../locales/en/custom-order.js';
import ratings from '../../locales/en/ratings.js';
import { shapeStyles } from '../../styles/shapes.js';
import { personaTask, StorefrontController } from '../storefront/storefront-controller.js';
import {
  ASPECT_RATIOS,
  checkBrief,
  earliestDeadline,
  emptyDraft,
  fieldOf,
  FIELDS,
  MAX_REFERENCES,
  type Checked,
  type Draft,
  type Field,
} from './brief.js';
import { AipCustomOrderSubmittedEvent } from '../../events/custom-order.js';
import { styles } from './custom-order.styles.js';

const messages = { ...core, ...ratings, ...customOrder };

/** The id of a field's control (the first one of a group). */
const idOf = (field: Field) => `f-${field.replace('.', '-')}`;

const budgetFields = new Map<string, { sign: string; after: boolean; placeholder: string }>();

/**
 * The budget field as `locale` writes US dollars: the sign, whether it follows
 * the amount (German: "250,00 $"), and the example amount without the sign.
 * Worked out once per locale (the form renders on every keystroke).
 */
function budgetField(locale: string): { sign: string; after: boolean; placeholder: string } {
  let field = budgetFields.get(locale);
  if (!field) {
    const parts = new Intl.NumberFormat(locale, { style: 'currency', currency: 'USD' }).formatToParts(250);
    const at = (type: Intl.NumberFormatPartTypes) => parts.findIndex((part) => part.type === type);
    const number = parts.filter((p) => ['integer', 'group', 'decimal', 'fraction'].includes(p.type));
    field = {
      sign: parts[at('currency')]?.value ?? '$',
      after: at('currency') > at('integer'),
      placeholder: number.map((p) => p.value).join(''),
    };
    budgetFields.set(locale, field);
  }
  return field;
}

/** One attempt at sending a brief: the body and the key every retry of it reuses, and the persona it is for. */
interface Attempt {
  key: string;
  body: string;
  request: CustomOrderRequest;
  persona: Persona;
  /** What was first sent with this key, when the buyer has changed the brief since. */
  first?: { body: string; request: CustomOrderRequest };
}

/** A filed brief, for the confirmation. */
interface Sent {
  id: string;
  request: CustomOrderRequest;
  persona: Persona;
  /** Filed as first sent, without the changes the buyer made after that send: they stay in the form. */
  changed?: boolean;
}

type Input = HTMLInputElement | HTMLTextAreaElement;

/**
 * A structured brief for custom work on one persona: the kind of work, its
 * goal and channel, how many deliverables in which formats, references, what
 * to avoid, the deadline, a budget in US dollars and a content rating no
 * higher than the persona's own, plus the buyer's name and email. It is sent
 * to the marketplace, which files it for the persona's creator to review on
 * the platform; the confirmation shows the request number and what happens
 * next. No contact details are exchanged between buyer and creator.
 *
 * Every field is checked against the marketplace contract when the buyer
 * leaves it after changing it (a keyboard user tabbing through the empty
 * brief is not told off) and again on sending: the message sits next to the
 * field, a summary at the top links to each, and focus moves to the first
 * one. Screen readers hear how many fields need attention once per send;
 * the summary then follows the fixes silently. Fields the server refuses get
 * their message the same way. Nothing the buyer typed is lost on any error.
 *
 * Sending is idempotent: one `Idempotency-Key` goes with every send of a
 * brief until it is filed or refused, so a retry after a network error, a
 * timeout or a server error never files it twice. A brief edited after such a
 * failure keeps the key too: the marketplace files it if the first send never
 * arrived; if it did, the element asks for that brief again, unchanged, and
 * confirms it with its request number, saying the changes are not in it; they
 * stay in the form for another brief. While a brief is on its way, further
 * sends are ignored.
 *
 * ```html
 * <aip-storefront api="https://api.example">
 *   <aip-custom-order persona="noor-haddad"></aip-custom-order>
 * </aip-storefront>
 * ```
 *
 * @summary A brief for custom work on a persona, sent to the platform.
 * @tag aip-custom-order
 *
 * @fires {AipCustomOrderSubmittedEvent} aip-custom-order-submitted - The brief was filed; `detail.id` is its request number.
 *
 * @csspart base - The whole element, in every state.
 * @csspart header - The title and the persona the brief is for.
 * @csspart title - The heading of the form, and of the confirmation.
 * @csspart persona - Whose persona the brief is for.
 * @csspart error-summary - The list of fields to fix, above the form.
 * @csspart form - The form.
 * @csspart section - Each group of fields ("The work", "Timing and budget", "Your details").
 * @csspart field - Each field with its label, hint and message (also `field-invalid` while it has a message).
 * @csspart label - A field's label or legend.
 * @csspart hint - A field's hint.
 * @csspart field-error - A field's error message.
 * @csspart control - Each text input, textarea and date input.
 * @csspart option - Each radio button or checkbox with its label.
 * @csspart alert - Why the brief could not be sent, with the next step.
 * @csspart retry-button - The alert's "Try again" button.
 * @csspart actions - The row of the send button.
 * @csspart submit-button - The "Send brief" button.
 * @csspart confirmation - The confirmation shown once the brief is filed.
 * @csspart request-number - The request number in the confirmation.
 * @csspart changes - On the confirmation of a brief filed as first sent, the note that the buyer's later changes are not in it.
 * @csspart brief-summary - The summary of the filed brief.
 * @csspart next-steps - What happens next.
 * @csspart new-brief-button - The "Send another brief" button.
 * @csspart status - The loading, error and "not shown" messages.
 *
 * @cssprop --aip-custom-order-gap - Space between fields; `--aip-space-4` by default.
 * @cssprop --aip-custom-order-field-min-width - Narrowest a field gets before paired fields stack; 14rem by default.
 * @cssprop --aip-custom-order-control-border-color - Border of inputs; `--aip-color-text-muted` by default.
 * @cssprop --aip-custom-order-control-background - Background of inputs; `--aip-color-surface` by default.
 * @cssprop --aip-custom-order-radius - Corner radius of inputs and boxes; `--aip-radius-s` by default.
 * @cssprop --aip-color-accent - Buttons, checked options and focus rings.
 * @cssprop --aip-color-danger - Error messages and invalid fields.
 * @cssprop --aip-color-success - The confirmation's mark.
 */
export class AipCustomOrder extends AipElement {
  static override styles = [...AipElement.styles, shapeStyles, styles];

  private readonly store = new StorefrontController(this);

  private readonly loader = personaTask(this, this.store, () => (this.data ? null : this.personaId()));

  private readonly sender = new Task(this, {
    autoRun: false,
    task: ([client, request, key]: readonly [AipClient, CustomOrderRequest, string], { signal }) =>
      client.createCustomOrder(request, { idempotencyKey: key, signal }),
    onComplete: (order) => this.onSent(order.id),
    onError: (error) => this.onFailed(toApiError(error)),
  });

  @state() private draft: Draft = emptyDraft();
  /** Fields whose message is shown: changed and left by the buyer, or all of them after a send. */
  @state() private touched = new Set<Field>();
  /** Fields the buyer has changed; leaving one of these shows its message. */
  private edited = new Set<Field>();
  /** What the server said about fields (its own words), until the buyer edits them. */
  @state() private serverErrors: Partial<Record<Field, string>> = {};
  /** Why the last send failed, when it isn't about a field. */
  @state() private failure: ApiError | null = null;
  @state() private summaryShown = false;
  @state() private sent: Sent | null = null;
  /** Asking again for the brief first sent with the key, which the marketplace filed after all. */
  private recovering = false;
  /** While the server asked us to wait (429), when the wait ends. */
  @state() private waitUntil = 0;
  /** The wait the marketplace asked for, as said once in the alert (a countdown there would be read out each second). */
  private waitSeconds = 0;
  @state() private announcement = '';
  /**
   * What the alert region says after a send found problems. Each send makes a
   * new `serial`, so the same words are announced again; fixes never change it.
   */
  @state() private problems: { text: string; serial: number } | null = null;

  /** `data` checked against the contract (null when it is not a persona); derived in willUpdate. */
  private given: Persona | null = null;
  /** The draft's check against the contract; derived in willUpdate. */
  private checked: Checked = { request: null, errors: {} };
  private attempt: Attempt | null = null;
  /** The persona last shown, kept while the same one reloads so the form stays put. */
  private lastPersona: Persona | null = null;
  private waitTimer = 0;

  /** Id of the persona the brief is for, e.g. `noor-haddad`. Ignored when `data` is set. */
  @property() persona: string | null = null;

  /** The persona itself, when the host already has it; no request is made for it. Checked like an API response. */
  @property({ attribute: false }) data: Persona | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  /**
   * Heading level of the brief's title (1–5, default 2); its sections' headings are one level below. In
   * `<aip-persona-detail>` it follows the detail's sections unless set.
   */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.waitTimer);
    this.waitTimer = 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.store.localeChanged()) this.announcement = '';
    if (changed.has('headingLevel')) this.headingLevel = this.headingLevelIn(this.headingLevel, 1, 5, 2);
    if (changed.has('data')) this.given = this.data ? this.checkData(this.data) : null;
    // The host shows another persona: the confirmation of a brief sent for the last one gives way to its form.
    if (this.sent && (changed.has('data') || changed.has('persona'))) {
      const id = this.data ? this.given?.id : this.personaId();
      if (id !== this.sent.persona.id) this.clearSent();
    }
    const shown = this.shownPersona();
    if (shown) this.lastPersona = shown;
    this.check();
  }

  /** A heading one level below the brief's title. */
  private sub(content: unknown, id?: string): TemplateResult {
    return heading(this.headingLevel + 1, content, { id, class: 'sub' });
  }

  /** Texts in the storefront's language. */
  private get t() {
    return this.store.value.translate(messages);
  }

  private check(): void {
    const shown = this.shownPersona();
    const { locale } = this.store.value;
    const cap = shown?.contentRating ?? 'general';
    this.checked = checkBrief(this.draft, shown?.id ?? '', cap, earliestDeadline(), this.t, locale);
  }

  /** The `persona` property as a listing id, or null (with a warning when it is not one, of any type). */
  private personaId(): string | null {
    return this.validSlug('persona', this.persona, 'is not a listing id.');
  }

  /** The host's `data`, checked like every response from the marketplace; null, with a warning, if it isn't a persona. */
  private checkData(data: unknown): Persona | null {
    const checked = checkContract(PersonaSchema, data, 'data');
    if (checked.ok) return checked.output;
    this.warnOnce(`data ${checked.problem}`, `data is not a persona (${checked.problem}); the form is not shown.`);
    return null;
  }

  /** The persona the form is for now, if it is loaded. */
  private shownPersona(): Persona | null {
    if (this.data) return this.given;
    if (this.loader.status === TaskStatus.COMPLETE) return this.loader.value ?? null;
    const last = this.lastPersona;
    return this.loader.status === TaskStatus.PENDING && last && last.id === this.personaId() ? last : null;
  }

  /** The message to show for a field now, if any. */
  private errorFor(field: Field): string | undefined {
    const detail = this.serverErrors[field];
    const server =
      detail === undefined
        ? undefined
        : this.t('custom-order.server-field', { field: this.t(`field.${field}`), detail });
    return (this.touched.has(field) ? this.checked.errors[field] : undefined) ?? server;
  }

  private get sending(): boolean {
    return this.sender.status === TaskStatus.PENDING;
  }

  // ----- handlers ------------------------------------------------------------

  private edit(field: Field, change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    this.edited.add(field);
    // Said once per send: cleared, not updated, so it is neither read again nor left stale.
    this.problems = null;
    if (this.serverErrors[field] !== undefined) this.serverErrors = { ...this.serverErrors, [field]: undefined };
  }

  private touch(field: Field): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
  }

  /** The buyer left a field: check it only if they changed it, so merely passing through flags nothing. */
  private leave(field: Field): void {
    if (this.edited.has(field)) this.touch(field);
  }

  private onText(field: Field, key: keyof Draft) {
    return (event: Event) => this.edit(field, { [key]: (event.target as Input).value });
  }

  private onToggleFormat(ratio: string, on: boolean): void {
    const formats = ASPECT_RATIOS.filter((r) => (r === ratio ? on : this.draft.formats.includes(r)));
    this.edit('formats', { formats });
    this.touch('formats');
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    this.send();
  }

  /** Checks the brief and sends it, reusing the last attempt's key when the brief is unchanged. */
  private send(): void {
    const persona = this.shownPersona();
    if (this.sending || !persona || Date.now() < this.waitUntil) return;
    this.touched = new Set(FIELDS);
    this.summaryShown = true;
    this.failure = null;
    this.check();
    const { request } = this.checked;
    const invalid = FIELDS.find((f) => this.errorFor(f));
    if (!request || invalid) {
      this.announcement = '';
      this.announceProblems();
      if (invalid) void this.updateComplete.then(() => this.focusField(invalid));
      return;
    }
    this.problems = null;
    const body = JSON.stringify(request);
    if (this.attempt?.body !== body) {
      // A brief changed after a send that got no answer keeps its key: if that send was filed after all, the
      // marketplace refuses the key rather than file a second brief, and the buyer decides (see renderFailure).
      const last = this.attempt?.persona.id === persona.id ? this.attempt : null;
      this.attempt = last
        ? { key: last.key, body, request, persona, first: last.first ?? { body: last.body, request: last.request } }
        : { key: newIdempotencyKey(), body, request, persona };
    }
    this.announcement = this.t('custom-order.sending-announcement');
    void this.sender.run([this.store.value.client, this.attempt.request, this.attempt.key]);
  }

  /** "Try again" in the alert: the alert goes while the brief is sent, and focus goes to the button saying so. */
  private retry(): void {
    this.send();
    if (this.sending) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLElement>('[part="submit-button"]')?.focus(),
      );
    }
  }

  private onSent(id: string): void {
    // The persona the brief went to, even if the host has shown another one since.
    const sent = this.attempt;
    this.attempt = null;
    if (!sent) return;
    this.sent = { id, request: sent.request, persona: sent.persona, changed: this.recovering };
    this.recovering = false;
    this.announcement = '';
    this.problems = null;
    this.emit(new AipCustomOrderSubmittedEvent({ id }));
    void this.updateComplete.then(() => this.focusTitle());
  }

  private onFailed(error: ApiError): void {
    if (error.code === 'aborted') return;
    this.announcement = '';
    if (error.code === 'invalid_request') {
      const fields: Partial<Record<Field, string>> = {};
      for (const d of error.details) {
        const field = fieldOf(d.field);
        if (field && fields[field] === undefined) fields[field] = d.message;
      }
      const first = FIELDS.find((f) => fields[f] !== undefined);
      if (first) {
        this.serverErrors = fields;
        this.summaryShown = true;
        this.announceProblems();
        void this.updateComplete.then(() => this.focusField(first));
        return;
      }
    }
    const attempt = this.attempt;
    if (attempt?.first && error.code === 'business_rule' && error.details.some((d) => d.field === 'Idempotency-Key')) {
      // The brief first sent with this key was filed after all: asked for again, unchanged, the marketplace
      // answers with it, and the buyer gets its number (the changes stay in the form for another brief).
      this.recovering = true;
      this.attempt = { key: attempt.key, persona: attempt.persona, ...attempt.first };
      // After this run has ended (this is its error callback).
      queueMicrotask(() => void this.sender.run([this.store.value.client, attempt.first!.request, attempt.key]));
      return;
    }
    this.recovering = false;
    // A key the server saw with another body, or a rule it applies: the next send is a new attempt.
    if (error.code === 'business_rule' || error.code === 'invalid_request') this.attempt = null;
    if (error.code === 'rate_limited') this.startWait(error.retryAfter ?? 0);
    this.failure = error;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="alert"]')?.focus());
  }

  private startWait(seconds: number): void {
    this.waitSeconds = seconds;
    this.waitUntil = Date.now() + seconds * 1000;
    clearInterval(this.waitTimer);
    this.waitTimer = window.setInterval(() => {
      if (Date.now() >= this.waitUntil) {
        clearInterval(this.waitTimer);
        this.waitTimer = 0;
      }
      this.requestUpdate();
    }, 1000);
  }

  private onNewBrief(): void {
    this.clearSent();
    void this.updateComplete.then(() => this.focusTitle());
  }

  /** From a sent brief to an empty form; the buyer's name and email stay. */
  private clearSent(): void {
    // After a brief filed without the buyer's later changes, the next one starts from them.
    if (!this.sent?.changed) this.draft = emptyDraft({ name: this.draft.name, email: this.draft.email });
    this.touched = new Set();
    this.edited = new Set();
    this.serverErrors = {};
    this.failure = null;
    this.summaryShown = false;
    this.problems = null;
    this.sent = null;
  }

  /** The fields with a message now, in form order. */
  private problemFields(): Field[] {
    return FIELDS.filter((f) => this.errorFor(f));
  }

  /**
   * Says how many fields need attention, once for this send. The summary
   * itself is not a live region: it follows each fix, and an alert there
   * would interrupt the buyer with a new count at every keystroke.
   */
  private announceProblems(): void {
    const count = this.problemFields().length;
    if (!count) return;
    const text = this.t('custom-order.summary', { count });
    this.problems = { text, serial: (this.problems?.serial ?? 0) + 1 };
  }

  private focusTitle(): void {
    this.renderRoot.querySelector<HTMLElement>('[part="title"]')?.focus();
  }

  /** Focuses a field's control: the chosen radio of a group, or its first control. */
  private focusField(field: Field): void {
    const root = this.renderRoot;
    const group = root.querySelector(`[data-field="${field}"]`);
    const target =
      group?.querySelector<HTMLElement>('input:checked') ?? root.querySelector<HTMLElement>(`#${idOf(field)}`);
    target?.focus();
  }

  // ----- rendering -----------------------------------------------------------

  /** `aria-describedby` for a field: its hint, then its message. */
  private describedBy(field: Field, hint: boolean): string | typeof nothing {
    const id = idOf(field);
    const ids = [hint ? `${id}-hint` : '', this.errorFor(field) ? `${id}-error` : ''].filter(Boolean);
    return ids.length ? ids.join(' ') : nothing;
  }

  private renderMessage(field: Field) {
    const error = this.errorFor(field);
    return error
      ? html`<p part="field-error" class="field-error" id="${idOf(field)}-error">
          <span class="visually-hidden">${this.t('custom-order.error')}</span> ${error}
        </p>`
      : nothing;
  }

  private renderLabel(text: string, optional: boolean) {
    return html`${text}${optional ? html` <span class="optional">${this.t('custom-order.optional')}</span>` : nothing}`;
  }

  /** A labelled single control with its hint and message. */
  private renderField(
    field: Field,
    label: string,
    hint: string | null,
    control: (describedBy: string | typeof nothing, invalid: boolean) => TemplateResult,
    optional = false,
  ) {
    const invalid = !!this.errorFor(field);
    return html`<div part="field${invalid ? ' field-invalid' : ''}" class="field${invalid ? ' invalid' : ''}">
      <label part="label" for=${idOf(field)}>${this.renderLabel(label, optional)}</label>
      ${hint ? html`<p part="hint" class="hint" id="${idOf(field)}-hint">${hint}</p>` : nothing}
      ${this.renderMessage(field)} ${control(this.describedBy(field, !!hint), invalid)}
    </div>`;
  }

  /**
   * A group of radios or checkboxes under a legend, with its hint and message. A group of radios is a radio
   * group, which carries the required and invalid states (a radio button itself cannot; a native `required` on
   * the radios would have Chromium call each of them invalid before the buyer did anything).
   */
  private renderGroup(field: Field, legend: string, hint: unknown, options: TemplateResult, optional = false) {
    const invalid = !!this.errorFor(field);
    const radios = field !== 'formats';
    return html`<fieldset
      part="field${invalid ? ' field-invalid' : ''}"
      class="field group${invalid ? ' invalid' : ''}"
      data-field=${field}
      role=${radios ? 'radiogroup' : nothing}
      aria-required=${radios && !optional ? 'true' : nothing}
      aria-invalid=${radios && invalid ? 'true' : nothing}
      aria-describedby=${this.describedBy(field, !!hint)}
    >
      <legend part="label">${this.renderLabel(legend, optional)}</legend>
      ${hint ? html`<p part="hint" class="hint" id="${idOf(field)}-hint">${hint}</p>` : nothing}
      ${this.renderMessage(field)} ${options}
    </fieldset>`;
  }

  private renderText(field: Field, key: keyof Draft, attrs: { type?: string; max: number; autocomplete?: string }) {
    return (describedBy: string | typeof nothing, invalid: boolean) =>
      html`<input
        part="control"
        id=${idOf(field)}
        name=${key}
        type=${attrs.type ?? 'text'}
        maxlength=${attrs.max}
        autocomplete=${attrs.autocomplete ?? nothing}
        required
        .value=${this.draft[key] as string}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onText(field, key)}
        @blur=${() => this.leave(field)}
      />`;
  }

  private renderTextarea(field: Field, key: keyof Draft, max: number | null, rows: number, required = true) {
    return (describedBy: string | typeof nothing, invalid: boolean) =>
      html`<textarea
        part="control"
        id=${idOf(field)}
        rows=${rows}
        maxlength=${max ?? nothing}
        ?required=${required}
        .value=${this.draft[key] as string}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onText(field, key)}
        @blur=${() => this.leave(field)}
      ></textarea>`;
  }

  private renderSummary() {
    const fields = this.summaryShown ? this.problemFields() : [];
    if (!fields.length) return nothing;
    return html`<div part="error-summary" class="error-summary" role="group" aria-labelledby="summary-title">
      ${this.sub(this.t('custom-order.summary', { count: fields.length }), 'summary-title')}
      <ul>
        ${fields.map(
          (f) =>
            html`<li>
              <a
                href="#${idOf(f)}"
                @click=${(e: Event) => {
                  e.preventDefault();
                  this.focusField(f);
                }}
                >${this.errorFor(f)}</a
              >
            </li>`,
        )}
      </ul>
    </div>`;
  }

  private renderWork() {
    const d = this.draft;
    const t = this.t;
    return html`<section part="section" class="section" aria-labelledby="work-title">
      ${this.sub(t('custom-order.work'), 'work-title')}
      ${this.renderGroup(
        'type',
        t('field.type'),
        null,
        html`<div class="options types">
          ${CUSTOM_ORDER_TYPES.map(
            (type, i) =>
              html`<label part="option" class="option">
                <input
                  id=${i === 0 ? idOf('type') : nothing}
                  type="radio"
                  name="type"
                  value=${type}
                  .checked=${d.type === type}
                  @change=${() => {
                    this.edit('type', { type });
                    this.touch('type');
                  }}
                />
                <span>${t(`custom-order-type.${type}`)}</span>
              </label>`,
          )}
        </div>`,
      )}
      ${this.renderField(
        'goal',
        t('field.goal'),
        t('custom-order.goal-hint'),
        this.renderTextarea('goal', 'goal', 2000, 4),
      )}
      <div class="pair">
        ${this.renderField(
          'channel',
          t('field.channel'),
          t('custom-order.channel-hint'),
          this.renderText('channel', 'channel', { max: 200 }),
        )}
        ${this.renderField(
          'deliverableCount',
          t('field.deliverableCount'),
          t('custom-order.count-hint', { min: 1, max: 100 }),
          (describedBy, invalid) => {
            return html`<input
              part="control"
              class="count"
              id=${idOf('deliverableCount')}
              type="number"
              inputmode="numeric"
              min="1"
              max="100"
              step="1"
              required
              .value=${d.count}
              aria-invalid=${invalid ? 'true' : 'false'}
              aria-describedby=${describedBy}
              @input=${this.onText('deliverableCount', 'count')}
              @blur=${() => this.leave('deliverableCount')}
            />`;
          },
        )}
      </div>
      ${this.renderGroup(
        'formats',
        t('field.formats'),
        t('custom-order.formats-hint'),
        html`<div class="options ratios">
            ${ASPECT_RATIOS.map(
              (ratio, i) =>
                html`<label part="option" class="option">
                  <input
                    id=${i === 0 ? idOf('formats') : nothing}
                    type="checkbox"
                    aria-invalid=${this.errorFor('formats') ? 'true' : 'false'}
                    value=${ratio}
                    .checked=${d.formats.includes(ratio)}
                    @change=${(e: Event) => this.onToggleFormat(ratio, (e.target as HTMLInputElement).checked)}
                  />
                  <span>${ratio} <span class="muted">${t(`ratio.${ratio}`)}</span></span>
                </label>`,
            )}
          </div>
          <label class="other" for="f-other-format">${this.renderLabel(t('custom-order.other-format'), true)}</label>
          <input
            part="control"
            id="f-other-format"
            class="other-input"
            type="text"
            maxlength="40"
            placeholder=${t('custom-order.other-format-placeholder')}
            .value=${d.otherFormat}
            aria-invalid=${this.errorFor('formats') ? 'true' : 'false'}
            aria-describedby=${this.describedBy('formats', false)}
            @input=${this.onText('formats', 'otherFormat')}
            @blur=${() => this.leave('formats')}
          />`,
      )}
      ${this.renderField(
        'references',
        t('field.references'),
        t('custom-order.references-hint', { max: MAX_REFERENCES }),
        this.renderTextarea('references', 'references', null, 3, false),
        true,
      )}
      ${this.renderField(
        'mustAvoid',
        t('field.mustAvoid'),
        t('custom-order.must-avoid-hint'),
        this.renderTextarea('mustAvoid', 'mustAvoid', 2000, 3, false),
        true,
      )}
    </section>`;
  }

  private renderTerms(persona: Persona) {
    const d = this.draft;
    const cap = ratingRank(persona.contentRating);
    const ratings = CONTENT_RATINGS.filter((r) => ratingRank(r) <= cap);
    const t = this.t;
    const { locale } = this.store.value;
    const dollar = budgetField(locale);
    return html`<section part="section" class="section" aria-labelledby="terms-title">
      ${this.sub(t('custom-order.terms'), 'terms-title')}
      <div class="pair">
        ${this.renderField('deadline', t('field.deadline'), t('custom-order.deadline-hint'), (describedBy, invalid) => {
          return html`<input
            part="control"
            id=${idOf('deadline')}
            type="date"
            required
            min=${earliestDeadline()}
            .value=${d.deadline}
            aria-invalid=${invalid ? 'true' : 'false'}
            aria-describedby=${describedBy}
            @input=${this.onText('deadline', 'deadline')}
            @blur=${() => this.leave('deadline')}
          />`;
        })}
        ${this.renderField(
          'budget',
          t('custom-order.budget'),
          t('custom-order.budget-hint'),
          (describedBy, invalid) =>
            html`<div class=${`money${dollar.after ? ' sign-after' : ''}${dollar.sign.length > 1 ? ' sign-long' : ''}`}>
              <span class="currency" aria-hidden="true">${dollar.sign}</span>
              <input
                part="control"
                id=${idOf('budget')}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                required
                placeholder=${dollar.placeholder}
                .value=${d.budget}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @input=${this.onText('budget', 'budget')}
                @blur=${() => this.leave('budget')}
              />
            </div>`,
        )}
      </div>
      ${this.renderGroup(
        'rating',
        t('field.rating'),
        ratings.length > 1
          ? t.parts('custom-order.rating-hint', {
              rating: t(`rating-label.${persona.contentRating}`),
              name: html`<bdi>${persona.name}</bdi>`,
            })
          : t.parts('custom-order.rating-general', { name: html`<bdi>${persona.name}</bdi>` }),
        html`<div class="options">
          ${ratings.map(
            (rating, i) =>
              html`<label part="option" class="option">
                <input
                  id=${i === 0 ? idOf('rating') : nothing}
                  type="radio"
                  name="rating"
                  value=${rating}
                  .checked=${d.rating === rating}
                  @change=${() => {
                    this.edit('rating', { rating });
                    this.touch('rating');
                  }}
                />
                <span>${t(`rating-label.${rating}`)}</span>
              </label>`,
          )}
        </div>`,
      )}
    </section>`;
  }

  private renderBuyer() {
    const t = this.t;
    return html`<section part="section" class="section" aria-labelledby="buyer-title">
      ${this.sub(t('custom-order.buyer'), 'buyer-title')}
      <p class="hint">${t('custom-order.buyer-hint')}</p>
      <div class="pair">
        ${this.renderField(
          'buyer.name',
          t('field.buyer.name'),
          null,
          this.renderText('buyer.name', 'name', { max: 120, autocomplete: 'name' }),
        )}
        ${this.renderField(
          'buyer.email',
          t('field.buyer.email'),
          null,
          this.renderText('buyer.email', 'email', { type: 'email', max: 254, autocomplete: 'email' }),
        )}
      </div>
    </section>`;
  }

  /** Why the last send failed, in words, with the next step. */
  private renderFailure(persona: Persona) {
    const error = this.failure;
    if (!error) return nothing;
    let text: unknown;
    let retry = false;
    const t = this.t;
    const once = t('custom-order.once');
    const wait = Math.max(0, Math.ceil((this.waitUntil - Date.now()) / 1000));
    switch (error.code) {
      case 'not_found':
        text = t.parts('custom-order.send-gone', { name: html`<bdi>${persona.name}</bdi>` });
        break;
      case 'rate_limited':
        text = `${wait > 0 ? t('custom-order.busy-wait', { wait: waitText(t, this.waitSeconds) }) : t('custom-order.busy')} ${once}`;
        retry = true;
        break;
      case 'network':
        text = `${t(isOffline() ? 'custom-order.offline' : 'custom-order.network')} ${once}`;
        retry = true;
        break;
      case 'timeout':
        text = `${t('custom-order.timeout')} ${once}`;
        retry = true;
        break;
      case 'business_rule':
      case 'conflict':
        text = t('custom-order.refused', { message: error.message });
        break;
      case 'payload_too_large':
        text = t('custom-order.too-large');
        break;
      case 'invalid_request':
        text = t('custom-order.invalid', { message: error.message });
        break;
      default:
        text = `${t('custom-order.problem')} ${once}`;
        retry = true;
    }
    return html`<div part="alert" class="alert" role="alert" tabindex="-1">
      <p>${text}</p>
      ${
        retry
          ? html`<button
              part="retry-button"
              type="button"
              aria-disabled=${wait > 0 || this.sending ? 'true' : 'false'}
              @click=${() => this.retry()}
            >
              ${t('common.try-again')}
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderForm(persona: Persona) {
    const busy = this.sending;
    const waiting = this.waitUntil > Date.now();
    const t = this.t;
    return html`<div part="header" class="header">
        ${heading(this.headingLevel, t('custom-order.title'), { part: 'title', focusable: true })}
        <p part="persona" class="persona">
          ${t.parts('custom-order.for', {
            name: html`<strong><bdi>${persona.name}</bdi></strong>`,
            creator: html`<bdi>${persona.creator.name}</bdi>`,
          })}
        </p>
        <p class="hint">${t('custom-order.intro')}</p>
      </div>
      ${this.renderSummary()}
      <form part="form" class="form" novalidate aria-busy=${busy ? 'true' : 'false'} @submit=${this.onSubmit}>
        ${this.renderWork()} ${this.renderTerms(persona)} ${this.renderBuyer()} ${this.renderFailure(persona)}
        <div part="actions" class="actions">
          <button
            part="submit-button"
            class="primary"
            type="submit"
            aria-disabled=${busy || waiting ? 'true' : 'false'}
          >
            ${t(busy ? 'custom-order.sending' : 'custom-order.submit')}
          </button>
        </div>
      </form>`;
  }

  private renderSent({ id, request, persona, changed }: Sent) {
    const settings = this.store.value;
    const t = this.t;
    const formats = request.formats.join(', ');
    const rows: [string, unknown][] = [
      [
        t('custom-order.persona'),
        t.parts('custom-order.persona-by', {
          name: html`<bdi>${persona.name}</bdi>`,
          creator: html`<bdi>${persona.creator.name}</bdi>`,
        }),
      ],
      [t('field.type'), t(`custom-order-type.${request.type}`)],
      [t('custom-order.deliverables'), `${request.deliverableCount} × ${formats}`],
      [t('field.channel'), request.channel],
      // Noon local time: the date input's day, whatever the viewer's time zone.
      [t('field.deadline'), settings.formatDate(`${request.deadline}T12:00:00`)],
      [t('field.budget'), settings.formatMoney(request.budget)],
      [t('field.rating'), t(`rating-label.${request.rating}`)],
      [t('custom-order.replies'), request.buyer.email],
    ];
    return html`<section part="confirmation" class="confirmation" aria-labelledby="sent-title">
      ${heading(this.headingLevel, html`<span class="mark" aria-hidden="true">✓</span> ${t('custom-order.sent')}`, {
        id: 'sent-title',
        part: 'title',
        focusable: true,
      })}
      <p>
        ${t.parts('custom-order.request-number', {
          id: html`<strong part="request-number" class="request-number">${id}</strong>`,
        })}
      </p>
      ${changed ? html`<p part="changes">${t('custom-order.changes-not-sent')}</p>` : nothing}
      <dl part="brief-summary" class="brief-summary">
        ${rows.map(
          ([term, value]) =>
            html`<div>
              <dt>${term}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      ${this.sub(t('custom-order.next'))}
      <ol part="next-steps" class="next-steps">
        <li>${t.parts('custom-order.next-1', { creator: html`<bdi>${persona.creator.name}</bdi>` })}</li>
        <li>${t('custom-order.next-2')}</li>
        <li>${t('custom-order.next-3')}</li>
        <li>${t('custom-order.next-4')}</li>
      </ol>
      <button part="new-brief-button" type="button" @click=${this.onNewBrief}>${t('custom-order.new')}</button>
    </section>`;
  }

  private renderSkeleton() {
    return html`<p part="status" class="visually-hidden" role="status">${this.t('custom-order.loading')}</p>
      <div class="skeleton" aria-hidden="true">
        <div class="line title pulse"></div>
        <div class="line short pulse"></div>
        ${[0, 1, 2, 3].map(
          () =>
            html`<div class="line label pulse"></div>
              <div class="box pulse"></div>`,
        )}
      </div>`;
  }

  private renderError(error: unknown) {
    const t = this.t;
    return loadFailureView(
      error,
      t,
      { gone: t('custom-order.gone'), failed: t('custom-order.failed') },
      () => void this.loader.run(),
    );
  }

  override render() {
    const shown = this.shownPersona();
    const allowed = shown !== null && this.store.value.allowsRating(shown.contentRating);
    let content;
    if (this.sent) content = this.renderSent(this.sent);
    else if (shown) {
      content = allowed
        ? this.renderForm(shown)
        : html`<p part="status" class="status muted">${this.t('custom-order.not-shown')}</p>`;
    } else if (this.data) {
      // The host's data is not a persona (the console says why); trying again would check the same data.
      content = html`<div part="status" class="status" role="alert">
        <p class="error">${this.t('custom-order.failed')}</p>
      </div>`;
    } else if (!this.persona) content = this.renderSkeleton();
    else {
      content = this.loader.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: () => this.renderError({ code: 'not_found' }),
        error: (e) => this.renderError(e),
      });
    }
    const busy = !this.sent && !shown && !this.data && (!this.persona || this.loader.status <= TaskStatus.PENDING);
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${content}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
      <div class="visually-hidden" role="alert">
        ${this.problems ? keyed(this.problems.serial, html`<p>${this.problems.text}</p>`) : nothing}
      </div>
    </div>`;
  }
}
