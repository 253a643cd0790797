/**
 * What the marketplace's own HTML pages share (the hosted checkout page and
 * the certificate page): strict headers, one document shell, and instants
 * for people (money goes through the widgets' own `formatMoney`).
 *
 * The pages run under `script-src 'self'; style-src 'self'`: no inline script
 * or style anywhere, data handed to the script in `data-*` attributes, and
 * every string from the database escaped with `escapeHtml`.
 */
import { escapeHtml } from './agreements.js';
import type { PageTexts } from './page-texts.js';
import { formatInstant as formatUtcInstant } from '../src/api/instant.js';

export { escapeHtml };

/**
 * The pages' policy: only their own script and stylesheet. Framed by nobody
 * but the marketplace itself, unless `framedBy` names an origin: the hosted
 * checkout lets the page that made the order frame it (the overlay), so no
 * other site can lay it under a decoy and have its Pay button clicked.
 */
export function pageCsp(framedBy: string | null = null): string {
  return `default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'self'${
    framedBy ? ` ${framedBy}` : ''
  }`;
}

/** A page's HTML response: its state changes, so nothing caches it; no URL leaks through the referrer. */
export function pageResponse(html: string, status = 200, framedBy: string | null = null): Response {
  return new Response(html, {
    status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Content-Security-Policy': pageCsp(framedBy),
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}

export interface PageParts {
  /** The page's language (`<html lang>`). */
  lang: string;
  title: string;
  /** Absolute URL of the page's stylesheet. */
  stylesheet: string;
  /** Absolute URL of the page's script, if it has one. */
  script?: string;
  /** The `<body>` content, already escaped. */
  body: string;
}

/** A complete HTML document around already-escaped body content. */
export function pageDocument({ lang, title, stylesheet, script, body }: PageParts): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${escapeHtml(title)}</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="${escapeHtml(stylesheet)}">${
    script ? `\n  <script type="module" src="${escapeHtml(script)}"></script>` : ''
  }
</head>
<body>
${body}
</body>
</html>
`;
}

/** A page saying what could not be found, for a person (the JSON API answers its own error shape). */
export function notFoundPage(
  stylesheet: string,
  texts: PageTexts,
  [heading, text]: readonly [heading: string, text: string],
): Response {
  const body = `<main class="page">
  <p class="platform">${escapeHtml(texts.platform)}</p>
  <h1>${escapeHtml(heading)}</h1>
  <p>${escapeHtml(text)}</p>
</main>`;
  return pageResponse(pageDocument({ lang: texts.lang, title: heading, stylesheet, body }), 404);
}

/** An ISO instant as a person reads it, in UTC (the widgets' certificate says it the same way). */
export function formatInstant(iso: string, locale = 'en-GB'): string {
  return formatUtcInstant(iso, locale);
}

/** A `<time>` element for an ISO instant. */
export function timeElement(iso: string, locale?: string): string {
  return `<time datetime="${escapeHtml(iso)}">${escapeHtml(formatInstant(iso, locale))}</time>`;
}

/** The stylesheet both pages start from: readable, 320 px wide, visible focus, light and dark. */
export const BASE_CSS = `:root {
  color-scheme: light dark;
  --ink: #1d1d1f;
  --muted: #52525b;
  --line: #d4d4dc;
  --panel: #f6f6f9;
  --bg: #ffffff;
  --accent: #3730a3;
  --on-accent: #ffffff;
  --bad: #a1262b;
  --good: #166534;
}
@media (prefers-color-scheme: dark) {
  :root {
    --ink: #f4f4f5;
    --muted: #b4b4bd;
    --line: #3f3f4a;
    --panel: #1e1e26;
    --bg: #121217;
    --accent: #a5b4fc;
    --on-accent: #111133;
    --bad: #fca5a5;
    --good: #86efac;
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; background: var(--bg); color: var(--ink); font: 1rem/1.5 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.page { max-width: 36rem; margin: 0 auto; padding: 1.25rem 1rem 2rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: 0.25rem 0 0.75rem; }
h2 { font-size: 1.125rem; margin: 1.5rem 0 0.5rem; }
p { margin: 0.5rem 0; }
a { color: var(--accent); }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.platform, .note { color: var(--muted); font-size: 0.875rem; }
.platform { margin: 0; font-weight: 600; letter-spacing: 0.02em; }
.panel { background: var(--panel); border: 1px solid var(--line); border-radius: 0.75rem; padding: 1rem; }
dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.35rem 1rem; margin: 0; }
dt { color: var(--muted); }
dd { margin: 0; overflow-wrap: anywhere; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, monospace; font-size: 0.875em; overflow-wrap: anywhere; }
@media (max-width: 360px) {
  dl { grid-template-columns: minmax(0, 1fr); gap: 0 0; }
  dd { margin-bottom: 0.5rem; }
}
@media (prefers-reduced-motion: reduce) {
  *, *::before, *::after { animation: none !important; transition: none !important; }
}
`;
