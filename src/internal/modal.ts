/**
 * The modal dialogs the elements have open. While one is open the host page
 * behind it does not scroll: a native modal `<dialog>` stops clicks on the
 * page, but not the wheel or a swipe over its backdrop, which would move the
 * page under the dialog. Each with the observer watching it (see showModal).
 */
const open = new Map<HTMLDialogElement, ResizeObserver>();
/**
 * What the hold sets on the root of the page showing the dialog, inline and
 * `!important`. The gutter only on a page with a classic scrollbar, which
 * keeps its room, so nothing moves sideways.
 */
const HOLD: Record<string, string> = { 'overflow-x': 'hidden', 'overflow-y': 'hidden', 'scrollbar-gutter': 'stable' };
/** The pages held, each with its own inline values of what the hold set: property, value, priority. */
const saved = new Map<Document, [string, string, string][]>();

function hold(page: Document): void {
  const style = page.documentElement.style;
  const gutter = page.defaultView!.innerWidth > page.documentElement.clientWidth;
  const values: [string, string, string][] = [];
  for (const property in HOLD) {
    if (property === 'scrollbar-gutter' && !gutter) continue;
    values.push([property, style.getPropertyValue(property), style.getPropertyPriority(property)]);
    style.setProperty(property, HOLD[property]!, 'important');
  }
  saved.set(page, values);
}

function release(page: Document): void {
  const style = page.documentElement.style;
  // Put back what the page had, unless the page has set the property itself since.
  for (const [property, value, priority] of saved.get(page) ?? []) {
    if (style.getPropertyPriority(property) && style.getPropertyValue(property) === HOLD[property]) {
      style.setProperty(property, value, priority);
    }
  }
  saved.delete(page);
}

function sync(): void {
  for (const [dialog, watcher] of open) {
    if (dialog.matches(':modal')) {
      if (dialog.getClientRects().length) continue;
      // A modal no one can see, inside something the host hid or closed (a dialog around it): it would
      // leave the whole page inert, with nothing on screen to close it. Closed, as if by its Close.
      dialog.close();
    }
    open.delete(dialog);
    watcher.disconnect();
  }
  // Each page showing a dialog is held, and only those: a dialog in a frame holds the frame.
  const showing = new Set([...open.keys()].map((dialog) => dialog.ownerDocument));
  for (const page of showing) if (!saved.has(page)) hold(page);
  for (const page of [...saved.keys()]) if (!showing.has(page)) release(page);
}

/**
 * Opens `dialog` as a modal and holds its page still until it closes, leaves
 * the page or stops being drawn (then it is closed: see sync).
 */
export function showModal(dialog: HTMLDialogElement): void {
  // The host may have removed the element while it was getting ready to open.
  if (!dialog.isConnected) return;
  dialog.showModal();
  // Tells when the dialog stops being shown by any way: closed, hidden with what holds it, or removed
  // from the page with its element (which fires no `close`). Its box is then gone, and a ResizeObserver
  // hears that (one opened where nothing is drawn is closed at once, in sync). Made in the realm of the dialog's
  // page: one from this page, watching a dialog in a frame that is then removed, would report the
  // browser's "ResizeObserver loop" error here in every frame from then on.
  const watcher = new dialog.ownerDocument.defaultView!.ResizeObserver(sync);
  watcher.observe(dialog);
  open.get(dialog)?.disconnect();
  open.set(dialog, watcher);
  sync();
}

/**
 * Shows again, as modals, the open dialogs a move in the page left behind: a
 * moved dialog keeps `open` but loses the top layer, so it would sit inline
 * in the page, Escape would not close it, and the page would stay held. Each
 * element calls this when it is connected. The `close` event this fires is
 * heard after the dialog is open again; listeners ignore it then.
 */
export function reshowMoved(): void {
  for (const dialog of [...open.keys()]) {
    if (dialog.isConnected && dialog.open && !dialog.matches(':modal')) {
      dialog.close();
      showModal(dialog);
    }
  }
}
