/** Registers a tag unless it is already defined, so loading a bundle twice is harmless. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}

const onUse = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

function loadIfUsed(root: ParentNode): void {
  for (const [tag, load] of onUse) {
    if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) {
      onUse.delete(tag);
      void load();
    }
  }
  if (onUse.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
}

/**
 * Registers a tag the first time the page uses it: `load` (a dynamic import
 * of the element's define module, which the build turns into a chunk) runs
 * once an element with that name is in the document, now or later. The main
 * bundle then carries only the elements most pages show; a portal that never
 * places the service editor never downloads it. Elements inside another
 * element's shadow root are not seen: the host page places these ones.
 */
export function defineOnUse(tag: string, load: () => Promise<unknown>): void {
  if (customElements.get(tag) || onUse.has(tag)) return;
  onUse.set(tag, load);
  if (typeof document === 'undefined') return;
  if (!observer) {
    observer = new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) loadIfUsed(n);
    });
    observer.observe(document, { childList: true, subtree: true });
  }
  loadIfUsed(document);
}
