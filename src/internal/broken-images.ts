import type { ReactiveElement } from 'lit';

/** Elements on the page whose images are asked for again when the browser comes back online. */
const hosts = new Set<ReactiveElement>();
let listening = false;

/** Asks again for every image of `host` whose request failed: the connection was gone. Their boxes never moved. */
function reload(host: ReactiveElement): void {
  for (const img of host.renderRoot.querySelectorAll('img')) {
    const src = img.getAttribute('src');
    if (img.complete && !img.naturalWidth && src) img.src = src;
  }
}

/**
 * Keeps `host`'s images in mind while it is on the page (`on` from
 * `connectedCallback`, off from `disconnectedCallback`): an image that failed
 * while the phone was offline loads once the browser is back online, rather
 * than staying a broken icon. One `online` listener serves every element.
 */
export function retryImagesOnline(host: ReactiveElement, on: boolean): void {
  if (!on) return void hosts.delete(host);
  hosts.add(host);
  if (listening || typeof addEventListener !== 'function') return;
  listening = true;
  addEventListener('online', () => hosts.forEach(reload));
}
