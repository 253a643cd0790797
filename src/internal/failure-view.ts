// Its own module, apart from failure.ts: the card (on the script-tag loader's
// path) only needs the hint, the lazily loaded elements need the whole view.
import { html, nothing, type TemplateResult } from 'lit';
import type { CoreMessageId } from '../locales/ids.js';
import { loadFailureHint } from './failure.js';
import type { Translate } from './i18n.js';

/**
 * An element's "could not be loaded" state: what failed, why and when to try
 * again, and a "Try again" button; for a listing that is gone (404), only
 * `gone`, since trying again would get the same answer.
 */
export function loadFailureView(
  error: unknown,
  t: Translate<CoreMessageId>,
  text: { gone: string; failed: string },
  retry: () => void,
  where: { part: string; cls: string } = { part: 'status', cls: 'status' },
): TemplateResult {
  // An ApiError, or the `{ code: 'not_found' }` an element passes for a listing it was never given.
  const notFound = (error as { code?: unknown } | null)?.code === 'not_found';
  return html`<div part=${where.part} class=${where.cls} role="alert">
    <p class="error">${notFound ? text.gone : text.failed}</p>
    ${notFound ? nothing : html`<p>${loadFailureHint(error, t)}</p>`}
    ${notFound ? nothing : html`<button type="button" @click=${retry}>${t('common.try-again')}</button>`}
  </div>`;
}
