/**
 * Packs move groups into waves: dependencies first (a group never lands in an earlier wave than a
 * group it depends on), the best-priority group that fits next, groups never split, and a group
 * larger than the capacity alone in a wave of its own.
 */

export interface SchedGroup {
  /** Index of the group; `deps` are indices of the groups it depends on. */
  deps: number[]
  size: number
  /** Effort used against an effort capacity (the midpoint of the range). */
  effort: number
  /** Smaller sorts first. */
  priority: readonly (number | string)[]
  /** Not scheduled (already moved, retained): its dependants do not wait for it. */
  skip: boolean
}

export interface Capacity {
  systems?: number
  effort?: number
}

export interface ScheduleResult {
  /** Wave number (1-based) per group; 0 for skipped groups. */
  waveOf: Int32Array
  waves: number
  /** Groups that alone exceed the capacity. */
  oversized: number[]
}

function compare(a: readonly (number | string)[], b: readonly (number | string)[]): number {
  for (let i = 0; i < a.length; i++) {
    if (a[i] < b[i]) return -1
    if (a[i] > b[i]) return 1
  }
  return 0
}

/** A binary heap of group indices, smallest priority on top. */
class Heap {
  private items: number[] = []
  constructor(private readonly groups: SchedGroup[]) {}
  get size(): number {
    return this.items.length
  }
  private less(i: number, j: number): boolean {
    const c = compare(this.groups[this.items[i]].priority, this.groups[this.items[j]].priority)
    return c < 0 || (c === 0 && this.items[i] < this.items[j])
  }
  push(g: number): void {
    const a = this.items
    a.push(g)
    let i = a.length - 1
    while (i > 0) {
      const p = (i - 1) >> 1
      if (!this.less(i, p)) break
      ;[a[i], a[p]] = [a[p], a[i]]
      i = p
    }
  }
  peek(): number {
    return this.items[0]
  }
  pop(): number {
    const a = this.items
    const top = a[0]
    const last = a.pop()!
    if (a.length > 0) {
      a[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < a.length && this.less(l, m)) m = l
        if (r < a.length && this.less(r, m)) m = r
        if (m === i) break
        ;[a[i], a[m]] = [a[m], a[i]]
        i = m
      }
    }
    return top
  }
}

/** How many ready groups may be passed over for not fitting before a wave is closed. */
const MAX_SKIPS = 64

export function schedule(groups: SchedGroup[], capacity: Capacity): ScheduleResult {
  const n = groups.length
  const waveOf = new Int32Array(n)
  const pending = new Int32Array(n)
  const dependants: number[][] = Array.from({length: n}, () => [])
  const ready = new Heap(groups)
  let remaining = 0
  for (let g = 0; g < n; g++) {
    if (groups[g].skip) continue
    remaining++
    for (const d of groups[g].deps) {
      if (groups[d].skip) continue
      pending[g]++
      dependants[d].push(g)
    }
  }
  for (let g = 0; g < n; g++) if (!groups[g].skip && pending[g] === 0) ready.push(g)
  const oversized: number[] = []
  let wave = 0
  // Wave 1 is the pilot when there is one: only low-risk groups (priority tier 0 or 1).
  const pilotWave = ready.size > 0 && (groups[ready.peek()].priority[0] as number) <= 1
  const fits = (g: number, usedSystems: number, usedEffort: number) =>
    (capacity.systems === undefined || usedSystems + groups[g].size <= capacity.systems) && (capacity.effort === undefined || usedEffort + groups[g].effort <= capacity.effort + 1e-9)
  while (remaining > 0) {
    if (ready.size === 0) throw new Error('schedule: dependency cycle between move groups (groups must be strongly connected components)')
    wave++
    let usedSystems = 0
    let usedEffort = 0
    let placed = 0
    const passedOver: number[] = []
    while (ready.size > 0 && passedOver.length < MAX_SKIPS) {
      const g = ready.pop()
      if (wave === 1 && pilotWave && (groups[g].priority[0] as number) > 1) {
        passedOver.push(g)
        break
      }
      if (!fits(g, usedSystems, usedEffort)) {
        if (placed === 0) {
          // Alone it is still too big: it gets this wave to itself.
          oversized.push(g)
        } else {
          passedOver.push(g)
          continue
        }
      }
      waveOf[g] = wave
      placed++
      remaining--
      usedSystems += groups[g].size
      usedEffort += groups[g].effort
      // Dependants may join the same wave: moving after a dependency means not in an earlier wave.
      for (const d of dependants[g]) if (--pending[d] === 0) ready.push(d)
      if (oversized.at(-1) === g) break
      // Full by count: every group left has at least one system, so popping more only passes them over.
      if (capacity.systems !== undefined && usedSystems >= capacity.systems) break
    }
    for (const g of passedOver) ready.push(g)
  }
  return {waveOf, waves: wave, oversized: oversized.sort((a, b) => a - b)}
}
