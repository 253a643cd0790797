const sets = new WeakMap<EventTarget, Map<string, Set<(event: Event) => void>>>();

/**
 * The callbacks told of each `type` event on `target`, through one listener
 * of this library's: add an element's callback when it connects and delete it
 * when it leaves. A grid of cards each adding its own listener to one
 * EventTarget costs quadratic time, since every addition scans the list.
 */
export function listenersOf<E extends Event = Event>(target: EventTarget, type: string): Set<(event: E) => void> {
  let byType = sets.get(target);
  if (!byType) sets.set(target, (byType = new Map()));
  let set = byType.get(type);
  if (!set) {
    const callbacks = (set = new Set());
    byType.set(type, callbacks);
    target.addEventListener(type, (event) => {
      for (const callback of [...callbacks]) callback(event);
    });
  }
  return set as Set<(event: E) => void>;
}
