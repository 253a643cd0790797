import { Task, TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { AipClient } from '../../api/client.js';
import { toApiError, type ApiError } from '../../api/errors.js';
import { newIdempotencyKey } from '../../api/idempotency.js';
import {
  CONTENT_RATINGS,
  CUSTOM_ORDER_TYPES,
  ratingRank,
  type ContentRating,
  type CustomOrderRequest,
  type Persona,
} from '../../api/schemas.js';
import { AipElement } from '../../internal/aip-element.js';
import { loadFailureHint } from '../../internal/failure.js';
import { CUSTOM_ORDER_TYPE_LABELS } from '../../internal/labels.js';
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
import { AipCustomOrderSubmittedEvent } from './custom-order-submitted.js';
import { styles } from './custom-order.styles.js';

const RATING_LABELS: Record<ContentRating, string> = {
  general: 'General audiences',
  suggestive: 'Suggestive (18+)',
  erotic: 'Erotic (18+)',
  explicit: 'Explicit (18+)',
};

const RATIO_HINTS: Record<(typeof ASPECT_RATIOS)[number], string> = {
  '1:1': 'square',
  '4:5': 'portrait',
  '9:16': 'vertical, for stories and reels',
  '16:9': 'landscape',
};

/** How the summary and the server's messages name each field. */
const FIELD_NAMES: Record<Field, string> = {
  type: 'Kind of work',
  goal: 'Goal',
  channel: 'Channel',
  deliverableCount: 'Number of deliverables',
  formats: 'Formats',
  references: 'Reference links',
  mustAvoid: 'Must avoid',
  deadline: 'Deadline',
  budget: 'Budget',
  rating: 'Content rating',
  'buyer.name': 'Your name',
  'buyer.email': 'Your email',
};

/** The id of a field's control (the first one of a group). */
const idOf = (field: Field) => `f-${field.replace('.', '-')}`;

/** One attempt at sending a brief: the body and the key every retry of it reuses. */
interface Attempt {
  key: string;
  body: string;
  request: CustomOrderRequest;
}

/** A filed brief, for the confirmation. */
interface Sent {
  id: string;
  request: CustomOrderRequest;
  persona: Persona;
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
 * Every field is checked against the marketplace contract as the buyer
 * leaves it and again on sending: the message sits next to the field, a
 * summary at the top links to each, and focus moves to the first one. Fields
 * the server refuses get their message the same way. Nothing the buyer typed
 * is lost on any error.
 *
 * Sending is idempotent: each attempt carries one `Idempotency-Key`, reused
 * when the same brief is sent again after a network error, a timeout or a
 * server error, so a retry never files it twice. Editing the brief starts a
 * new attempt. While a brief is on its way, further sends are ignored.
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

  private readonly loader = personaTask(this, this.store, () =>
    this.data ? null : this.validSlug('persona', this.persona, 'is not a listing id.'),
  );

  private readonly sender = new Task(this, {
    autoRun: false,
    task: ([client, request, key]: readonly [AipClient, CustomOrderRequest, string], { signal }) =>
      client.createCustomOrder(request, { idempotencyKey: key, signal }),
    onComplete: (order) => this.onSent(order.id),
    onError: (error) => this.onFailed(toApiError(error)),
  });

  @state() private draft: Draft = emptyDraft();
  /** Fields whose message is shown: left by the buyer, or all of them after a send. */
  @state() private touched = new Set<Field>();
  /** Messages the server gave for fields, until the buyer edits them. */
  @state() private serverErrors: Partial<Record<Field, string>> = {};
  /** Why the last send failed, when it isn't about a field. */
  @state() private failure: ApiError | null = null;
  @state() private summaryShown = false;
  @state() private sent: Sent | null = null;
  /** While the server asked us to wait (429), when the wait ends. */
  @state() private waitUntil = 0;
  @state() private announcement = '';

  /** The draft's check against the contract; derived in willUpdate. */
  private checked: Checked = { request: null, errors: {} };
  private attempt: Attempt | null = null;
  /** The persona last shown, kept while the same one reloads so the form stays put. */
  private lastPersona: Persona | null = null;
  private waitTimer = 0;

  /** Id of the persona the brief is for, e.g. `noor-haddad`. Ignored when `data` is set. */
  @property() persona: string | null = null;

  /** The persona itself, when the host already has it; no request is made for it. */
  @property({ attribute: false }) data: Persona | null = null;

  /** Marketplace base URL when used outside `<aip-storefront>`. */
  @property() api: string | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.waitTimer);
    this.waitTimer = 0;
  }

  protected override willUpdate(_changed: PropertyValues<this>): void {
    const shown = this.shownPersona();
    if (shown) this.lastPersona = shown;
    this.check();
  }

  private check(): void {
    const shown = this.shownPersona();
    this.checked = checkBrief(this.draft, shown?.id ?? '', shown?.contentRating ?? 'general', earliestDeadline());
  }

  /** The persona the form is for now, if it is loaded. */
  private shownPersona(): Persona | null {
    if (this.data) return this.data;
    if (this.loader.status === TaskStatus.COMPLETE) return this.loader.value ?? null;
    const last = this.lastPersona;
    return this.loader.status === TaskStatus.PENDING && last && last.id === this.persona?.trim() ? last : null;
  }

  /** The message to show for a field now, if any. */
  private errorFor(field: Field): string | undefined {
    return (this.touched.has(field) ? this.checked.errors[field] : undefined) ?? this.serverErrors[field];
  }

  private get sending(): boolean {
    return this.sender.status === TaskStatus.PENDING;
  }

  // ----- handlers ------------------------------------------------------------

  private edit(field: Field, change: Partial<Draft>): void {
    this.draft = { ...this.draft, ...change };
    if (this.serverErrors[field]) this.serverErrors = { ...this.serverErrors, [field]: undefined };
  }

  private touch(field: Field): void {
    if (!this.touched.has(field)) this.touched = new Set(this.touched).add(field);
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
      if (invalid) void this.updateComplete.then(() => this.focusField(invalid));
      return;
    }
    const body = JSON.stringify(request);
    if (this.attempt?.body !== body) this.attempt = { key: newIdempotencyKey(), body, request };
    this.announcement = 'Sending your brief…';
    void this.sender.run([this.store.value.client, this.attempt.request, this.attempt.key]);
  }

  private onSent(id: string): void {
    const persona = this.shownPersona() ?? this.lastPersona;
    const request = this.attempt?.request;
    this.attempt = null;
    if (!persona || !request) return;
    this.sent = { id, request, persona };
    this.announcement = '';
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
        if (field && !fields[field]) fields[field] = `${FIELD_NAMES[field]} ${d.message}.`;
      }
      const first = FIELDS.find((f) => fields[f]);
      if (first) {
        this.serverErrors = fields;
        this.summaryShown = true;
        void this.updateComplete.then(() => this.focusField(first));
        return;
      }
    }
    // A key the server saw with another body, or a rule it applies: the next send is a new attempt.
    if (error.code === 'business_rule' || error.code === 'invalid_request') this.attempt = null;
    if (error.code === 'rate_limited') this.startWait(error.retryAfter ?? 0);
    this.failure = error;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('[part="alert"]')?.focus());
  }

  private startWait(seconds: number): void {
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
    this.draft = emptyDraft({ name: this.draft.name, email: this.draft.email });
    this.touched = new Set();
    this.serverErrors = {};
    this.failure = null;
    this.summaryShown = false;
    this.sent = null;
    void this.updateComplete.then(() => this.focusTitle());
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
          <span class="visually-hidden">Error:</span> ${error}
        </p>`
      : nothing;
  }

  private renderLabel(text: string, optional: boolean) {
    return html`${text}${optional ? html` <span class="optional">(optional)</span>` : nothing}`;
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

  /** A group of radios or checkboxes under a legend, with its hint and message. */
  private renderGroup(
    field: Field,
    legend: string,
    hint: string | TemplateResult | null,
    options: TemplateResult,
    optional = false,
  ) {
    const invalid = !!this.errorFor(field);
    return html`<fieldset
      part="field${invalid ? ' field-invalid' : ''}"
      class="field group${invalid ? ' invalid' : ''}"
      data-field=${field}
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
        type=${attrs.type ?? 'text'}
        maxlength=${attrs.max}
        autocomplete=${attrs.autocomplete ?? nothing}
        required
        .value=${this.draft[key] as string}
        aria-invalid=${invalid ? 'true' : 'false'}
        aria-describedby=${describedBy}
        @input=${this.onText(field, key)}
        @blur=${() => this.touch(field)}
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
        @blur=${() => this.touch(field)}
      ></textarea>`;
  }

  private renderSummary() {
    const fields = this.summaryShown ? FIELDS.filter((f) => this.errorFor(f)) : [];
    if (!fields.length) return nothing;
    return html`<div part="error-summary" class="error-summary" role="alert" aria-labelledby="summary-title">
      <h3 id="summary-title">
        ${fields.length === 1 ? 'One field needs attention' : `${fields.length} fields need attention`}
      </h3>
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
    const typeError = !!this.errorFor('type');
    return html`<section part="section" class="section" aria-labelledby="work-title">
      <h3 id="work-title">The work</h3>
      ${this.renderGroup(
        'type',
        'Kind of work',
        null,
        html`<div class="options types">
          ${CUSTOM_ORDER_TYPES.map(
            (type, i) =>
              html`<label part="option" class="option">
                <input
                  id=${i === 0 ? idOf('type') : nothing}
                  type="radio"
                  name="type"
                  required
                  value=${type}
                  .checked=${d.type === type}
                  aria-invalid=${typeError ? 'true' : 'false'}
                  @change=${() => {
                    this.edit('type', { type });
                    this.touch('type');
                  }}
                />
                <span>${CUSTOM_ORDER_TYPE_LABELS[type]}</span>
              </label>`,
          )}
        </div>`,
      )}
      ${this.renderField(
        'goal',
        'Goal',
        'What should the work achieve, and for whom? Mention the product or message it carries.',
        this.renderTextarea('goal', 'goal', 2000, 4),
      )}
      <div class="pair">
        ${this.renderField(
          'channel',
          'Channel',
          'Where it will appear: Instagram, a landing page, a newsletter…',
          this.renderText('channel', 'channel', { max: 200 }),
        )}
        ${this.renderField('deliverableCount', 'Number of deliverables', '1 to 100.', (describedBy, invalid) => {
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
            @blur=${() => this.touch('deliverableCount')}
          />`;
        })}
      </div>
      ${this.renderGroup(
        'formats',
        'Formats',
        'Choose every aspect ratio you need.',
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
                  <span>${ratio} <span class="muted">${RATIO_HINTS[ratio]}</span></span>
                </label>`,
            )}
          </div>
          <label class="other" for="f-other-format">Another format <span class="optional">(optional)</span></label>
          <input
            part="control"
            id="f-other-format"
            class="other-input"
            type="text"
            maxlength="40"
            placeholder="e.g. 3:2 print"
            .value=${d.otherFormat}
            @input=${this.onText('formats', 'otherFormat')}
            @blur=${() => this.touch('formats')}
          />`,
      )}
      ${this.renderField(
        'references',
        'Reference links',
        `Up to ${MAX_REFERENCES} web addresses (http:// or https://), one per line.`,
        this.renderTextarea('references', 'references', null, 3, false),
        true,
      )}
      ${this.renderField(
        'mustAvoid',
        'Must avoid',
        'Anything the work must not show or say: competitors, colours, poses, claims.',
        this.renderTextarea('mustAvoid', 'mustAvoid', 2000, 3, false),
        true,
      )}
    </section>`;
  }

  private renderTerms(persona: Persona) {
    const d = this.draft;
    const cap = ratingRank(persona.contentRating);
    const ratings = CONTENT_RATINGS.filter((r) => ratingRank(r) <= cap);
    const ratingError = !!this.errorFor('rating');
    return html`<section part="section" class="section" aria-labelledby="terms-title">
      <h3 id="terms-title">Timing and budget</h3>
      <div class="pair">
        ${this.renderField('deadline', 'Deadline', 'The day you need the finished work.', (describedBy, invalid) => {
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
            @blur=${() => this.touch('deadline')}
          />`;
        })}
        ${this.renderField(
          'budget',
          'Budget (US dollars)',
          'What you expect to spend in total. The creator confirms the price.',
          (describedBy, invalid) =>
            html`<div class="money">
              <span class="currency" aria-hidden="true">$</span>
              <input
                part="control"
                id=${idOf('budget')}
                type="text"
                inputmode="decimal"
                autocomplete="off"
                required
                placeholder="250.00"
                .value=${d.budget}
                aria-invalid=${invalid ? 'true' : 'false'}
                aria-describedby=${describedBy}
                @input=${this.onText('budget', 'budget')}
                @blur=${() => this.touch('budget')}
              />
            </div>`,
        )}
      </div>
      ${this.renderGroup(
        'rating',
        'Content rating',
        ratings.length > 1
          ? html`Up to ${RATING_LABELS[persona.contentRating]}, the rating of <bdi>${persona.name}</bdi>.`
          : html`<bdi>${persona.name}</bdi> is rated for general audiences, so the work will be too.`,
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
                  aria-invalid=${ratingError ? 'true' : 'false'}
                  @change=${() => {
                    this.edit('rating', { rating });
                    this.touch('rating');
                  }}
                />
                <span>${RATING_LABELS[rating]}</span>
              </label>`,
          )}
        </div>`,
      )}
    </section>`;
  }

  private renderBuyer() {
    return html`<section part="section" class="section" aria-labelledby="buyer-title">
      <h3 id="buyer-title">Your details</h3>
      <p class="hint">The platform uses these to reply. They are not passed on to the creator.</p>
      <div class="pair">
        ${this.renderField(
          'buyer.name',
          'Your name',
          null,
          this.renderText('buyer.name', 'name', { max: 120, autocomplete: 'name' }),
        )}
        ${this.renderField(
          'buyer.email',
          'Your email',
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
    let text: string | TemplateResult;
    let retry = false;
    const once = 'Sending again uses the same request key, so the brief is filed only once.';
    const wait = Math.max(0, Math.ceil((this.waitUntil - Date.now()) / 1000));
    switch (error.code) {
      case 'not_found':
        text = html`<bdi>${persona.name}</bdi> is no longer listed, so it can't take custom orders. Your brief is still
          here if you want to copy it.`;
        break;
      case 'rate_limited':
        text = `The marketplace is busy. ${wait > 0 ? `Try again in ${wait} s.` : 'Try again now.'} ${once}`;
        retry = true;
        break;
      case 'network':
        text = `Your brief could not reach the marketplace. Check your connection and try again. ${once}`;
        retry = true;
        break;
      case 'timeout':
        text = `The marketplace did not answer in time, so the brief may or may not have arrived. ${once}`;
        retry = true;
        break;
      case 'business_rule':
      case 'conflict':
        text = `The marketplace could not accept this brief: ${error.message}. Review it and send it again.`;
        break;
      case 'payload_too_large':
        text = 'The brief is too long to send. Shorten the goal or the must-avoid list and send it again.';
        break;
      case 'invalid_request':
        text = `The marketplace did not accept the brief: ${error.message}.`;
        break;
      default:
        text = `The marketplace had a problem, so the brief may not have been filed. ${once}`;
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
              @click=${() => this.send()}
            >
              Try again
            </button>`
          : nothing
      }
    </div>`;
  }

  private renderForm(persona: Persona) {
    const busy = this.sending;
    const waiting = this.waitUntil > Date.now();
    return html`<div part="header" class="header">
        <h2 part="title" tabindex="-1">Request custom work</h2>
        <p part="persona" class="persona">
          A brief for <strong><bdi>${persona.name}</bdi></strong
          >, an AI-generated fictional persona by <bdi>${persona.creator.name}</bdi>.
        </p>
        <p class="hint">
          The creator reviews it on AI-People, the marketplace where this persona is sold. Nothing is charged now. All
          fields are required unless marked optional.
        </p>
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
            ${busy ? 'Sending brief…' : 'Send brief'}
          </button>
        </div>
      </form>`;
  }

  private renderSent({ id, request, persona }: Sent) {
    const settings = this.store.value;
    const formats = request.formats.join(', ');
    const rows: [string, string | TemplateResult][] = [
      ['Persona', html`<bdi>${persona.name}</bdi> by <bdi>${persona.creator.name}</bdi>`],
      ['Kind of work', CUSTOM_ORDER_TYPE_LABELS[request.type]],
      ['Deliverables', `${request.deliverableCount} × ${formats}`],
      ['Channel', request.channel],
      // Noon local time: the date input's day, whatever the viewer's time zone.
      ['Deadline', settings.formatDate(`${request.deadline}T12:00:00`)],
      ['Budget', settings.formatMoney(request.budget)],
      ['Content rating', RATING_LABELS[request.rating]],
      ['Replies go to', request.buyer.email],
    ];
    return html`<section part="confirmation" class="confirmation" aria-labelledby="sent-title">
      <h2 part="title" id="sent-title" tabindex="-1"><span class="mark" aria-hidden="true">✓</span> Brief sent</h2>
      <p>
        Your request number is <strong part="request-number" class="request-number">${id}</strong>. Quote it whenever
        you contact the platform about this brief.
      </p>
      <dl part="brief-summary" class="brief-summary">
        ${rows.map(
          ([term, value]) =>
            html`<div>
              <dt>${term}</dt>
              <dd>${value}</dd>
            </div>`,
        )}
      </dl>
      <h3>What happens next</h3>
      <ol part="next-steps" class="next-steps">
        <li>
          <bdi>${persona.creator.name}</bdi> reviews the brief on the platform and answers there: taking it on, asking
          about details, or declining.
        </li>
        <li>
          If the work goes ahead, the platform confirms the scope and price with you, takes the payment and delivers the
          materials. Nothing has been charged yet.
        </li>
        <li>The finished materials come with a perpetual Custom Materials License for the use you described.</li>
        <li>
          Contact details stay private on both sides: the creator doesn't receive yours and you don't receive theirs.
          Every message goes through the platform.
        </li>
      </ol>
      <button part="new-brief-button" type="button" @click=${this.onNewBrief}>Send another brief</button>
    </section>`;
  }

  private renderSkeleton() {
    return html`<p part="status" class="visually-hidden" role="status">Loading the custom-order form…</p>
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
    const notFound = (error as ApiError | undefined)?.code === 'not_found';
    return html`<div part="status" class="status" role="alert">
      <p class="error">
        ${
          notFound
            ? 'This persona is no longer listed, so custom work for it cannot be requested.'
            : 'The custom-order form could not be loaded.'
        }
      </p>
      ${notFound ? nothing : html`<p>${loadFailureHint(error)}</p>`}
      ${notFound ? nothing : html`<button type="button" @click=${() => this.loader.run()}>Try again</button>`}
    </div>`;
  }

  override render() {
    const shown = this.shownPersona();
    const allowed = shown !== null && this.store.value.allowsRating(shown.contentRating);
    let content;
    if (this.sent) content = this.renderSent(this.sent);
    else if (shown) {
      content = allowed
        ? this.renderForm(shown)
        : html`<p part="status" class="status muted">This persona is not shown on this site.</p>`;
    } else if (!this.persona) content = this.renderSkeleton();
    else {
      content = this.loader.render({
        initial: () => this.renderSkeleton(),
        pending: () => this.renderSkeleton(),
        complete: () => this.renderError({ code: 'not_found' }),
        error: (e) => this.renderError(e),
      });
    }
    const busy = !this.sent && !shown && (!this.persona || this.loader.status <= TaskStatus.PENDING);
    return html`<div part="base" class="base" aria-busy=${busy ? 'true' : 'false'}>
      ${content}
      <p class="visually-hidden" aria-live="polite">${this.announcement}</p>
    </div>`;
  }
}
