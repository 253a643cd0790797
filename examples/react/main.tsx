import { createRoot } from 'react-dom/client';
import { AipClient } from 'aip-storefront/api';
import { App } from './app.js';

// The marketplace's base URL; empty is this page's own origin, where the example server mounts the reference one.
const api = '';
// A listing the page already has (here from the typed client; often your server's copy): its card requests nothing.
const [featured] = (await new AipClient({ baseUrl: api }).catalog({ sort: 'name', limit: 1 })).items;

createRoot(document.getElementById('root')!).render(<App api={api} featured={featured} />);
