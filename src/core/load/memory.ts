/**
 * Gives the memory under a typed array or buffer back now, when it is the view's alone. A buffer that
 * has outlived the scavenges of parsing is freed only by a full collection, and V8 often runs none
 * after parsing: the bytes of a 100k-system file (60 MB) and its position table (33 MB) were held to
 * the end of the run. Transferring the memory to a clone that is dropped at once lets the next
 * scavenge free it. The view is left empty (detached); reading it after is a bug.
 */
export function giveBack(view: ArrayBufferView): void {
  const memory = view.buffer
  // Only memory the view has to itself: a small Buffer shares Node's pool with others.
  if (view.byteLength === 0 || view.byteOffset !== 0 || memory.byteLength !== view.byteLength || !(memory instanceof ArrayBuffer)) return
  structuredClone(memory, {transfer: [memory]})
}
