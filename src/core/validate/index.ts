/**
 * Validation at the boundary: one cached strict ajv for the inventory schema, then the checks a
 * schema cannot express (unique ids across files, dependencies that resolve, no self-dependency).
 */
import {type Dependency, dependencyPointer, dependencyRef} from '../model/dependencies.js'
import {readFileSync} from 'node:fs'

import type * as AjvModule from 'ajv'
import type {ErrorObject, ValidateFunction} from 'ajv'

import type {Diagnostic, Estate, EstateSystem, Inventory, LoadedInventory, SourceDocument} from '../model/types.js'
import {flat} from '../strings.js'
import {describeSchemaError} from './messages.js'

let cachedSchema: object | undefined
let cachedValidator: ValidateFunction | undefined

/** The inventory JSON Schema shipped in `schemas/` (what `cloudready schema` prints). */
export function inventorySchema(): object {
  cachedSchema ??= JSON.parse(readFileSync(new URL('../../../schemas/inventory.schema.json', import.meta.url), 'utf8')) as object
  return cachedSchema
}

/** A strict 2020-12 ajv with real calendar `date` checks, created once and only when needed. */
export async function createAjv(options: object = {}): Promise<AjvModule.default> {
  const [{default: Ajv2020}, {default: addFormats}] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')])
  // Both are CommonJS: under Node's ESM loader the class may sit one `default` deeper.
  const AjvClass = ((Ajv2020 as unknown as {default?: unknown}).default ?? Ajv2020) as new (options: object) => AjvModule.default
  const add = ((addFormats as unknown as {default?: unknown}).default ?? addFormats) as (ajv: AjvModule.default, formats: string[]) => void
  // strictRequired off: a `oneOf` of `required` alternatives (when | unless) is the idiom, not a typo.
  const ajv = new AjvClass({allErrors: true, strict: true, strictRequired: false, verbose: true, allowUnionTypes: true, ...options})
  add(ajv, ['date'])
  return ajv
}

/**
 * A schema's validator: the one compiled at build time (dist/core/validate/generated/) when it is
 * there, else compiled now with the same options (tests run from src/, where there is none).
 */
export async function schemaValidator(name: 'inventory' | 'config', schema: () => object): Promise<ValidateFunction> {
  try {
    const generated = (await import(new URL(`./generated/${name}.js`, import.meta.url).href)) as {default: ValidateFunction}
    return generated.default
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw error
  }
  const ajv = await createAjv()
  return ajv.compile(schema())
}

async function inventoryValidator(): Promise<ValidateFunction> {
  cachedValidator ??= await schemaValidator('inventory', inventorySchema)
  return cachedValidator
}

export interface ValidationResult {
  estate: Estate
  diagnostics: Diagnostic[]
}

function diagnostic(doc: SourceDocument, pointer: string, message: string, code: string, severity: Diagnostic['severity'] = 'error', atKey = false): Diagnostic {
  const at = atKey ? doc.locateKey(pointer) : doc.locate(pointer)
  return {severity, code, message, file: doc.file, line: at.line, column: at.column, pointer}
}

/** Validates parsed documents and joins those that pass into one estate. */
export async function validateDocuments(documents: SourceDocument[]): Promise<ValidationResult> {
  const validate = await inventoryValidator()
  const diagnostics: Diagnostic[] = []
  const inventories: LoadedInventory[] = []
  // Files with schema errors whose department and systems can still be read: their references are
  // checked too, so that one run reports every mistake (README "The inventory"); they join no estate.
  const readable = new Set<LoadedInventory>()
  for (const doc of documents) {
    const errors = schemaErrors(validate, doc.data)
    if (errors.length === 0) {
      inventories.push({file: doc.file, inventory: doc.data as Inventory, doc})
    } else {
      // One by one: a spread of a few hundred thousand errors overflows the stack.
      for (const d of schemaDiagnostics(errors, doc)) diagnostics.push(d)
      if (referencesReadable(doc.data)) {
        // A system whose dependency list has a schema error of its own (a bad reference, too many) is not checked again.
        const unreadable = new Set<number>()
        for (const e of errors) {
          const m = /^\/systems\/(\d+)\/dependencies(\/|$)/.exec(e.instancePath)
          if (m) unreadable.add(Number(m[1]))
        }
        const data = doc.data as {systems: Array<Record<string, unknown> | null>}
        const systems = unreadable.size ? data.systems.map((system, i) => (unreadable.has(i) && system ? {...system, dependencies: undefined} : system)) : data.systems
        const inv = {file: doc.file, inventory: {...data, systems} as unknown as Inventory, doc}
        readable.add(inv)
        inventories.push(inv)
      }
    }
  }
  const estate = buildEstate(inventories, diagnostics)
  if (readable.size > 0) {
    estate.inventories = estate.inventories.filter((inv) => !readable.has(inv))
    for (const [ref, entry] of estate.systems) if ([...readable].some((inv) => inv.doc === entry.doc)) estate.systems.delete(ref)
  }
  diagnostics.sort(compareDiagnostics)
  return {estate, diagnostics}
}

/** Systems validated at a time in a big inventory. */
const CHUNK = 1000

/**
 * The schema errors of one document. ajv's code appends each system's errors with `concat`, which
 * copies every error so far: 20,000 systems with two mistakes each took 25 s, 150,000 over five
 * minutes. A big `systems` list is validated a chunk at a time (the rest of the document with the
 * first chunk only), and the chunks' paths put back: the same errors, in linear time.
 */
function schemaErrors(validate: ValidateFunction, data: unknown): ErrorObject[] {
  const systems = (data as {systems?: unknown} | null)?.systems
  if (!Array.isArray(systems) || systems.length <= CHUNK || systems.length > maxSystems()) {
    return validate(data) ? [] : [...(validate.errors ?? [])]
  }
  const errors: ErrorObject[] = []
  for (let start = 0; start < systems.length; start += CHUNK) {
    if (validate({...(data as object), systems: systems.slice(start, start + CHUNK)})) continue
    for (const e of validate.errors ?? []) {
      const m = /^\/systems\/(\d+)(\/.*)?$/s.exec(e.instancePath)
      if (m) errors.push({...e, instancePath: `/systems/${start + Number(m[1])}${m[2] ?? ''}`})
      else if (start === 0) errors.push(e)
    }
  }
  return errors
}

/** The schema's maxItems for `systems`: a longer list is left to one validation, which reports it. */
function maxSystems(): number {
  const max = (inventorySchema() as {properties?: {systems?: {maxItems?: unknown}}}).properties?.systems?.maxItems
  return typeof max === 'number' ? max : Number.POSITIVE_INFINITY
}

const VALUE_KEYWORDS = new Set(['type', 'enum', 'format', 'pattern'])

function schemaDiagnostics(errors: ErrorObject[], doc: SourceDocument): Diagnostic[] {
  const out: Diagnostic[] = []
  const seen = new Set<string>()
  // A `oneOf` (a dependency: a reference, or {system, coupling}) fails with its branches: their own
  // errors say what is wrong, "must match exactly one schema" says nothing more.
  const specific = new Set(errors.filter((e) => e.keyword !== 'oneOf').map((e) => e.instancePath))
  for (const e of errors) {
    if (e.keyword === 'oneOf' && [...specific].some((p) => p === e.instancePath || p.startsWith(`${e.instancePath}/`))) continue
    // An `enum` or `const` failure also fails its `type`, a date's `format` its `pattern`; one sentence per value is enough.
    const m = describeSchemaError(e, doc)
    if (m.repeat) continue
    // Fields missing beside a merge key (<<) are missing because merge keys are not read: the merge key's message says so.
    if (e.keyword === 'required' && e.data !== null && typeof e.data === 'object' && Object.hasOwn(e.data, '<<')) continue
    // Every missing field is its own error (they share the object's pointer): all of them in one run, not one a run.
    const key = `${m.pointer}\u0000${VALUE_KEYWORDS.has(e.keyword) ? 'value' : e.keyword === 'required' ? `required ${String((e.params as {missingProperty?: unknown}).missingProperty)}` : e.keyword}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(diagnostic(doc, m.pointer, m.message, 'schema', 'error', m.atKey))
  }
  return out
}

function buildEstate(inventories: LoadedInventory[], diagnostics: Diagnostic[]): Estate {
  const departments = new Map<string, LoadedInventory>()
  const systems = new Map<string, EstateSystem>()
  const accepted: LoadedInventory[] = []
  for (const inv of inventories) {
    const dept = inv.inventory.department
    const first = departments.get(dept.id)
    if (first) {
      const at = first.doc.locate('/department/id')
      diagnostics.push(diagnostic(inv.doc, '/department/id', `department '${dept.id}' is already defined in ${first.file}:${at.line}:${at.column}: keep one department's systems in one file`, 'duplicate-department'))
      continue
    }
    departments.set(dept.id, inv)
    accepted.push(inv)
    const firstIndex = new Map<string, number>()
    inv.inventory.systems.forEach((system, index) => {
      // In a file with schema errors, a system without a usable id is left out (its errors are reported).
      if (!isId(system?.id)) return
      // Flat: kept for the whole run, and by every finding and planned system of the system.
      const ref = flat(`${dept.id}/${system.id}`)
      const earlier = firstIndex.get(system.id)
      if (earlier !== undefined) {
        const at = inv.doc.locate(`/systems/${earlier}/id`)
        diagnostics.push(diagnostic(inv.doc, `/systems/${index}/id`, `duplicate system id '${system.id}' in department '${dept.id}' (first used at line ${at.line})`, 'duplicate-id'))
        return
      }
      firstIndex.set(system.id, index)
      systems.set(ref, {ref, department: dept, system, file: inv.file, doc: inv.doc, pointer: flat(`/systems/${index}`)})
    })
  }
  for (const entry of systems.values()) {
    const deps = entry.system.dependencies ?? []
    // Linear, not the schema's uniqueItems (quadratic over objects): `x` and `dept/x` are the same system too.
    const listed = new Set<string>()
    deps.forEach((written, i) => {
      if (!isReference(written)) return
      const pointer = `${entry.pointer}${dependencyPointer(written, i)}`
      const dep = dependencyRef(written)
      const ref = resolveDependency(entry.department.id, dep)
      const who = `system '${entry.system.id}'`
      if (listed.has(ref)) {
        diagnostics.push(diagnostic(entry.doc, `${entry.pointer}/dependencies/${i}`, `${who}: 'dependencies' lists '${dep}' twice`, 'schema'))
        return
      }
      listed.add(ref)
      if (ref === entry.ref) {
        diagnostics.push(diagnostic(entry.doc, pointer, `${who} depends on itself`, 'self-dependency'))
      } else if (!systems.has(ref)) {
        const dept = ref.slice(0, ref.indexOf('/'))
        if (departments.has(dept)) {
          diagnostics.push(diagnostic(entry.doc, pointer, `${who} depends on '${dep}', which does not exist in department '${dept}'`, 'unknown-dependency'))
        } else {
          diagnostics.push(diagnostic(entry.doc, pointer, `${who} depends on '${dep}' in department '${dept}', which was not loaded: the reference cannot be checked (an external constraint)`, 'external-dependency', 'warning'))
        }
      }
    })
  }
  return {inventories: accepted, systems}
}

const isId = (x: unknown): x is string => typeof x === 'string' && /^[a-z0-9][a-z0-9-]{0,62}$/.test(x)
const isRef = (x: unknown): x is string => typeof x === 'string' && /^([a-z0-9][a-z0-9-]{0,62}\/)?[a-z0-9][a-z0-9-]{0,62}$/.test(x)
/** A dependency as the schema allows it: a reference, or {system: reference, …} (anything else has a schema error of its own). */
const isReference = (d: unknown): d is Dependency => isRef(d) || (d !== null && typeof d === 'object' && isRef((d as {system?: unknown}).system))

/** Enough of an invalid file to check its references: a department id and a list of systems. */
function referencesReadable(data: unknown): boolean {
  const d = data as {department?: {id?: unknown}; systems?: unknown} | null
  return d !== null && typeof d === 'object' && d.department !== null && typeof d.department === 'object' && isId(d.department.id) && Array.isArray(d.systems) && d.systems.every((s) => s === null || typeof s === 'object') && d.systems.every((s) => s === null || (s as {dependencies?: unknown}).dependencies === undefined || Array.isArray((s as {dependencies?: unknown}).dependencies))
}

/** `id` → `department/id` in the same department; `department/id` stays as it is. */
export function resolveDependency(department: string, dependency: string): string {
  return dependency.includes('/') ? dependency : `${department}/${dependency}`
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1
  return a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0)
}

export function hasErrors(diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
