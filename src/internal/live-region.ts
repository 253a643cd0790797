import type { ReactiveElement } from 'lit';

/**
 * Says `text` in an element's live region even when the region holds it already (a second "Show more", a
 * second failed submit): an unchanged region is not read again, so it is emptied and refilled on the next frame,
 * unless something newer was said meanwhile. `said` reads what the region holds, `say` sets it (a reactive
 * property, so the element renders it).
 */
export function sayAgain(host: ReactiveElement, said: () => string, say: (text: string) => void, text: string): void {
  if (said() !== text) return say(text);
  say('');
  void host.updateComplete.then(() =>
    requestAnimationFrame(() => {
      if (said() === '') say(text);
    }),
  );
}
