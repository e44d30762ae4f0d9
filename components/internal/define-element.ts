/** Registers a tag unless it is already defined, so loading a bundle twice is harmless. */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, ctor);
}
