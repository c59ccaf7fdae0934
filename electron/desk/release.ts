// Process-wide resources that keep Node's event loop alive (the OCR engines' worker threads)
// register how to close them here. A door that must end when its work is done (the CLI) closes
// them all at the end; the app and the host keep them warm for the next bill.
const closers = new Set<() => Promise<void>>();

export function onRelease(close: () => Promise<void>): void {
  closers.add(close);
}

/** Closes everything registered so far; one failing closer does not keep the others open. */
export async function releaseAll(): Promise<void> {
  const all = [...closers];
  closers.clear();
  await Promise.allSettled(all.map((close) => close()));
}
