// Bundle size report: bytes, gzip -9 and brotli for every built file, and the
// script-tag paths against their gzip budgets. Run after `npm run build` (it
// runs this itself) or via `npm run bench`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const KB = 1024;

/** Every .js file under `dir`, recursively. */
function files(dir) {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.js') ? [join(dir, d.name)] : []))
    .sort();
}

function measure(path) {
  const source = readFileSync(path);
  return {
    path: relative('.', path),
    bytes: source.length,
    gzip: gzipSync(source, { level: 9 }).length,
    brotli: brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const rows = [];
for (const dir of ['dist/cdn', 'dist/lib']) {
  try {
    rows.push(...files(dir).map(measure));
  } catch {
    console.error(`${dir} is missing: run npm run build first`);
    process.exit(1);
  }
}

const pad = (s, n) => String(s).padStart(n);
console.log(`${'file'.padEnd(44)}${pad('bytes', 10)}${pad('gzip -9', 10)}${pad('brotli', 10)}`);
for (const r of rows) console.log(`${r.path.padEnd(44)}${pad(r.bytes, 10)}${pad(r.gzip, 10)}${pad(r.brotli, 10)}`);

// Script-tag paths: what a page downloads. The loader and the chunks it
// imports statically load at once; `import()`ed chunks load on first use.
// The loader is aip-storefront-<version>.js; aip-storefront.js, the name that
// follows the latest build, is a one-line module that runs it.
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const loaderPath = `dist/cdn/aip-storefront-${version}.js`;
const aliasPath = 'dist/cdn/aip-storefront.js';
if (readFileSync(aliasPath, 'utf8').trim() !== `export * from './${basename(loaderPath)}';`) {
  console.error(`${aliasPath} does not just run ${loaderPath}`);
  process.exit(1);
}
const cdn = rows.filter((r) => r.path.startsWith('dist/cdn') && r.path !== aliasPath);
const byPath = new Map(cdn.map((r) => [r.path, r]));
function staticClosure(path, seen = new Set()) {
  if (seen.has(path)) return seen;
  seen.add(path);
  const source = readFileSync(path, 'utf8');
  // Minified static imports: `from"./x.js"` / `import"./x.js"` (never `import(`).
  for (const [, spec] of source.matchAll(/(?:from|import)\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)) {
    staticClosure(join(dirname(path), spec), seen);
  }
  return seen;
}
const gzipOf = (paths) => [...paths].reduce((n, p) => n + (byPath.get(relative('.', p))?.gzip ?? 0), 0);
const initial = staticClosure(loaderPath);

// The texts of each language but English (src/locales/<language>.ts), one
// chunk each, fetched the first time a page needs that language: a page loads
// at most one of them, and an English page none.
const languages = readdirSync('src/locales')
  .filter((f) => /^[a-z]{2}(-[A-Z][A-Za-z0-9]*)?\.ts$/.test(f))
  .map((f) => f.replace(/\.ts$/, ''));
const languageOf = (path) => languages.find((l) => basename(path).startsWith(`${l}-`));
const languageFiles = cdn.filter((r) => languageOf(r.path));
const elementFiles = cdn.filter((r) => !languageOf(r.path));
const eager = [...initial].filter((p) => languageOf(p));
if (eager.length) {
  console.error(`the loader imports language texts statically: ${eager.join(', ')}`);
  process.exit(1);
}
if (languageFiles.length !== languages.length) {
  console.error(`expected one chunk per language (${languages.join(', ')}), found ${languageFiles.length}`);
  process.exit(1);
}
const largestLanguage = Math.max(0, ...languageFiles.map((r) => r.gzip));

// `enforced` budgets fail the build. The design's targets (issue 6: 15 KB for a
// catalog of cards, 30 KB for everything) are printed for comparison and not
// enforced until the packaging work that meets them lands; the ceilings below
// stop the bundle from growing unnoticed meanwhile.
const paths = [
  {
    name:
      initial.size === 1
        ? `catalog of cards: ${basename(loaderPath)}, one file`
        : `catalog of cards: loader + ${initial.size - 1} shared chunk(s)`,
    gzip: gzipOf(initial),
    budgets: [
      { limit: 15 * KB, enforced: false },
      // Lowered from 32 KB when the loader took in the code it shared with the lazy chunks;
      // raised to 32.5 KB when bad host input and focus handling added 1.4 KB (CSS minification
      // took 0.5 KB back); to 33 KB when the page behind a modal was held still, a slow
      // marketplace got a note and a closed detail kept what was typed (0.6 KB; dropping lit's
      // static html took 0.3 KB back); to 33.5 KB when Arabic dates and prices were isolated, a
      // language switch cleared stale announcements, removed elements let go of the page, and the
      // loader gained connectGa4 for script-tag pages (0.6 KB; the bridge itself is a 0.9 KB chunk); to
      // 33.75 KB when the client refused checkout and certificate pages off the API's origin and URLs
      // with whitespace (0.15 KB); to 34 KB when the elements learned forced colours, more contrast and
      // print (0.15 KB); to 34.25 KB when the JSON-LD learned to be written under Trusted Types (0.15 KB); to
      // 34.5 KB when elements learned to render in another document (a same-origin frame) and the host-page
      // fixes around it landed (0.3 KB); to 34.75 KB when dialogs and the catalog's width were watched from
      // their own page's realm, so a removed frame stops reporting errors here and a dialog in a frame holds
      // that frame, not this page (0.1 KB); to 35 KB when the client learned to tell every element showing a
      // listing when one load of it brings news (an answer after a failure, a newer version, the connection
      // back) and the catalog's cards learned to follow it (0.25 KB); to 35.25 KB when the windowed grid stopped
      // pulling the page back to a focused card the buyer scrolled away from, and kept an arrow key's card in
      // view as rows were measured (0.15 KB); to 35.5 KB when a grid of cards stopped building settings, a
      // loading task and listeners per card, and the translator kept finished texts (0.2 KB); to 35.75 KB when
      // infinite paging stopped loading page after page by itself at the end of a long list, and focus and an
      // empty search's announcement were mended after a keyboard and screen-reader audit (0.2 KB); to 36 KB
      // after a race and a touch audit: a modal nobody could see (the payment overlay in a closed detail) is
      // closed rather than left making the page inert, a new list drops the page still loading for the old
      // one, and a tap in the detail dialog's own margin no longer counts as one on its backdrop (0.1 KB); to
      // 36.25 KB after a slow-network audit, when the catalog and the cards' images learned to load again by
      // themselves once the browser is back online (0.15 KB); to 36.5 KB when a load that failed offline said
      // so, and that it runs again once back online, instead of asking the buyer to check the connection (0.05 KB);
      // to 36.75 KB when a fresh list drew the cards that fill the screen first and the rest once those were
      // painted, so the first cards show without waiting for those below the fold (0.2 KB); to 37 KB when a late
      // page that turned the grid windowed kept the buyer where they were: the window starts at the rows in view,
      // and scroll anchoring no longer follows the list's end (a slow-CPU and slow-network audit; 0.2 KB); the
      // same audit's prefetch of the dialog's code (a pointer over the cards, a touch, focus) fits under it; to
      // 37.25 KB when a page that "Show more" or infinite paging adds was drawn a screenful per frame, as a fresh
      // list is, rather than in one task that froze a slow phone's scrolling (0.05 KB); to 37.5 KB when a new
      // catalog kept the space the page reserved for it (taken before any of the elements is defined) blank for up
      // to 250 ms, so a first page that answers sooner is drawn in the first frame, without a frame of
      // placeholders before it (0.3 KB).
      { limit: 37.5 * KB, enforced: true },
    ],
  },
  {
    name: `everything: all ${elementFiles.length} code files`,
    gzip: gzipOf(elementFiles.map((r) => r.path)),
    budgets: [
      { limit: 30 * KB, enforced: false },
      // Raised from 44 KB when checkout (8.7 KB) and custom orders (8.7 KB) landed,
      // and from 64 KB when every text moved into the message catalogue (its ids
      // and lookups add about 5 KB across the elements; the English is as before),
      // and from 68 KB when the checkout learned to handle a tier or listing
      // changed mid-way, a move in the page and a completion told once (0.5 KB), and from
      // 69 KB when the checkout learned to say why an order ended and a failing marketplace in
      // the buyer's language and to ask for the hosted pages in it, and moved dialogs became
      // modals again (0.7 KB), and from 70 KB for the same fixes as the catalog path and the GA4
      // bridge's chunk, now that script-tag pages can use it (0.9 KB), and from 71 KB when the
      // checkout let the Exclusive's holder buy Ownership, stated the Commercial tail and asked again
      // when it grew, and gave the certificate's dates in UTC (0.9 KB with the elements' composition fixes), and
      // to 72.25 KB when elements in a storefront not yet defined learned to wait for it (0.2 KB), and to
      // 72.5 KB when they learned forced colours, more contrast and print (0.3 KB), and to 72.75 KB when the
      // JSON-LD learned to be written under Trusted Types (0.15 KB), and to 73 KB with the host-page fixes that
      // followed: the overlay's popup fallback in a foreign frame, one 18+ state per page, windowing under CSS
      // zoom (0.15 KB together), and to 73.25 KB when elements learned to render in another document (0.15 KB),
      // and to 73.5 KB with the catalog path's frame fixes (0.1 KB), and to 73.75 KB with the listing news and
      // the loader trying a lazy chunk again after a dropped connection (0.3 KB), and to 74 KB when the checkout
      // learned to say that the price it offers to confirm is no longer held (0.2 KB), and to 74.25 KB with the
      // windowed grid's focus fixes (0.15 KB), and to 74.5 KB with the fixes of a keyboard and screen-reader
      // audit: focus kept in view when infinite paging loads past "Show more", an empty search said aloud, the
      // checkout's and brief's headings one level below the detail's name (plain templates for headings instead
      // of lit's static html kept that to 0.1 KB), and to 74.75 KB with infinite paging that waits for the buyer
      // at the end of a long list and the audit's form and dialog mends (a radio group's invalid state, the
      // other format tied to its message, the steps' tick not read out, Close kept whole), and to 75 KB when a
      // modal dialog opened or left open where nothing is drawn (the checkout's payment overlay in a dialog the
      // host or the catalog closed) was closed rather than left over the page, making it inert (0.05 KB), a new
      // list dropped the page still loading for the old one, and a brief changed after a lost answer kept its
      // key and says when it was filed as first sent (0.15 KB), and to 75.25 KB with a touch audit's fixes: a tap
      // in the detail dialog's margin no longer closes it, and a video stops when its slide is swiped away, and
      // to 75.5 KB when a number property given text (as React and Vue give it) took the number as it was set,
      // the detail learned to be shown again, and the detail, catalog and GA4 fixes of an analytics audit, and to
      // 75.75 KB with the slow-network audit's fixes (see the catalog path; 0.15 KB), and to 76 KB when the
      // payment overlay learned to say that the hosted page is loading rather than show an empty box (0.15 KB),
      // and to 76.25 KB when the detail and checkout shared the listing they keep through a failed reload, a
      // chunk of its own (about 0.25 KB, most of it the chunk's imports and exports), and to 76.5 KB when failed
      // loads, checkouts and briefs said the buyer was offline when they were, and the checkout stopped showing
      // the client's own words, which could name a URL (0.15 KB), and to 76.75 KB with a screen-reader audit's
      // fixes: a required license picker that says a tier is missing when a submit finds none, the catalog
      // saying a persona is opening on a slow connection and each "Show more" again (0.25 KB), and to 77 KB when
      // the payment overlay said its hosted page was slow to arrive, and offered it in a tab of its own, instead
      // of "Loading…" for as long as it took (0.1 KB), and to 77.25 KB when the catalog drew a screenful of
      // cards first (see the catalog path; 0.2 KB), and to 77.5 KB when a late page turning the grid windowed
      // kept the buyer's place (see the catalog path; 0.2 KB), and to 78 KB when a new catalog drew a quick
      // first page in the first frame, without placeholders before it (see the catalog path; 0.3 KB).
      { limit: 78 * KB, enforced: true },
    ],
  },
  ...languageFiles.map((r) => ({
    name: `+ ${languageOf(r.path)} texts, on first use`,
    gzip: r.gzip,
    budgets: [{ limit: 8 * KB, enforced: true }],
  })),
  {
    name: 'everything in the largest language',
    gzip: gzipOf(elementFiles.map((r) => r.path)) + largestLanguage,
    // Raised from 76 KB with "everything" (and the German failure texts, 0.2 KB), and again with it to 78 KB
    // and 79 KB; to 79.5 KB when the checkout learned to start again when more Commercial licenses
    // were sold beside an Exclusive before it was paid (0.2 KB with its German text); to 79.75 KB when
    // elements in a storefront not yet defined learned to wait for it (0.2 KB); to 80 KB when they
    // learned forced colours, more contrast and print (0.3 KB); to 80.25 KB when the JSON-LD learned to
    // be written under Trusted Types (0.15 KB); to 80.5 KB with the host-page fixes and rendering in another
    // document (0.3 KB); to 80.75 KB with the review's mends to them (waiting across shadow roots, inert
    // documents, sync-url and Back; 0.2 KB); to 81 KB with the frame fixes and the listing news (0.35 KB); to
    // 81.25 KB with the loader's retries and the end of a price hold (0.25 KB with its German text); to 81.5 KB
    // with the windowed grid's focus fixes (0.15 KB); to 81.75 KB with the cards' lighter first render (0.2 KB);
    // to 82.25 KB with the keyboard and screen-reader audit's and the Storybook review's fixes (see "everything");
    // to 82.5 KB when a modal nobody could see was closed, a new list dropped the page still loading for the
    // old one, and a brief changed after a lost answer kept its key and says when it was filed as first sent
    // (0.2 KB with its German text); to 82.75 KB with the touch audit's fixes (see "everything"); to 83 KB when a
    // translator's review mended the German and Spanish wording (legal terms, whole sentences, non-breaking spaces);
    // to 83.25 KB when type sizes stopped shrinking on pages with a small root font and the detail and checkout
    // kept a paid listing on screen through a reload that fails (0.03 KB); to 83.5 KB with the slow-network
    // audit's other fixes (see "everything"); to 83.75 KB with the detail's and checkout's shared kept listing;
    // to 84 KB when failed loads, checkouts and briefs said the buyer was offline (see "everything"; 0.25 KB with
    // the German texts); to 84.5 KB with a screen-reader audit's fixes (see "everything"; 0.45 KB with the
    // German texts, among them the gallery saying what each slide shows and a rated card's Show button named
    // for the image); to 84.75 KB with the payment overlay's slow-page note and the catalog's first screenful
    // (see "everything"); to 85 KB when a late page turning the grid windowed kept the buyer's place; to 85.25 KB
    // when the catalog fetched the dialog's code as a pointer came over the cards (0.1 KB); to 85.5 KB when a
    // new catalog drew a quick first page without placeholders before it (see "everything").
    budgets: [{ limit: 85.5 * KB, enforced: true }],
  },
];
console.log(`\n${'script-tag path (gzip, lit included)'.padEnd(52)}${pad('gzip', 8)}  budgets`);
let over = 0;
for (const p of paths) {
  const verdicts = p.budgets.map(({ limit, enforced }) => {
    const ok = p.gzip <= limit;
    if (!ok && enforced) over += 1;
    return `${ok ? 'ok' : enforced ? 'OVER' : 'over'} ≤ ${limit}${enforced ? ' (ceiling, enforced)' : ' (target)'}`;
  });
  console.log(`${p.name.padEnd(52)}${pad(p.gzip, 8)}  ${verdicts.join('; ')}`);
}
// Subresource Integrity: what a page puts in <script integrity="…"> for the
// versioned loader (the chunks it imports are pinned by their content-hashed
// names). The alias's own hash would not cover the loader it runs.
const sri = `sha384-${createHash('sha384').update(readFileSync(loaderPath)).digest('base64')}`;
console.log(`\nSRI for ${loaderPath}: ${sri}`);
console.log(
  `<script type="module" src="…/aip-storefront-${version}.js" integrity="${sri}" crossorigin="anonymous"></script>`,
);

if (over) {
  console.error(`${over} enforced budget(s) exceeded`);
  process.exit(1);
}
