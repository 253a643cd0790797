// A host's own element wrapping a catalog, forwarding two of the catalog's parts under its own names.
if (!customElements.get('my-shop')) {
  customElements.define(
    'my-shop',
    class extends HTMLElement {
      constructor() {
        super();
        this.attachShadow({ mode: 'open' }).innerHTML = `
          <aip-catalog page-size="3" filters="none"
            exportparts="card-title: shop-card-title, grid: shop-grid"></aip-catalog>`;
      }
    },
  );
}
