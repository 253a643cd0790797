// The studio's own navigation: a chosen card opens the studio's persona page.
// aip-select is cancelable, so the host decides what "open" means.
document.addEventListener('aip-select', (event) => {
  event.preventDefault();
  location.assign(`./persona.html?id=${encodeURIComponent(event.detail.persona.id)}`);
});
