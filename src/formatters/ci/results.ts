/**
 * The one shape the CI formats (sarif, junit, github, gitlab) are written against, so each is
 * written once and registered for both `validate` and `audit`: a list of results, each with the
 * rule that produced it, where it is and whether it fails the run, plus a descriptor per rule.
 */
import crypto, {createHash} from 'node:crypto'

import {placedAboveItsSystem, type SystemAssessment, systemsInFileOrder, systemsInPlaceOrder} from '../../core/assess/index.js'
import {atOrAbove, type AuditView, type FailOn} from '../../core/assess/report.js'
import type {Category, Diagnostic, Severity} from '../../core/model/types.js'
import type {RuleSource} from '../../rules/types.js'
import type {ValidateReport} from '../types.js'

/** SARIF's levels, which the other formats map from too. Never `info`: SARIF has no such level. */
export type CiLevel = 'error' | 'warning' | 'note'
/** A rule's severity in an audit, or a diagnostic's in validation. */
export type CiSeverity = Severity | 'error' | 'warning'

export interface CiResult {
  /** The rule id (audit) or the diagnostic code (validation). */
  ruleId: string
  level: CiLevel
  severity: CiSeverity
  /** At or above `--fail-on` in an audit; every error in validation. */
  failing: boolean
  message: string
  file: string
  line: number
  column: number
  pointer: string
  /** `department/id` of the system the result is about (audit findings only). */
  systemRef?: string
  /**
   * Hex sha256 that identifies the result across runs: it never includes the line or column, so an
   * edit above a result does not make it look new (see `fingerprintKey`).
   */
  fingerprint: string
}

export interface CiRule {
  id: string
  description: string
  rationale?: string
  remedy?: string
  sources: RuleSource[]
  /** An audit rule's category, or `validation` for a diagnostic code. */
  category: Category | 'validation'
  severity: CiSeverity
  level: CiLevel
  /** Defined in a `.cloudready.yaml`: not in the README's catalogue. */
  custom: boolean
}

/**
 * Results in order (by file, line, column, rule, system, pointer, message): an audit's are made as
 * they are read, from its systems, so each reading judges them again (read them once).
 */
export interface CiResults extends Iterable<CiResult> {
  readonly length: number
}

/** One subject's results (a system's, or a file's own), in order: a JUnit testcase per rule. */
export interface CiClass {
  classname: string
  results: CiResult[]
}

/** A file's subjects, each with its results, then the file's own results (JUnit's testsuite). */
export interface CiSuite {
  file: string
  classes: Iterable<CiClass>
}

export interface CiReport {
  command: 'validate' | 'audit'
  files: string[]
  results: CiResults
  /** Every rule that ran (audit) and every diagnostic code that occurred, each once. */
  rules: CiRule[]
  /** How many subjects were checked: systems (audit) or files (validate). */
  subjects: number
  /** Every file's suite, in the order of `files`; each reading makes them again, like `results`. */
  suites(): Iterable<CiSuite>
  /** The threshold results were judged against (audit only). */
  failOn?: FailOn
  asOf?: string
  deadline?: string
  lifecycleSnapshot?: string
}

export const LEVEL: Record<CiSeverity, CiLevel> = {critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note', error: 'error', warning: 'warning'}

/** What each validation code means and what to do about it, for SARIF's rule descriptors. */
const CHECKS: Record<string, {description: string; remedy: string}> = {
  'yaml-syntax': {description: 'The file is not valid YAML.', remedy: 'Fix the YAML at the position shown; an editor with a YAML mode points at the same place.'},
  schema: {
    description: 'A value does not match the inventory format: a missing or unknown field, a wrong type or an invalid value.',
    remedy: 'Correct the field as the message says; `cloudready schema` prints the JSON Schema for editors.',
  },
  'duplicate-id': {description: 'Two systems in one department share an id.', remedy: 'Give each system an id unique within its department; dependencies refer to systems by it.'},
  'duplicate-department': {description: 'A department is defined in more than one file.', remedy: 'Keep one department\'s systems in one file.'},
  'unknown-dependency': {description: 'A dependency names a system that does not exist in its department.', remedy: 'Correct the reference, or add the missing system to the inventory.'},
  'self-dependency': {description: 'A system lists itself as a dependency.', remedy: 'Remove the system from its own dependencies.'},
  'external-dependency': {
    description: 'A dependency names a department that was not loaded, so the reference cannot be checked.',
    remedy: 'Load that department\'s inventory in the same run to check the reference, or accept it as an external constraint.',
  },
  binary: {description: 'The file is binary, not YAML text.', remedy: 'Point cloudready at the inventory\'s YAML files only.'},
  'control-character': {description: 'The file contains a control character YAML does not allow.', remedy: 'Remove the character (often pasted from another tool).'},
  empty: {description: 'The file is empty.', remedy: 'Write an inventory in it (`cloudready init` gives a starter) or remove it.'},
  encoding: {description: 'The file is not UTF-8 text.', remedy: 'Save the file as UTF-8.'},
  'too-large': {description: 'The file is larger than the size limit.', remedy: 'Split the inventory, or raise the limit with --max-file-size.'},
  unreadable: {description: 'The file cannot be read.', remedy: 'Check the path and its permissions.'},
  'not-found': {description: 'A path given on the command line does not exist.', remedy: 'Check the path.'},
  'no-inputs': {description: 'No inventory files were found.', remedy: 'Name YAML files, or folders that contain them.'},
}

export function isAuditReport(report: ValidateReport | AuditView): report is AuditView {
  return 'systems' in report && 'rules' in report
}

/** Turns either command's report into the CI shape. */
export function toCiReport(report: ValidateReport | AuditView): CiReport {
  return isAuditReport(report) ? fromAudit(report) : fromValidate(report)
}

function fromValidate(report: ValidateReport): CiReport {
  const diagnostics = [...report.errors, ...report.warnings]
  const results = finish(diagnostics.map(diagnosticResult))
  const files = [...new Set([...report.files, ...results.map((r) => r.file)])]
  return {
    command: 'validate',
    files: report.files,
    results,
    rules: checkRules(diagnostics),
    subjects: report.files.length,
    suites: () => files.map((file) => ({file, classes: [{classname: file, results: results.filter((r) => r.file === file)}]})),
  }
}

/**
 * An audit's results, a system at a time: the systems are read in the order they are written in
 * their files, each system's results sorted and fingerprinted on their own (a fingerprint's key names
 * its system, so its count of equal keys never crosses systems). Sorting a million systems' results
 * at once took more memory than the machine had. A first reading counts them and keeps the few that
 * are out of their system's place — findings placed above it (a value shared through an alias) —
 * with the validation warnings; the reading that writes merges those in at their place.
 */
function fromAudit(report: AuditView): CiReport {
  const ruleList: CiRule[] = report.rules.map((m) => ({
    id: m.id,
    description: m.description,
    rationale: m.rationale,
    remedy: m.remedy,
    sources: m.sources,
    category: m.category,
    severity: m.severity,
    level: LEVEL[m.severity],
    custom: m.custom === true,
  }))
  // Warnings (a dependency on a department not loaded) are shown but never fail an audit.
  const warnings = finish(report.warnings.map((w) => ({...diagnosticResult(w), failing: false})))
  let first: {rules: CiRule[]; apart: CiResult[]; length: number} | undefined
  const firstReading = () => {
    if (first) return first
    const rules = [...ruleList]
    const known = new Set(rules.map((r) => r.id))
    const apart: CiResult[] = []
    let length = warnings.length
    for (const s of systemsInPlaceOrder(report.systems)) {
      for (const f of s.findings) {
        // A finding of a rule not in report.rules cannot happen today; describe it rather than lose it.
        if (known.has(f.rule)) continue
        known.add(f.rule)
        rules.push({id: f.rule, description: f.rule, sources: [], category: f.category, severity: f.severity, level: LEVEL[f.severity], custom: true})
      }
      // Counted, not made: a system's results are made where they are written (and for the few kept apart).
      length += s.findings.length
      if (s.findings.some((f) => placedAboveItsSystem(f, s))) for (const r of systemResults(s, report.failOn)) if (placedAboveItsSystem(r, s)) apart.push(r)
    }
    rules.push(...checkRules(report.warnings.filter((w) => !known.has(w.code))))
    apart.push(...warnings)
    apart.sort(compareResults)
    return (first = {rules, apart, length})
  }
  const results: CiResults = {
    get length() {
      return firstReading().length
    },
    *[Symbol.iterator]() {
      const {apart} = firstReading()
      let next = 0
      for (const s of systemsInPlaceOrder(report.systems)) {
        for (const r of systemResults(s, report.failOn)) {
          if (placedAboveItsSystem(r, s)) continue
          while (next < apart.length && compareResults(apart[next], r) < 0) yield apart[next++]
          yield r
        }
      }
      while (next < apart.length) yield apart[next++]
    },
  }
  return {
    command: 'audit',
    files: report.files,
    results,
    get rules() {
      return firstReading().rules
    },
    subjects: report.systems.length,
    *suites() {
      const systems = systemsInFileOrder(report.systems)[Symbol.iterator]()
      let s = systems.next()
      for (const file of report.files) {
        // The systems of this file, in list order, made one at a time as the suite is written.
        const mine = function* (): Generator<CiClass> {
          while (!s.done && s.value.file === file) {
            yield {classname: s.value.ref, results: systemResults(s.value, report.failOn)}
            s = systems.next()
          }
          const own = warnings.filter((r) => r.file === file)
          if (own.length > 0) yield {classname: file, results: own}
        }
        yield {file, classes: {[Symbol.iterator]: mine}}
      }
    },
    failOn: report.failOn,
    asOf: report.asOf,
    deadline: report.deadline,
    lifecycleSnapshot: report.lifecycleSnapshot,
  }
}

/** One system's findings as results, sorted and fingerprinted. */
function systemResults(s: SystemAssessment, failOn: FailOn): CiResult[] {
  return finish(
    s.findings.map((f) => ({
      ruleId: f.rule,
      level: LEVEL[f.severity],
      severity: f.severity,
      failing: atOrAbove(f.severity, failOn),
      message: f.message,
      file: f.file,
      line: f.line,
      column: f.column,
      pointer: f.pointer,
      systemRef: s.ref,
    })),
  )
}

function diagnosticResult(d: Diagnostic): Omit<CiResult, 'fingerprint'> {
  return {ruleId: d.code, level: LEVEL[d.severity], severity: d.severity, failing: d.severity === 'error', message: d.message, file: d.file, line: d.line, column: d.column, pointer: d.pointer}
}

/** One descriptor per diagnostic code, sorted; an error anywhere makes the code's level error. */
function checkRules(diagnostics: Diagnostic[]): CiRule[] {
  const severity = new Map<string, CiSeverity>()
  for (const d of diagnostics) if (severity.get(d.code) !== 'error') severity.set(d.code, d.severity)
  return [...severity.keys()].sort().map((id) => {
    const check = CHECKS[id]
    const s = severity.get(id)!
    return {id, description: check?.description ?? `Inventory check '${id}'.`, remedy: check?.remedy, sources: [], category: 'validation', severity: s, level: LEVEL[s], custom: false}
  })
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** The order of results: by place, then rule, system, pointer and message. */
function compareResults(a: Omit<CiResult, 'fingerprint'>, b: Omit<CiResult, 'fingerprint'>): number {
  return compare(a.file, b.file) || a.line - b.line || a.column - b.column || compare(a.ruleId, b.ruleId) || compare(a.systemRef ?? '', b.systemRef ?? '') || compare(a.pointer, b.pointer) || compare(a.message, b.message)
}

/** Sorts the results by place and gives each its fingerprint. */
function finish(results: Omit<CiResult, 'fingerprint'>[]): CiResult[] {
  const sorted = [...results].sort(compareResults)
  const seen = new Map<string, number>()
  return sorted.map((r) => {
    const key = fingerprintKey(r)
    const n = seen.get(key) ?? 0
    seen.set(key, n + 1)
    return {...r, fingerprint: sha256(n === 0 ? key : `${key}\u0000${n}`)}
  })
}

/**
 * What identifies a result across runs: the rule, the file, the system and the pointer with its
 * array indices removed (`/systems/3/platform/os` → `/systems/platform/os`), so inserting lines or
 * systems above a result changes nothing. Results that still share a key (two schema errors at the
 * same path in different systems of one file) are told apart by their order, as GitHub's own
 * upload action does with `primaryLocationLineHash`.
 */
export function fingerprintKey(r: Pick<CiResult, 'ruleId' | 'file' | 'systemRef' | 'pointer'>): string {
  return JSON.stringify(['cloudready/v1', r.ruleId, r.file, r.systemRef ?? '', r.pointer.replace(/\/\d+(?=\/|$)/g, '')])
}

/** Node's one-shot hash where it has one (20.12): no Hash object per result, whose native memory a million results piled up before a collection. */
const oneShot = (crypto as {hash?: (algorithm: string, data: string, encoding: 'hex') => string}).hash

function sha256(text: string): string {
  return oneShot ? oneShot('sha256', text, 'hex') : createHash('sha256').update(text, 'utf8').digest('hex')
}

/** The text a person reads, with the system it is about: `hmrc/tax-calc: …`. */
export function resultText(r: CiResult): string {
  return r.systemRef === undefined ? r.message : `${r.systemRef}: ${r.message}`
}

/** SARIF and JUnit want lines and columns from 1; a file-level problem may say 0. */
export function position(n: number): number {
  return Number.isInteger(n) && n >= 1 ? n : 1
}
