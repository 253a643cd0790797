/**
 * Helpers for the purchase tests: quote, order and pay through the real
 * endpoints of an isolated marketplace, the way an integrator would.
 */
import { expect } from '@open-wc/testing';
import * as v from 'valibot';
import {
  OrderSchema,
  QuoteSchema,
  type License,
  type Order,
  type OrderRequest,
  type Quote,
} from '../../src/api/schemas.js';
import { get, post, type Fetched } from './http.js';

/** Every tier's agreement version in the reference marketplace. */
export const AGREEMENT_VERSION = '2026-03-18';

let keys = 0;
/** A fresh Idempotency-Key. */
export const newKey = (label = 'order') =>
  `${label}-${Date.now()}-${(keys += 1)}-${Math.random().toString(36).slice(2)}`;

export const BUYER = { email: 'buyer@example.com', name: 'Harbor Coffee Co.' };

/** A 201 quote for a tier, or the test fails. */
export async function quote(base: string, personaId: string, license: License, buyerEmail?: string): Promise<Quote> {
  const fetched = await post(`${base}/v1/quotes`, { personaId, license, buyerEmail });
  expect(fetched.res.status, fetched.text).to.equal(201);
  return v.parse(QuoteSchema, fetched.body);
}

/** The order request a buyer sends for a quote. */
export function orderRequest(q: Quote, changes: Partial<OrderRequest> = {}): OrderRequest {
  return {
    quoteId: q.id,
    buyer: BUYER,
    acceptedAgreement: { license: q.license, version: AGREEMENT_VERSION },
    ...changes,
  };
}

/** POSTs an order with an Idempotency-Key (none when `key` is null). */
export function sendOrder(base: string, body: unknown, key: string | null = newKey()): Promise<Fetched> {
  return post(`${base}/v1/orders`, body, { headers: key === null ? {} : { 'Idempotency-Key': key } });
}

/** A new order (201) for a quote, or the test fails. */
export async function placeOrder(base: string, q: Quote, changes: Partial<OrderRequest> = {}): Promise<Order> {
  const fetched = await sendOrder(base, orderRequest(q, changes));
  expect(fetched.res.status, fetched.text).to.equal(201);
  return v.parse(OrderSchema, fetched.body);
}

/** Quotes a tier and orders it. */
export async function order(
  base: string,
  personaId: string,
  license: License,
  buyer: { email: string; name: string } = BUYER,
): Promise<Order> {
  const q = await quote(base, personaId, license, license === 'ownership' ? buyer.email : undefined);
  return placeOrder(base, q, { buyer });
}

/** `POST /v1/sandbox/orders/{id}/pay`. */
export function sandboxPay(base: string, orderId: string): Promise<Fetched> {
  return get(`${base}/v1/sandbox/orders/${orderId}/pay`, { method: 'POST' });
}

/** Orders a tier and pays for it in the sandbox: the completed order. */
export async function buy(
  base: string,
  personaId: string,
  license: License,
  buyer: { email: string; name: string } = BUYER,
): Promise<Order> {
  const placed = await order(base, personaId, license, buyer);
  const paid = await sandboxPay(base, placed.id);
  expect(paid.res.status, paid.text).to.equal(200);
  const completed = v.parse(OrderSchema, paid.body);
  expect(completed.status).to.equal('completed');
  return completed;
}

/** The order as `GET /v1/orders/{id}` answers it now. */
export async function fetchOrder(base: string, id: string): Promise<Order> {
  const fetched = await get(`${base}/v1/orders/${id}`);
  expect(fetched.res.status, fetched.text).to.equal(200);
  return v.parse(OrderSchema, fetched.body);
}

/** Polls an order until `done` says so (or the test times out). */
export async function waitForOrder(base: string, id: string, done: (order: Order) => boolean): Promise<Order> {
  for (;;) {
    const current = await fetchOrder(base, id);
    if (done(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 15));
  }
}

/** `date` plus `months` calendar months, UTC (the dates in these tests never need clamping). */
export function plusMonths(iso: string, months: number): string {
  const date = new Date(iso);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString();
}
