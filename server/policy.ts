/**
 * Where the server's pricing policy comes from: an explicit option, else the
 * JSON file named by `AIP_PRICING_POLICY`, else `pricing-policy.json` beside
 * this file. Whatever the source, it must pass `assertValidPolicy` and be in
 * US dollars (as the platform's prices are), or the server refuses to start.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { assertValidPolicy } from '../src/api/pricing.js';
import type { PricingPolicy } from '../src/api/schemas.js';

export const DEFAULT_POLICY_FILE = fileURLToPath(new URL('./pricing-policy.json', import.meta.url));

export function readPolicyFile(path: string): PricingPolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read the pricing policy ${path}: ${(error as Error).message}`, { cause: error });
  }
  try {
    return assertValidPolicy(raw);
  } catch (error) {
    throw new Error(`${(error as Error).message} (in ${path})`, { cause: error });
  }
}

export function resolvePolicy(policy?: PricingPolicy, env: NodeJS.ProcessEnv = process.env): PricingPolicy {
  const file = env.AIP_PRICING_POLICY?.trim();
  const resolved = policy ? assertValidPolicy(policy) : readPolicyFile(file ? file : DEFAULT_POLICY_FILE);
  if (resolved.currency !== 'USD') {
    // Everything past the quote is in US dollars: the hosted checkout's USDC amount, custom-order budgets.
    throw new Error(
      `The pricing policy's currency is ${resolved.currency}: the platform prices in US dollars (USD) only${
        policy ? '' : ` (in ${file || DEFAULT_POLICY_FILE})`
      }`,
    );
  }
  return resolved;
}
