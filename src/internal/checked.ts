import { checkContract, PersonaSummarySchema } from '../api/schemas.js';

/** Listings known to match the contract: they came through the client's validation, or were checked here. */
const checked = new WeakSet<object>();

/** Marks listings the client has validated, so the cards showing them don't check them again. */
export function markChecked(items: readonly object[]): void {
  for (const item of items) checked.add(item);
}

/**
 * What is wrong with `data` as a listing summary (the shape `GET /v1/catalog`
 * answers with), or null when it is one. Host pages hand cards their own
 * objects; they are held to the same contract as the API's answers.
 */
export function summaryProblem(data: unknown): string | null {
  if (typeof data === 'object' && data !== null && checked.has(data)) return null;
  const result = checkContract(PersonaSummarySchema, data, 'the value');
  if (!result.ok) return result.problem;
  checked.add(data as object);
  return null;
}
