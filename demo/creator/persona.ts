import type { AipViewEvent } from '../../src/index.js';

// Fills the studio's persona page from its ?id= query. Without one there is no persona to show (the element
// would hold its placeholder for good), so the visitor goes back to the list of personas.
const id = new URLSearchParams(location.search).get('id')?.trim() ?? '';
if (id) for (const el of document.querySelectorAll('[data-persona]')) el.setAttribute('persona', id);
else location.replace('./#personas');

// The tab, the history list and a bookmark name the persona shown, not just the studio.
document.addEventListener('aip-view', (event) => {
  document.title = `${(event as AipViewEvent).detail.persona.name}: Nova Studio`;
});
