/**
 * Another buyer, for stories whose state needs a sale made mid-flow: buys a
 * license through the reference marketplace's API (quote, order, sandbox
 * payment), as an integrator's test would.
 */
export async function anotherBuyerBuys(api: string, personaId: string, license: string): Promise<void> {
  const send = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${api}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const persona = (await (await fetch(`${api}/v1/personas/${personaId}`)).json()) as {
    offers: { license: string; agreement: { version: string } }[];
  };
  const version = persona.offers.find((offer) => offer.license === license)!.agreement.version;
  const quote = await send('/v1/quotes', { personaId, license });
  const order = await send(
    '/v1/orders',
    {
      quoteId: quote.id,
      buyer: { email: 'another.buyer@example.com', name: 'Another Buyer' },
      acceptedAgreement: { license, version },
    },
    { 'Idempotency-Key': `story-${Date.now()}-${Math.random().toString(36).slice(2)}` },
  );
  await send(`/v1/sandbox/orders/${order.id}/pay`, {});
}
