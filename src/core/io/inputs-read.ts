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

/** A command starts with none read: a process that runs several (a test, an editor host) must not carry one run's inputs into the next. */
export function clearInputsRead(): void {
  read.clear()
}
