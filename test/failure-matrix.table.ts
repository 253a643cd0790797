/**
 * The failure matrix as data: every element that talks to the marketplace ×
 * every way the network or the marketplace can fail, and what a buyer then
 * sees and can do. `test/failure-matrix.test.ts` checks each cell against the
 * reference marketplace's fault switches; `npm run docs:reliability` writes
 * `docs/reliability.md` from the same tables (and a test fails when the
 * committed file differs), so the document can't drift from what is tested.
 *
 * Plain data and string building only: it runs in the browser (the test) and
 * in Node (the script).
 */

/** A failure whose outcome is a message with a next step. */
export interface MessageFailure {
  id: 'offline' | 'timeout' | '404' | '409' | '429' | '500' | '503' | 'malformed' | 'schema';
  label: string;
  /** How the cell makes it happen, for the document. */
  how: string;
  /** The fault spec (`/_fault/<spec>`); null: the API points at a closed port. */
  spec: string | null;
}

/** The client's timeout for the matrix, in ms (`timeout` on `<aip-storefront>`), and the latency that outlasts it. */
export const MATRIX_TIMEOUT_MS = 1000;
export const MATRIX_LATENCY_MS = 2500;
/** The wait a 429 asks for: longer than the client waits out by itself, so the element has to say it. */
export const MATRIX_RETRY_AFTER_S = 30;
/** How long the overtaken cells hold the first answer back. */
export const MATRIX_SLOW_MS = 900;

export const MESSAGE_FAILURES: readonly MessageFailure[] = [
  {
    id: 'offline',
    label: 'No connection',
    how: '`api="http://127.0.0.1:9"`: a closed port, the connection is refused (the browser itself is online)',
    spec: null,
  },
  {
    id: 'timeout',
    label: 'Timeout',
    how: `\`latency=${MATRIX_LATENCY_MS}\` with \`timeout="${MATRIX_TIMEOUT_MS}"\` on the storefront`,
    spec: `latency=${MATRIX_LATENCY_MS}`,
  },
  { id: '404', label: '404', how: '`status=404`', spec: 'status=404' },
  { id: '409', label: '409', how: '`status=409`', spec: 'status=409' },
  {
    id: '429',
    label: '429 + Retry-After',
    how: `\`status=429,retry-after=${MATRIX_RETRY_AFTER_S}\``,
    spec: `status=429,retry-after=${MATRIX_RETRY_AFTER_S}`,
  },
  { id: '500', label: '500', how: '`status=500`', spec: 'status=500' },
  { id: '503', label: '503', how: '`status=503`', spec: 'status=503' },
  { id: 'malformed', label: 'Malformed JSON', how: '`body=malformed`', spec: 'body=malformed' },
  {
    id: 'schema',
    label: 'Wrong shape',
    how: '`body=schema`: valid JSON that breaks the contract',
    spec: 'body=schema',
  },
];

export type MessageFailureId = MessageFailure['id'];

/** What the buyer is shown, and the way forward the element offers. */
export interface Outcome {
  /** Every fragment appears in one visible `role="alert"` (or `status`) region of the element. */
  says: string[];
  /** The text of the button that is the next step; null when retrying can't help and none is offered. */
  action: string | null;
  /** Said in the document besides the message. */
  note?: string;
}

export interface MatrixRow {
  /** The element's tag. */
  tag: string;
  /** What the element asks the marketplace for; the failures hit these requests. */
  requests: string;
  /** The write the failures aim at (`only=<resource>`), so the listing and the quote still load; null for read-only elements. */
  writes: 'orders' | 'custom-orders' | null;
  outcomes: Record<MessageFailureId, Outcome>;
  /** The document's words for the two cells that end well. */
  transient: string;
  overtaken: string;
}

/** The hints `loadFailureHint` (src/internal/failure.ts) gives, as the matrix expects them. */
const HINT = {
  offline: 'Check your connection, then try again.',
  timeout: 'The marketplace took too long to answer.',
  busy: `The marketplace is busy. Try again in ${MATRIX_RETRY_AFTER_S} s.`,
  unavailable: 'The marketplace is unavailable right now.',
  problem: 'The marketplace had a problem.',
  unreadable: 'The marketplace sent an answer that could not be read.',
};

const GONE: Outcome = {
  says: ['This persona is not listed on the marketplace.'],
  action: null,
  note: 'final: a retry would get the same answer, so none is offered; the way back is the page around it',
};

/** The cells of a failed load: `title`, then the hint for the failure, and "Try again". */
function loadCells(title: string, notFound: Outcome | null = GONE): Record<MessageFailureId, Outcome> {
  const cell = (hint: string): Outcome => ({ says: [title, hint], action: 'Try again' });
  return {
    offline: cell(HINT.offline),
    timeout: cell(HINT.timeout),
    404: notFound ?? cell(HINT.problem),
    409: cell(HINT.problem),
    429: cell(HINT.busy),
    500: cell(HINT.problem),
    503: cell(HINT.unavailable),
    malformed: cell(HINT.unreadable),
    schema: cell(HINT.unreadable),
  };
}

const ORDER_UNCONFIRMED = "We couldn't confirm that your order was created";
const ORDER_SAFE = 'Trying again is safe: it cannot create a second order.';
/** What the checkout says of an answer it could not read (what was wrong with it goes to the console only). */
const ORDER_UNREADABLE = '(the marketplace sent an answer that could not be read)';
const BRIEF_ONCE = 'Sending it again is safe: the brief is filed only once.';

export const MATRIX_ROWS: readonly MatrixRow[] = [
  {
    tag: 'aip-catalog',
    requests: 'catalog pages',
    writes: null,
    outcomes: loadCells('The catalog could not be loaded.', null),
    transient: 'the cards, as if nothing had happened (the client tried again)',
    overtaken:
      'the page for the newest filters only: a slow "Show more" page of the previous filters is dropped, never appended',
  },
  {
    tag: 'aip-persona-card',
    requests: 'the listing',
    writes: null,
    outcomes: {
      ...loadCells('This persona could not be loaded.'),
      404: { ...GONE, note: "final; the host's fallback link inside the card is shown, to the marketplace's page" },
    },
    transient: 'the card',
    overtaken: 'the card of the newest `persona` only',
  },
  {
    tag: 'aip-persona-detail',
    requests: 'the listing, then its creator',
    writes: null,
    outcomes: loadCells('This persona could not be loaded.'),
    transient: 'the listing',
    overtaken: 'the newest `persona` only',
  },
  {
    tag: 'aip-license-picker',
    requests: 'the pricing policy and the listing',
    writes: null,
    outcomes: loadCells('The license options could not be loaded.'),
    transient: 'the tiers with their prices',
    overtaken: "the newest `persona`'s tiers and prices only",
  },
  {
    tag: 'aip-checkout',
    requests: 'the listing; then a quote and the order (`only=orders`: the order fails)',
    writes: 'orders',
    outcomes: {
      // Offline nothing loads, so the buyer never gets to the order.
      offline: { says: ['The checkout could not be loaded.', HINT.offline], action: 'Try again' },
      timeout: {
        says: [ORDER_UNCONFIRMED, '(the marketplace did not answer in time)', ORDER_SAFE],
        action: 'Try again',
      },
      404: {
        says: ['This persona is no longer listed. Nothing was charged.'],
        action: 'Get a new price',
        note: 'every element showing the listing reloads it; if it is really gone, the checkout says so in place of the form',
      },
      409: {
        says: ["This license can't be bought any more", 'The license options have been updated.'],
        action: 'Choose another license',
      },
      429: {
        says: [ORDER_UNCONFIRMED, `Please wait ${MATRIX_RETRY_AFTER_S} s before trying again.`, ORDER_SAFE],
        action: 'Try again',
      },
      500: { says: [ORDER_UNCONFIRMED, ORDER_SAFE], action: 'Try again' },
      503: { says: [ORDER_UNCONFIRMED, ORDER_SAFE], action: 'Try again' },
      malformed: { says: [ORDER_UNCONFIRMED, ORDER_UNREADABLE, ORDER_SAFE], action: 'Try again' },
      schema: { says: [ORDER_UNCONFIRMED, ORDER_UNREADABLE, ORDER_SAFE], action: 'Try again' },
    },
    transient: 'the failed order\'s message; "Try again" sends the same key and makes the one order',
    overtaken: 'the newest `persona` only',
  },
  {
    tag: 'aip-custom-order',
    requests: 'the listing; then the brief (`only=custom-orders`: the brief fails)',
    writes: 'custom-orders',
    outcomes: {
      offline: { says: ['The custom-order form could not be loaded.', HINT.offline], action: 'Try again' },
      timeout: {
        says: ['The marketplace did not answer in time, so the brief may or may not have arrived.', BRIEF_ONCE],
        action: 'Try again',
      },
      404: {
        says: ["is no longer listed, so it can't take custom orders.", 'Your brief is still here'],
        action: null,
        note: 'final; the brief stays in the form',
      },
      409: {
        says: ['The marketplace could not accept this brief', 'Review it and send it again.'],
        action: 'Send brief',
      },
      429: {
        says: [`The marketplace is busy. Try again in ${MATRIX_RETRY_AFTER_S} s.`, BRIEF_ONCE],
        action: 'Try again',
        note: '"Try again" stays disabled (`aria-disabled`) until the wait is over',
      },
      500: {
        says: ['The marketplace had a problem, so the brief may not have been filed.', BRIEF_ONCE],
        action: 'Try again',
      },
      503: {
        says: ['The marketplace had a problem, so the brief may not have been filed.', BRIEF_ONCE],
        action: 'Try again',
      },
      malformed: {
        says: ['The marketplace had a problem, so the brief may not have been filed.', BRIEF_ONCE],
        action: 'Try again',
      },
      schema: {
        says: ['The marketplace had a problem, so the brief may not have been filed.', BRIEF_ONCE],
        action: 'Try again',
      },
    },
    transient: 'the failed brief\'s message; "Try again" sends the same key and files it once',
    overtaken: 'the form for the newest `persona` only',
  },
];

const cellText = (o: Outcome) =>
  `${o.says.map((s) => `“${s}”`).join(' … ')} → ${o.action ? `**${o.action}**` : 'no retry'}${o.note ? ` (${o.note})` : ''}`;

/** `docs/reliability.md`, generated from the tables above. */
export function reliabilityMarkdown(): string {
  const lines: string[] = [
    '# Reliability: what a buyer sees when something fails',
    '',
    '<!-- Generated from test/failure-matrix.table.ts by `npm run docs:reliability`; do not edit by hand. -->',
    '',
    'Every cell below is a test in `test/failure-matrix.test.ts`, run in Chromium against the reference',
    "marketplace's [fault switches](../server/README.md#fault-switches), with no stubbed `fetch`. In every cell:",
    '',
    '- the element shows a visible message (`role="alert"` or `role="status"`) that says what happened, and',
    '  offers the next step named here;',
    '- no uncaught error or unhandled promise rejection reaches the page;',
    "- the host page keeps working: a timer keeps ticking and the host's own button still responds;",
    '- nothing stale or unconfirmed is shown as if it were fresh: a failed load shows no listing, a failed',
    '  order or brief shows no confirmation.',
    '',
    '## Retries',
    '',
    'The client (`AipClient`) tries a failed **read** again by itself, at most `retries` times (2 by default;',
    '`retries="0"` on `<aip-storefront>` turns it off), when a retry can cure it: no connection, no answer within',
    'the timeout, HTTP 429, 502, 503 or 504. It waits 300 ms, then 900 ms (±20 %), or the `Retry-After` the',
    'server sent when that is 10 s or less; a longer `Retry-After` fails at once, so the element can say when to',
    'try again. It does not retry a 500 (the handler failed; it usually fails the same way again), other 4xx',
    'or an answer it cannot read. A retry stops as soon as the element no longer needs the answer.',
    '',
    '**Writes are never retried by the client.** A failed order or brief keeps its `Idempotency-Key`; the',
    'buyer\'s "Try again" sends the same request with the same key, so the marketplace acts once.',
    '',
    'The failure cells run with `retries="0"` and `timeout="' +
      MATRIX_TIMEOUT_MS +
      '"` on the storefront, so the message shows at once;',
    'with the defaults the same message appears after the retries (about 1.2 s more for a read, and each try',
    'gets the full 15 s timeout). The "503 once" column runs with the default retries.',
    '',
    '## Recovery',
    '',
    'Elements showing the same listing (a detail, its license picker, checkout and custom-order brief, a',
    'catalog\'s card) recover together: when one of them loads the listing after a failure (its "Try again"), or',
    'the browser comes back online after one, every element that failed shows it, from one request. When a',
    'load brings a newer version of a listing than the one shown, every element showing it follows, and a',
    "catalog's dialog asks again for a listing it kept open from earlier once the client's copy is 30 s old",
    '(`test/listing-news.test.ts`). The script-tag loader asks again for a lazy file that did not arrive after 2,',
    '4, 8, 16 and 30 s, and at once when the browser comes back online. Back online, a catalog whose list or',
    'next page failed loads it again, and cards and the detail ask again for images whose request failed. A',
    'reload of a listing that fails (a sale reloads it everywhere) leaves the copy on screen, and a',
    "checkout's certificate with it, unless the marketplace says the listing is gone.",
    '',
    'When the browser itself is offline, a failed load says so instead of asking the buyer to check the',
    "connection: “You're offline. This will load again as soon as you're back online.” It then does",
    "(`e2e/offline.test.ts`, with Playwright's offline mode).",
    '',
    '## How each failure is made',
    '',
    '| failure | how |',
    '| --- | --- |',
    ...MESSAGE_FAILURES.map((f) => `| ${f.label} | ${f.how} |`),
    '| 503 once | `status=503,times=1`, default retries: the first request (for the writers, the first write) fails, the next succeeds |',
    `| Overtaken | \`latency=${MATRIX_SLOW_MS},times=1\`: the first listing request is held back, and meanwhile the element gets another \`persona\`; the catalog holds back its first page and a "Show more" page (\`times=2\`), and meanwhile the buyer changes the sort |`,
    '',
    'For `<aip-checkout>` and `<aip-custom-order>` every failure but "no connection" is aimed at the write',
    '(`only=orders`, `only=custom-orders`), so the listing and the quote load and the buyer fills in the form',
    'first; with no connection, nothing loads.',
    '',
    '## Results',
    '',
    '`<aip-storefront>` is in every cell (it carries `api`, `timeout` and `retries` to the element); it and',
    '`<aip-price>` send no requests of their own, so they have no row.',
    '',
  ];
  for (const row of MATRIX_ROWS) {
    lines.push(
      `### \`<${row.tag}>\``,
      '',
      `Requests: ${row.requests}.`,
      '',
      '| failure | the buyer sees … and can |',
      '| --- | --- |',
    );
    for (const f of MESSAGE_FAILURES) lines.push(`| ${f.label} | ${cellText(row.outcomes[f.id])} |`);
    lines.push(`| 503 once | ${row.transient} |`, `| Overtaken | ${row.overtaken} |`, '');
  }
  return `${lines.join('\n')}\n`;
}
