/**
 * The dependency graph of an estate and its strongly connected components (move groups), computed
 * iteratively: a 100,000-system chain must not overflow the stack.
 */
import {type Coupling, dependencyCoupling, dependencyRef} from './model/dependencies.js'
import type {Estate} from './model/types.js'
import {resolveDependency} from './validate/index.js'

export interface DependencyGraph {
  /** Refs in a stable order (sorted). */
  refs: string[]
  index: Map<string, number>
  /** For each node, the nodes it depends on that are in the estate (sorted, no duplicates). */
  deps: number[][]
  /** For each node, dependencies on departments that were not loaded (external constraints). */
  external: string[][]
  /** For each node, the coupling each of its `deps` declares (same order), undefined where none is declared. */
  coupling: Array<Array<Coupling | undefined>>
}

/** `plan` builds on the assessment of the same estate: both ask for its graph and its components. */
const graphs = new WeakMap<Estate, DependencyGraph>()
const components = new WeakMap<number[][], {components: number[][]; component: Int32Array}>()

/** The estate's dependency graph, made once per estate (callers only read it). */
export function buildGraph(estate: Estate): DependencyGraph {
  let graph = graphs.get(estate)
  if (!graph) graphs.set(estate, (graph = makeGraph(estate)))
  return graph
}

function makeGraph(estate: Estate): DependencyGraph {
  const refs = [...estate.systems.keys()].sort()
  const index = new Map<string, number>()
  refs.forEach((r, i) => index.set(r, i))
  const deps: number[][] = []
  const external: string[][] = []
  const coupling: Array<Array<Coupling | undefined>> = []
  for (const ref of refs) {
    const entry = estate.systems.get(ref)!
    const list = entry.system.dependencies
    if (!list || list.length === 0) {
      deps.push(NONE)
      external.push(NONE)
      coupling.push(NONE)
      continue
    }
    const mine = new Map<number, Coupling | undefined>()
    const outside: string[] = []
    for (const d of list) {
      const target = resolveDependency(entry.department.id, dependencyRef(d))
      const i = index.get(target)
      // `x` and `dept/x` may name the same system: the first declared coupling of the two wins, tight over none.
      if (i !== undefined) {
        if (target !== ref && (!mine.has(i) || (mine.get(i) === undefined && dependencyCoupling(d) !== undefined))) mine.set(i, dependencyCoupling(d))
      } else {
        outside.push(target)
      }
    }
    const sorted = [...mine.keys()].sort((a, b) => a - b)
    deps.push(sorted.length === 0 ? NONE : sorted)
    coupling.push(sorted.length === 0 || sorted.every((i) => mine.get(i) === undefined) ? NONE : sorted.map((i) => mine.get(i)))
    external.push(outside.length === 0 ? NONE : outside.sort())
  }
  return {refs, index, deps, external, coupling}
}

/** Most systems depend on nothing: one empty list for all of them, frozen (callers only read the graph). */
const NONE = Object.freeze([]) as unknown as never[]

/**
 * Tarjan's algorithm without recursion. Returns the components in reverse topological order of
 * the dependency edges: every component comes after all the components it depends on.
 * `component[i]` is the component number of node i.
 */
export function stronglyConnected(deps: number[][]): {components: number[][]; component: Int32Array} {
  let found = components.get(deps)
  if (!found) components.set(deps, (found = tarjan(deps)))
  return found
}

function tarjan(deps: number[][]): {components: number[][]; component: Int32Array} {
  const n = deps.length
  const indexOf = new Int32Array(n).fill(-1)
  const low = new Int32Array(n)
  const onStack = new Uint8Array(n)
  const component = new Int32Array(n).fill(-1)
  const stack: number[] = []
  const components: number[][] = []
  const callNode: number[] = []
  const callEdge: number[] = []
  let counter = 0
  for (let root = 0; root < n; root++) {
    if (indexOf[root] !== -1) continue
    callNode.push(root)
    callEdge.push(0)
    indexOf[root] = low[root] = counter++
    stack.push(root)
    onStack[root] = 1
    while (callNode.length > 0) {
      const top = callNode.length - 1
      const v = callNode[top]
      const edges = deps[v]
      if (callEdge[top] < edges.length) {
        const w = edges[callEdge[top]++]
        if (indexOf[w] === -1) {
          indexOf[w] = low[w] = counter++
          stack.push(w)
          onStack[w] = 1
          callNode.push(w)
          callEdge.push(0)
        } else if (onStack[w]) {
          if (indexOf[w] < low[v]) low[v] = indexOf[w]
        }
        continue
      }
      callNode.pop()
      callEdge.pop()
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1]
        if (low[v] < low[parent]) low[parent] = low[v]
      }
      if (low[v] === indexOf[v]) {
        const members: number[] = []
        let w: number
        do {
          w = stack.pop()!
          onStack[w] = 0
          component[w] = components.length
          members.push(w)
        } while (w !== v)
        members.sort((a, b) => a - b)
        components.push(members)
      }
    }
  }
  return {components, component}
}

/** For each ref in a cycle (a component of two or more), the refs of its whole cycle. */
export function cyclesByRef(graph: DependencyGraph): Map<string, string[]> {
  // Not the cached stronglyConnected: the assessment asks once, and a component list cached for as long
  // as the estate held an array per system (39 MB at 200,000 systems, 195 bytes each).
  const {components} = tarjan(graph.deps)
  const out = new Map<string, string[]>()
  for (const members of components) {
    if (members.length < 2) continue
    const refs = members.map((i) => graph.refs[i])
    for (const r of refs) out.set(r, refs)
  }
  return out
}
