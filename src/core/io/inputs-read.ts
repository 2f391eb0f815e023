/**
 * Every file this process has read as an input (inventories, config, lifecycle table, baseline,
 * plans). An output is never written over any of them, whichever flag named it.
 */
const read = new Set<string>()

export function noteInputRead(file: string): void {
  if (file !== '-') read.add(file)
}

export function inputsRead(): ReadonlySet<string> {
  return read
}
