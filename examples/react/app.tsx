import { useState } from 'react';
import 'aip-storefront';
import type { AipSelectEvent, PersonaSummary } from 'aip-storefront';
import type {} from 'aip-storefront/react';

export function App({ api, featured }: { api: string; featured: PersonaSummary }) {
  const [chosen, setChosen] = useState('');

  function choose(event: AipSelectEvent) {
    event.preventDefault(); // the app shows the choice itself: no detail dialog, no link followed
    setChosen(event.detail.persona.name);
  }

  return (
    <aip-storefront api={api}>
      <aip-persona-card data={featured} layout="horizontal" onaip-select={choose} />
      <aip-catalog page-size={12} onaip-select={choose} />
      <p role="status">{chosen && `You chose ${chosen}`}</p>
    </aip-storefront>
  );
}
