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
/** What the marketplace said about the handle (no personas, unreachable), shown under it. */
let handleNotice = '';

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const attr = (name: string, value: string | number | null) =>
  value === null || value === '' ? '' : ` ${name}="${escape(String(value))}"`;

interface Options {
  creator: string;
  element: 'catalog' | 'card' | 'detail';
  persona: string;
  pageSize: number;
  theme: string;
  locale: string;
}

function read(): Options {
  const data = new FormData(form);
  const size = Number(data.get('page-size'));
  return {
    creator: String(data.get('creator') ?? '').trim(),
    element: (data.get('element') as Options['element']) ?? 'catalog',
    persona: String(data.get('persona') ?? ''),
    pageSize: Number.isInteger(size) && size >= 1 && size <= 100 ? size : 12,
    theme: String(data.get('theme') ?? ''),
    locale: String(data.get('locale') ?? ''),
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
    `${attr('theme', theme)}${attr('locale', o.locale)}>${inner}</aip-storefront>`
  );
}

function render(): void {
  const o = read();
  const validHandle = SLUG_PATTERN.test(o.creator);
  creator.setAttribute('aria-invalid', validHandle ? 'false' : 'true');
  creatorError.textContent = validHandle ? handleNotice : 'A handle uses lower-case letters, digits and hyphens only.';
  $('persona-field').hidden = o.element === 'catalog';
  $('size-field').hidden = o.element !== 'catalog';
  // Nothing to copy that would not work: a bad handle, or a card or detail with no persona to show.
  const usable = validHandle && (o.element === 'catalog' || o.persona !== '');
  copy.disabled = !usable;
  if (!usable) {
    snippet.textContent = '';
    return;
  }

  const lines = [
    `<script type="module" src="https://cdn.example/aip-storefront-${VERSION}.js"></script>`,
    storefrontLine(o),
  ];
  if (BRANDS[o.theme]) lines.push(`<style>aip-storefront{${BRANDS[o.theme]}}</style>`);
  snippet.textContent = lines.join('\n');

  // The preview is the same markup, with the same brand tokens as the <style> line.
  const markup = storefrontLine(o);
  if (preview.dataset.markup !== markup) {
    preview.dataset.markup = markup;
    preview.innerHTML = markup;
  }
  preview.querySelector<HTMLElement>('aip-storefront')!.style.cssText = BRANDS[o.theme] ?? '';
}

let personasFor = '';
/** Fills the persona menu with the creator's listings, and says when the handle is unknown. */
async function loadPersonas(): Promise<void> {
  const handle = creator.value.trim();
  if (!SLUG_PATTERN.test(handle) || handle === personasFor) return;
  personasFor = handle;
  try {
    const res = await fetch(`/v1/catalog?creator=${encodeURIComponent(handle)}&limit=100&sort=name`);
    const page = (await res.json()) as { items?: { id: string; name: string }[] };
    if (handle !== creator.value.trim()) return;
    const items = res.ok ? (page.items ?? []) : [];
    handleNotice = items.length === 0 ? `No published personas for "${handle}" yet.` : '';
    persona.replaceChildren(...items.map((p) => new Option(p.name, p.id)));
  } catch {
    handleNotice = 'The marketplace could not be reached; the preview may be empty.';
  }
  render();
}

form.addEventListener('input', () => render());
form.addEventListener('change', () => render());
creator.addEventListener('change', () => void loadPersonas());
creator.addEventListener('blur', () => void loadPersonas());

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
