import { createApp } from 'vue';
import { AipClient } from 'aip-storefront/api';
import { App } from './app.js';

// The marketplace's base URL; empty is this page's own origin, where the example server mounts the reference one.
const api = '';
// A listing the page already has (here from the typed client; often your server's copy): its card requests nothing.
const [featured] = (await new AipClient({ baseUrl: api }).catalog({ sort: 'name', limit: 1 })).items;

const app = createApp(App, { api, featured });
// The aip-* tags are custom elements, not Vue components. (With single-file components, give the same function
// to the Vue plugin of your build: template.compilerOptions.isCustomElement.)
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('aip-');
app.mount('#app');
