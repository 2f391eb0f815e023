/**
 * Small helpers the rules share. Not a rule: `index.ts` registers rules by name, this file only
 * keeps their wording and the facts they read consistent.
 */
import {type LifecycleMatch, platformOf} from '../core/lifecycle/index.js'
import type {Product, System} from '../core/model/types.js'
import type {RuleContext} from './types.js'

/** Migrated or retired: nothing left to move, so no move-blocker or deadline finding applies. */
export function isDone(system: System): boolean {
  const status = system.migration?.status
  return status === 'migrated' || status === 'retired'
}

/** A retired system no longer runs: no running risk (support, security, people) applies to it. */
export function isRetired(system: System): boolean {
  return system.migration?.status === 'retired'
}

/** Hardware commodity cloud cannot rehost, with how messages name it. */
export const SPECIALIST_HARDWARE: ReadonlyMap<string, string> = new Map([
  ['mainframe', 'a mainframe'],
  ['sparc', 'SPARC servers'],
  ['power', 'IBM Power servers'],
  ['as400', 'IBM AS/400 (IBM i)'],
  ['appliance', 'a vendor appliance'],
])

export type Layer = 'os' | 'database' | 'runtime'
export const LAYERS: readonly Layer[] = ['os', 'database', 'runtime']
export const LAYER_NAMES: Record<Layer, string> = {os: 'operating system', database: 'database', runtime: 'runtime'}

export interface LayerProduct {
  layer: Layer
  product: Product
  match: LifecycleMatch
  /** The version when given, else the name (a version may be written into it: `rhel6`). */
  pointer: string
}

/**
 * The OS, database and runtime a system names, each with its lifecycle match. Kept on the context
 * (one per system while it is judged; five rules and their data checks ask), not beside the system:
 * a cache that lived as long as the estate held 90 MB at 100k systems.
 */
export function layerProducts(system: System, ctx: RuleContext): readonly LayerProduct[] {
  if (ctx.layers?.system === system) return ctx.layers.list
  const list: LayerProduct[] = []
  for (const layer of LAYERS) {
    const product = system.platform?.[layer]
    if (!product) continue
    const field = product.version === undefined ? 'name' : 'version'
    // The OS is the platform; a database or runtime is dated for the platform it runs on.
    list.push({layer, product, match: ctx.lookup(product, layer === 'os' ? 'distributed' : platformOf(system)), pointer: `/platform/${layer}/${field}`})
  }
  ctx.layers = {system, list}
  return list
}

/**
 * The share of the products a system names that the lifecycle table knows, version and all: what the
 * support rules can judge. Each known one is judged; an unknown one (z/OS, COBOL) lowers confidence.
 */
export function hasKnownProduct(system: System, ctx: RuleContext): number {
  const products = layerProducts(system, ctx)
  if (products.length === 0) return 0
  let known = 0
  for (const p of products) if (p.match.status === 'known') known++
  return known / products.length
}

/** Pointer of the deepest part of `path` that exists: where to point when a field is missing. */
export function nearest(system: System, path: readonly string[]): string {
  let node: unknown = system
  let pointer = ''
  for (const key of path) {
    if (node === null || typeof node !== 'object') break
    node = (node as Record<string, unknown>)[key]
    if (node === undefined || node === null) break
    pointer += `/${key}`
  }
  return pointer
}

/** A numeric option from the config, or its default when missing or not a number. */
export function numberOption(ctx: RuleContext, name: string, fallback: number): number {
  const value = ctx.options[name]
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback
}

/** A whole number of months for `addMonths`, never negative. */
export function monthsOption(ctx: RuleContext, fallback = 12): number {
  return Math.max(0, Math.floor(numberOption(ctx, 'months', fallback)))
}

/** `1 day`, `3 days`, `12,000 users`. */
export function count(n: number, noun: string, plural = `${noun}s`): string {
  return `${thousands(n)} ${n === 1 ? noun : plural}`
}

/** `£340,000`: pounds, rounded, with thousands separators (no locale data involved). */
export function gbp(n: number): string {
  return `£${thousands(Math.round(n))}`
}

function thousands(n: number): string {
  // Most counts are below a thousand: no regex for them (messages are made for every finding).
  if (n < 1000 && n > -1000) return String(n)
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** Same-department ids bare, other departments' as `department/id`, as inventories write them. */
export function shortRef(ref: string, department: string): string {
  return ref.startsWith(`${department}/`) ? ref.slice(department.length + 1) : ref
}

/** A dependency as the engine resolves it: no `/` means the same department. */
export function resolveRef(department: string, dependency: string): string {
  return dependency.includes('/') ? dependency : `${department}/${dependency}`
}
