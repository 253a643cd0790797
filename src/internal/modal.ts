/**
 * The modal dialogs the elements have open. While one is open the host page
 * behind it does not scroll: a native modal `<dialog>` stops clicks on the
 * page, but not the wheel or a swipe over its backdrop, which would move the
 * page under the dialog.
 */
const open = new Set<HTMLDialogElement>();
/** What the page itself had inline on its root for these properties, put back when the last dialog closes. */
const HELD = ['overflow-x', 'overflow-y', 'scrollbar-gutter'] as const;
/** What the lock sets them to. */
const LOCKED: Record<string, string> = { 'overflow-x': 'hidden', 'overflow-y': 'hidden', 'scrollbar-gutter': 'stable' };
let saved: Map<string, [value: string, priority: string]> | null = null;
/**
 * Tells when an open dialog stops being shown by any way: closed, or removed
 * from the page with its element (which fires no `close`). Its box is then
 * gone, and a ResizeObserver hears that.
 */
let watcher: ResizeObserver | null = null;

function sync(): void {
  for (const dialog of open) {
    if (dialog.open && dialog.isConnected) continue;
    open.delete(dialog);
    watcher?.unobserve(dialog);
  }
  const root = document.documentElement;
  if (open.size && !saved) {
    saved = new Map(HELD.map((p) => [p, [root.style.getPropertyValue(p), root.style.getPropertyPriority(p)]]));
    // A page with a classic scrollbar keeps its room, so nothing moves sideways.
    const lock = (property: string) => root.style.setProperty(property, LOCKED[property]!, 'important');
    if (window.innerWidth > root.clientWidth) lock('scrollbar-gutter');
    lock('overflow-x');
    lock('overflow-y');
  } else if (!open.size && saved) {
    // Put back what the page had, unless the page has set the property itself since.
    for (const [property, [value, priority]] of saved) {
      const ours =
        root.style.getPropertyPriority(property) === 'important' &&
        LOCKED[property] === root.style.getPropertyValue(property);
      if (ours) root.style.setProperty(property, value, priority);
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
    dialog.addEventListener('close', sync, { once: true });
  }
  sync();
}
