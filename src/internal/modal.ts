/**
 * The modal dialogs the elements have open. While one is open the host page
 * behind it does not scroll: a native modal `<dialog>` stops clicks on the
 * page, but not the wheel or a swipe over its backdrop, which would move the
 * page under the dialog.
 */
const open = new Set<HTMLDialogElement>();
/**
 * What the hold sets on the page's root, inline and `!important`. The gutter
 * only on a page with a classic scrollbar, which keeps its room, so nothing
 * moves sideways.
 */
const HOLD: Record<string, string> = { 'overflow-x': 'hidden', 'overflow-y': 'hidden', 'scrollbar-gutter': 'stable' };
/** The page's own inline values of what the hold set: property, value, priority. */
let saved: [string, string, string][] | null = null;
/**
 * Tells when an open dialog stops being shown by any way: closed, or removed
 * from the page with its element (which fires no `close`). Its box is then
 * gone, and a ResizeObserver hears that.
 */
let watcher: ResizeObserver | null = null;

function sync(): void {
  for (const dialog of open) {
    if (dialog.matches(':modal')) continue;
    open.delete(dialog);
    watcher?.unobserve(dialog);
  }
  const style = document.documentElement.style;
  if (open.size && !saved) {
    const gutter = window.innerWidth > document.documentElement.clientWidth;
    saved = [];
    for (const property in HOLD) {
      if (property === 'scrollbar-gutter' && !gutter) continue;
      saved.push([property, style.getPropertyValue(property), style.getPropertyPriority(property)]);
      style.setProperty(property, HOLD[property]!, 'important');
    }
  } else if (!open.size && saved) {
    // Put back what the page had, unless the page has set the property itself since.
    for (const [property, value, priority] of saved) {
      if (style.getPropertyPriority(property) && style.getPropertyValue(property) === HOLD[property]) {
        style.setProperty(property, value, priority);
      }
    }
    saved = null;
  }
}

/** Opens `dialog` as a modal and holds the page still until it closes or leaves the page. */
export function showModal(dialog: HTMLDialogElement): void {
  // The host may have removed the element while it was getting ready to open.
  if (!dialog.isConnected) return;
  dialog.showModal();
  if (!open.has(dialog)) {
    open.add(dialog);
    watcher ??= new ResizeObserver(sync);
    watcher.observe(dialog);
  }
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
  for (const dialog of [...open]) {
    if (dialog.isConnected && dialog.open && !dialog.matches(':modal')) {
      dialog.close();
      showModal(dialog);
    }
  }
}
