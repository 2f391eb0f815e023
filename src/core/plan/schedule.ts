/**
 * Packs move groups into waves. A wave is a start cohort: a group starts in one wave and runs for as
 * many waves as its move takes (`span`), using capacity in every wave it runs in. Dependencies first
 * (a group never starts before the last wave of a group it depends on), the best-priority group that
 * fits next, groups never split, and a group larger than the capacity alone in waves of its own.
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
  /** How many waves the move runs for (1 when not given). */
  span?: number
  /** May start in the pilot wave: every system in it ready, of low criticality and with data known (README "Planning"). */
  pilot?: boolean
  /** Already under way (migration.status in-progress): keeps its place in wave 1, pilot or not. */
  underWay?: boolean
}

export interface Capacity {
  systems?: number
  effort?: number
}

export interface ScheduleResult {
  /** The wave (1-based) each group starts in; 0 for skipped groups. */
  waveOf: Int32Array
  /** The last wave each group runs in (its start wave + span − 1); 0 for skipped groups. */
  endOf: Int32Array
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

/**
 * A binary heap of group indices, smallest rank on top. Ranks are the groups' places in priority
 * order, found once by one sort: comparing the priority tuples at every heap step instead cost a third
 * of the planning time on 100,000 systems (moves that span waves are passed over, and pushed back, often).
 */
class Heap {
  private items: number[] = []
  constructor(private readonly rank: Int32Array) {}
  get size(): number {
    return this.items.length
  }
  private less(i: number, j: number): boolean {
    return this.rank[this.items[i]] < this.rank[this.items[j]]
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

/** Each group's place in priority order (ties by index). Skipped groups carry no priority and take no place: one `[]` equal to everything would leave the sort without a consistent order. */
function ranks(groups: SchedGroup[]): Int32Array {
  const order: number[] = []
  for (let g = 0; g < groups.length; g++) if (!groups[g].skip) order.push(g)
  order.sort((a, b) => compare(groups[a].priority, groups[b].priority) || a - b)
  const rank = new Int32Array(groups.length)
  order.forEach((g, k) => (rank[g] = k))
  return rank
}

/** How many ready groups may be passed over for not fitting before a wave is closed. */
const MAX_SKIPS = 64

/** `spans`, when given, replaces each group's own `span` (the plan schedules the same groups at three efforts). */
export function schedule(groups: SchedGroup[], capacity: Capacity, spans?: ArrayLike<number>): ScheduleResult {
  const n = groups.length
  const waveOf = new Int32Array(n)
  const endOf = new Int32Array(n)
  const pending = new Int32Array(n)
  /** The first wave a group may start in: the last wave of the latest of its dependencies. */
  const earliest = new Int32Array(n).fill(1)
  const dependants: number[][] = Array.from({length: n}, () => [])
  const ready = new Heap(ranks(groups))
  const span = (g: number) => Math.max(1, (spans ? spans[g] : groups[g].span) ?? 1)
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
  // Capacity used in each wave by the moves running in it (a move runs in every wave it spans).
  const usedSystems: number[] = [0]
  const usedEffort: number[] = [0]
  const used = (w: number) => {
    while (usedSystems.length <= w) {
      usedSystems.push(0)
      usedEffort.push(0)
    }
  }
  const oversized: number[] = []
  let wave = 0
  let last = 0
  // Groups whose dependencies are placed but still running, by the wave they may start in: one bucket
  // per wave, so a 100,000-group chain is not rescanned every wave.
  const waiting = new Map<number, number[]>()
  // Wave 1 is the pilot when a pilot group can start in it: then only pilot groups, and moves already under way, start in it.
  let pilotWave = false
  for (let g = 0; g < n; g++) if (!groups[g].skip && groups[g].pilot && pending[g] === 0) pilotWave = true
  const perWave = (g: number) => groups[g].effort / span(g)
  const fits = (g: number, from: number) => {
    for (let w = from; w < from + span(g); w++) {
      used(w)
      if (capacity.systems !== undefined && usedSystems[w] + groups[g].size > capacity.systems) return false
      if (capacity.effort !== undefined && usedEffort[w] + perWave(g) > capacity.effort + 1e-9) return false
    }
    return true
  }
  const idle = (g: number, from: number) => {
    for (let w = from; w < from + span(g); w++) {
      used(w)
      if (usedSystems[w] !== 0 || usedEffort[w] !== 0) return false
    }
    return true
  }
  while (remaining > 0) {
    wave++
    // Those whose dependencies have ended by now join the ready heap.
    const due = waiting.get(wave)
    if (due) {
      for (const g of due) ready.push(g)
      waiting.delete(wave)
    }
    if (ready.size === 0) {
      if (waiting.size === 0) throw new Error('schedule: dependency cycle between move groups (groups must be strongly connected components)')
      continue
    }
    // Full already with moves running on from earlier waves: nothing can start here.
    used(wave)
    if (capacity.systems !== undefined && usedSystems[wave] >= capacity.systems) continue
    const passedOver: number[] = []
    while (ready.size > 0 && passedOver.length < MAX_SKIPS) {
      const g = ready.pop()
      // Moves under way, then pilot groups, sort first (their priority's first element): the first other ends the pilot wave.
      if (wave === 1 && pilotWave && !groups[g].pilot && !groups[g].underWay) {
        passedOver.push(g)
        break
      }
      if (!fits(g, wave)) {
        // Alone it is still too big: it gets its waves to itself, once nothing else runs in them.
        if (idle(g, wave)) oversized.push(g)
        else {
          passedOver.push(g)
          continue
        }
      }
      waveOf[g] = wave
      endOf[g] = wave + span(g) - 1
      if (endOf[g] > last) last = endOf[g]
      remaining--
      for (let w = wave; w <= endOf[g]; w++) {
        used(w)
        usedSystems[w] += groups[g].size
        usedEffort[w] += perWave(g)
      }
      // Dependants may start in the last wave of this move: moving after a dependency means not before it ends.
      for (const d of dependants[g]) {
        if (endOf[g] > earliest[d]) earliest[d] = endOf[g]
        if (--pending[d] !== 0) continue
        if (earliest[d] <= wave) ready.push(d)
        else {
          const bucket = waiting.get(earliest[d])
          if (bucket) bucket.push(d)
          else waiting.set(earliest[d], [d])
        }
      }
      if (oversized.at(-1) === g) break
      // Full by count: every group left has at least one system, so popping more only passes them over.
      if (capacity.systems !== undefined && usedSystems[wave] >= capacity.systems) break
    }
    for (const g of passedOver) ready.push(g)
  }
  return {waveOf, endOf, waves: last, oversized: oversized.sort((a, b) => a - b)}
}
