import { expect, fixture, html } from '@open-wc/testing';
import '../src/index.js';
import type { AipPrice } from '../src/components/price/price.js';
import { captureWarnings } from './helpers.js';

const text = (el: AipPrice) => el.shadowRoot!.querySelector('[part="base"]')?.textContent ?? '';

describe('<aip-price>', () => {
  it('formats minor units as dollars in the page locale', async () => {
    const el = await fixture<AipPrice>(html`<aip-price amount="4900" currency="USD"></aip-price>`);
    expect(text(el)).to.equal('$49');
    await expect(el).to.be.accessible();
  });

  it('shows cents when there are any', async () => {
    const el = await fixture<AipPrice>(html`<aip-price amount="19999" currency="USD"></aip-price>`);
    expect(text(el)).to.equal('$199.99');
  });

  it('follows the storefront locale', async () => {
    const wrapper = await fixture(
      html`<aip-storefront locale="de-DE"><aip-price amount="123456" currency="USD"></aip-price></aip-storefront>`,
    );
    const el = wrapper.querySelector('aip-price')!;
    await el.updateComplete;
    expect(text(el).replace(/\s/g, ' ')).to.equal('1.234,56 $');
  });

  it('follows the nearest lang attribute when standing alone', async () => {
    const wrapper = await fixture(
      html`<div lang="es-ES"><aip-price amount="5000000" currency="EUR"></aip-price></div>`,
    );
    const el = wrapper.querySelector('aip-price')!;
    await el.updateComplete;
    expect(text(el).replace(/\s/g, ' ')).to.equal('50.000 €');
  });

  it('reads a lower-case currency code as the storefront does, without a warning', async () => {
    let el!: AipPrice;
    const warnings = await captureWarnings(async () => {
      el = await fixture<AipPrice>(html`<aip-price amount="4900" currency="eur"></aip-price>`);
    });
    expect(text(el)).to.equal('€49');
    expect(warnings).to.deep.equal([]);
  });

  it('shows the largest amounts to the cent, and single cents', async () => {
    const big = await fixture<AipPrice>(html`<aip-price amount="9007199254740991" currency="USD"></aip-price>`);
    expect(text(big)).to.equal('$90,071,992,547,409.91');
    const cent = await fixture<AipPrice>(html`<aip-price amount="7" currency="USD"></aip-price>`);
    expect(text(cent)).to.equal('$0.07');
    const dinar = await fixture<AipPrice>(html`<aip-price amount="4500001" currency="KWD"></aip-price>`);
    expect(text(dinar).replace(/\s/g, ' ')).to.equal('KWD 4,500.001');
  });

  it('shows the three decimals of a currency with 1000 minor units, even when the cents would be round', async () => {
    const el = await fixture<AipPrice>(html`<aip-price amount="1500" currency="BHD"></aip-price>`);
    expect(text(el).replace(/\s/g, ' ')).to.equal('BHD 1.500');
    const whole = await fixture<AipPrice>(html`<aip-price amount="2000" currency="BHD"></aip-price>`);
    expect(text(whole).replace(/\s/g, ' ')).to.equal('BHD 2');
  });

  it('knows currencies without minor units', async () => {
    const el = await fixture<AipPrice>(html`<aip-price amount="4900" currency="JPY"></aip-price>`);
    expect(text(el)).to.equal('¥4,900');
  });

  it('uses the storefront currency when none is given', async () => {
    const wrapper = await fixture(
      html`<aip-storefront currency="GBP" locale="en-GB"><aip-price amount="1050"></aip-price></aip-storefront>`,
    );
    const el = wrapper.querySelector('aip-price')!;
    await el.updateComplete;
    expect(text(el)).to.equal('£10.50');
  });

  describe('warnings', () => {
    it('renders nothing and warns once for an amount that is not whole minor units', async () => {
      let el!: AipPrice;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPrice>(html`<aip-price amount="49.5" currency="USD"></aip-price>`);
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(text(el)).to.equal('');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/amount="49\.5"/);
    });

    it('renders nothing and warns once for a negative amount', async () => {
      let el!: AipPrice;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPrice>(html`<aip-price amount="-100" currency="USD"></aip-price>`);
        el.requestUpdate();
        await el.updateComplete;
      });
      expect(text(el)).to.equal('');
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.match(/amount="-100" is negative/);
    });

    it('falls back to the storefront currency for a bad code', async () => {
      let el!: AipPrice;
      const warnings = await captureWarnings(async () => {
        el = await fixture<AipPrice>(html`<aip-price amount="100" currency="dollars"></aip-price>`);
      });
      expect(text(el)).to.equal('$1');
      expect(warnings.join()).to.match(/currency="dollars"/);
    });
  });
});
