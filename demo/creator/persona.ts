// Fills the studio's persona page from its ?id= query.
const id = new URLSearchParams(location.search).get('id') ?? '';
for (const el of document.querySelectorAll('[data-persona]')) el.setAttribute('persona', id);
