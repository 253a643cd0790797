/**
 * The standalone reference marketplace: `npm run server -- [options]`.
 */
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { MAX_GENERATE } from './generate.js';
import { createMarketplace, type Marketplace } from './index.js';

const USAGE = `Usage: npm run server -- [options]

Runs the AI-People reference marketplace API.

Options:
  --port <n>      port to listen on (default 8787; 0 picks a free one)
  --host <name>   interface to bind (default 127.0.0.1)
  --db <path>     SQLite database file, or :memory: (default .data/marketplace.sqlite)
  --seed <file>   catalog seed JSON, loaded when the database has no creators
                  (default: the built-in demo catalog; "none" for no seed)
  --generate <n>  also load n generated personas (0-100000, plus one rated per
                  hundred) for scale tests; with --seed none, only those
  --faults        honour the fault switches (/_fault/<spec>/..., X-Aip-Fault)
  --no-sandbox    don't serve POST /v1/sandbox/orders/{id}/pay (payment on the
                  hosted checkout page stays simulated)
  --confirmations <n>
                  payment confirmations that complete an order (1-100, default 3)
  --confirmation-interval <ms>
                  real time between two confirmations (0-60000, default 700)
  -h, --help      show this help

Environment:
  AIP_PRICING_POLICY  path to a pricing policy JSON (default server/pricing-policy.json)
`;

function fail(message: string): never {
  console.error(`server: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  db: { type: 'string' },
  seed: { type: 'string' },
  generate: { type: 'string' },
  faults: { type: 'boolean' },
  'no-sandbox': { type: 'boolean' },
  confirmations: { type: 'string' },
  'confirmation-interval': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function readArgs() {
  try {
    return parseArgs({ options: OPTIONS, strict: true, allowPositionals: false });
  } catch (error) {
    return fail((error as Error).message);
  }
}

const { values } = readArgs();
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}

const portText = values.port ?? '8787';
if (!/^\d{1,5}$/.test(portText) || Number(portText) > 65535) fail(`--port must be 0–65535, got "${portText}"`);
const host = values.host ?? '127.0.0.1';
if (host.trim() === '') fail('--host must not be empty');
const dbPath = values.db ?? '.data/marketplace.sqlite';
if (dbPath.trim() === '') fail('--db must not be empty');
if (values.seed !== undefined && values.seed.trim() === '') fail('--seed must name a file');
const seed = values.seed === 'none' ? false : values.seed;
const generateText = values.generate ?? '0';
if (!/^\d{1,6}$/.test(generateText) || Number(generateText) > MAX_GENERATE) {
  fail(`--generate must be 0–${MAX_GENERATE}, got "${generateText}"`);
}
const generate = Number(generateText);

/** A whole-number flag within bounds, or exit 2 naming it. */
function wholeFlag(name: string, text: string | undefined, min: number, max: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{1,6}$/.test(text) || Number(text) < min || Number(text) > max) {
    fail(`--${name} must be ${min}–${max}, got "${text}"`);
  }
  return Number(text);
}
const confirmations = wholeFlag('confirmations', values.confirmations, 1, 100);
const confirmationIntervalMs = wholeFlag('confirmation-interval', values['confirmation-interval'], 0, 60_000);
const sandbox = !values['no-sandbox'];

let marketplace: Marketplace;
const started = performance.now();
try {
  marketplace = createMarketplace({
    db: dbPath,
    seed,
    generate,
    faults: values.faults ?? false,
    sandbox,
    confirmations,
    confirmationIntervalMs,
  });
} catch (error) {
  console.error(`server: cannot start: ${(error as Error).message}`);
  process.exit(1);
}

const server = serve({ fetch: marketplace.app.fetch, port: Number(portText), hostname: host }, (info) => {
  const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
  console.log(`AI-People reference marketplace listening on http://${shownHost}:${info.port}`);
  console.log(
    `  database: ${dbPath}${values.faults ? '; fault switches on' : ''}; sandbox payments ${sandbox ? 'on' : 'off'}`,
  );
  if (generate > 0) {
    const { personas } = marketplace.counts();
    console.log(`  catalog: ${personas} personas, ready in ${Math.round(performance.now() - started)} ms`);
  }
  console.log(`  try: http://${shownHost}:${info.port}/v1/catalog`);
});

server.on('error', (error) => {
  console.error(`server: ${error.message}`);
  marketplace.close();
  process.exit(1);
});

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: closing the database and stopping`);
  server.close();
  marketplace.close();
  process.exit(0);
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
