// The embed builder: a creator picks what to show and how, sees it live, and
// copies a snippet of at most three lines.
import { SLUG_PATTERN, VERSION } from '../../src/index.js';

// The brand examples, as the snippet's <style> line gives them and the preview shows them: the same tokens.
const BRANDS: Record<string, string> = {
  forest:
    '--aip-color-accent:#1f5f3f;--aip-color-focus:#1f5f3f;--aip-color-badge-surface:#e2efe6;' +
    '--aip-color-badge-text:#1f4a33;--aip-radius-m:4px;--aip-radius-s:2px;font-family:Georgia,serif',
  ember:
    '--aip-color-accent:#a3361a;--aip-color-focus:#a3361a;--aip-color-badge-surface:#fbe6dc;' +
    '--aip-color-badge-text:#6e2411;--aip-radius-m:18px;--aip-radius-s:999px',
};

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = $<HTMLFormElement>('options');
const creator = $<HTMLInputElement>('creator');
const creatorError = $('creator-error');
const persona = $<HTMLSelectElement>('persona');
const snippet = $('snippet');
const preview = $('preview');
const copied = $('copied');
const copy = $<HTMLButtonElement>('copy');
const sizeError = $('size-error');
const maxRating = $<HTMLSelectElement>('max-rating');
/** What the marketplace said about the handle (no personas, unreachable), shown under it. */
let handleNotice = '';
/**
 * The handle and content rating the persona menu holds listings for: until they are the ones chosen, a card's
 * snippet could mix two creators, or name a persona the storefront would not show.
 */
let personasFor = '';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attr = (name: string, value: string | number | null) =>
  value === null || value === '' ? '' : ` ${name}="${escape(String(value))}"`;

interface Options {
  creator: string;
  element: 'catalog' | 'card' | 'detail';
  persona: string;
  /** The page size typed, or 12 when it is not one. */
  pageSize: number;
  pageSizeOk: boolean;
  theme: string;
  locale: string;
  /** The storefront's `max-rating`; empty for the default, general audiences only. */
  maxRating: string;
}

/** What the persona menu must have been filled for. */
const menuFor = (o: Pick<Options, 'creator' | 'maxRating'>) => `${o.creator} ${o.maxRating || 'general'}`;

/**
 * The handle in what was typed: lower case, without an @, and from a pasted profile address the last part of its
 * path (`https://…/creators/nova-studio?ref=share` gives `nova-studio`).
 */
function handleIn(typed: string): string {
  const text = typed.trim().toLowerCase();
  const path = text
    .replace(/[?#].*$/, '')
    .split('/')
    .filter(Boolean);
  return ((text.includes('/') ? path.at(-1) : text) ?? '').replace(/^@/, '');
}

/** The page size typed, when it is one: a whole number from 1 to 100. */
function pageSizeIn(typed: FormDataEntryValue | null): number | null {
  const size = Number(typed);
  return typed !== '' && Number.isInteger(size) && size >= 1 && size <= 100 ? size : null;
}

function read(): Options {
  const data = new FormData(form);
  const size = pageSizeIn(data.get('page-size'));
  return {
    creator: handleIn(String(data.get('creator') ?? '')),
    element: (data.get('element') as Options['element']) ?? 'catalog',
    persona: String(data.get('persona') ?? ''),
    pageSize: size ?? 12,
    pageSizeOk: size !== null,
    theme: String(data.get('theme') ?? ''),
    locale: String(data.get('locale') ?? ''),
    maxRating: String(data.get('max-rating') ?? ''),
  };
}

/** The storefront element and its content, as one line of HTML. */
function storefrontLine(o: Options): string {
  const theme = o.theme === 'dark' || o.theme === 'auto' ? o.theme : '';
  let inner: string;
  if (o.element === 'catalog') inner = `<aip-catalog${attr('page-size', o.pageSize)}></aip-catalog>`;
  else if (o.element === 'card') inner = `<aip-persona-card${attr('persona', o.persona)}></aip-persona-card>`;
  else {
    inner =
      `<aip-persona-detail${attr('persona', o.persona)}>` +
      `<aip-checkout slot="checkout"></aip-checkout></aip-persona-detail>`;
  }
  return (
    `<aip-storefront${attr('api', location.origin)}${attr('creator', o.creator)}` +
    `${attr('max-rating', o.maxRating)}${attr('theme', theme)}${attr('locale', o.locale)}>${inner}</aip-storefront>`
  );
}

let previewTimer: ReturnType<typeof setTimeout> | undefined;

/** Shows `markup` in the preview, a moment after the last change: not a new catalog for each key typed. */
function showInPreview(markup: string, brand: string): void {
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => {
    if (preview.dataset.markup !== markup) {
      preview.dataset.markup = markup;
      preview.innerHTML = markup;
    }
    const storefront = preview.querySelector<HTMLElement>('aip-storefront');
    if (storefront) storefront.style.cssText = brand;
  }, 300);
}

function render(): void {
  const o = read();
  const validHandle = SLUG_PATTERN.test(o.creator);
  creator.setAttribute('aria-invalid', validHandle ? 'false' : 'true');
  creatorError.textContent = validHandle
    ? handleNotice
    : o.creator === ''
      ? 'Enter your creator handle.'
      : 'A handle uses lower-case letters, digits and hyphens only.';
  $('persona-field').hidden = o.element === 'catalog';
  $('size-field').hidden = o.element !== 'catalog';
  $('page-size').setAttribute('aria-invalid', o.pageSizeOk ? 'false' : 'true');
  sizeError.textContent = o.pageSizeOk ? '' : 'Choose a whole number from 1 to 100; the snippet uses 12.';
  // Nothing to copy that would not work: a bad handle, or a card or detail with no persona of this creator's.
  const usable = validHandle && (o.element === 'catalog' || (o.persona !== '' && personasFor === menuFor(o)));
  copy.disabled = !usable;
  if (!usable) {
    snippet.textContent = '';
    copied.textContent = '';
    clearTimeout(previewTimer);
    delete preview.dataset.markup;
    preview.replaceChildren(
      Object.assign(document.createElement('p'), {
        className: 'preview-note',
        textContent: !validHandle
          ? 'The preview shows once the handle is valid.'
          : personasFor === menuFor(o)
            ? 'No persona to show: this handle has no published personas at this content rating.'
            : 'Loading your personas…',
      }),
    );
    return;
  }

  const lines = [
    `<script type="module" src="https://cdn.example/aip-storefront-${VERSION}.js"></script>`,
    storefrontLine(o),
  ];
  if (BRANDS[o.theme]) lines.push(`<style>aip-storefront{${BRANDS[o.theme]}}</style>`);
  const text = lines.join('\n');
  // "Copied." was about the snippet as it was.
  if (snippet.textContent !== text) copied.textContent = '';
  snippet.textContent = text;

  // The preview is the same markup, with the same brand tokens as the <style> line.
  showInPreview(storefrontLine(o), BRANDS[o.theme] ?? '');
}

let loadingFor = '';
/**
 * Fills the persona menu with the creator's listings, one that can be bought now chosen first, and says when the
 * handle is unknown.
 */
async function loadPersonas(): Promise<void> {
  const handle = handleIn(creator.value);
  const key = menuFor({ creator: handle, maxRating: maxRating.value });
  const rating = maxRating.value || 'general';
  if (!SLUG_PATTERN.test(handle) || key === personasFor || key === loadingFor) return;
  loadingFor = key;
  const stale = () => key !== menuFor({ creator: handleIn(creator.value), maxRating: maxRating.value });
  type Listing = { id: string; name: string; availability: string };
  const listings = async (upTo: string, more: string): Promise<Listing[]> => {
    const res = await fetch(`/v1/catalog?creator=${encodeURIComponent(handle)}&rating=${upTo}&${more}`);
    return res.ok ? (((await res.json()) as { items?: Listing[] }).items ?? []) : [];
  };
  let items: Listing[] = [];
  try {
    items = await listings(rating, 'limit=100&sort=name');
    // None at this rating: whether there are some rated higher, which "Content shown" would let in.
    const rated = items.length === 0 && rating !== 'explicit' && (await listings('explicit', 'limit=1')).length > 0;
    if (stale()) return;
    handleNotice =
      items.length > 0
        ? ''
        : rated
          ? `"${handle}" has published personas, all rated above what "Content shown" lets in.`
          : `No published personas for "${handle}" yet.`;
  } catch {
    if (stale()) return;
    handleNotice = 'The marketplace could not be reached; the preview may be empty.';
  } finally {
    if (loadingFor === key) loadingFor = '';
  }
  persona.replaceChildren(
    ...items.map((p) => new Option(p.availability === 'open' ? p.name : `${p.name} (not for sale now)`, p.id)),
  );
  persona.value = (items.find((p) => p.availability === 'open') ?? items[0])?.id ?? '';
  personasFor = key;
  render();
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
form.addEventListener('input', () => render());
form.addEventListener('change', () => render());
// The persona menu follows the handle as it is typed, once the typing pauses.
creator.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => void loadPersonas(), 400);
});
creator.addEventListener('change', () => void loadPersonas());
// Another rating lets in other personas: the menu is filled again.
maxRating.addEventListener('change', () => void loadPersonas());

$('copy').addEventListener('click', async () => {
  const text = snippet.textContent ?? '';
  try {
    await navigator.clipboard.writeText(text);
    copied.textContent = 'Copied.';
  } catch {
    // No clipboard access (an insecure page, a denied permission): select it for Ctrl+C.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    getSelection()?.removeAllRanges();
    getSelection()?.addRange(range);
    copied.textContent = 'Selected: press Ctrl+C (⌘C) to copy.';
  }
});

render();
void loadPersonas();
