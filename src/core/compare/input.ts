/**
 * Recognising a plan JSON (`cloudready plan --format json`) among the inputs of `compare`, by its
 * content rather than its name, and checking it has what a comparison reads, so a truncated or
 * hand-edited file is a clear message and exit 2, never a crash further on.
 */
import {InputError} from '../errors.js'
import type {PlanReport} from '../plan/report.js'

/** Whether `text` looks like a JSON object at all (inventories are YAML, which rarely starts so). */
function looksLikeJsonObject(text: string): boolean {
  return /^\uFEFF?\s*\{/.test(text)
}

type Check = [path: string, test: (v: unknown) => boolean, what: string]

const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v)
const isString = (v: unknown) => typeof v === 'string'
const isDate = (v: unknown) => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)
const isObject = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v)
const isCounts = (v: unknown) => isObject(v) && Object.values(v as object).every(isNumber)
const isEffort = (v: unknown) => isObject(v) && isNumber((v as {low?: unknown}).low) && isNumber((v as {high?: unknown}).high)
const isWave = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) >= 1)

/** What a comparison reads from a plan, with a word for what each should be. */
const PLAN_CHECKS: Check[] = [
  ['asOf', isDate, 'a date'],
  ['deadline', isDate, 'a date'],
  ['start', isDate, 'a date'],
  ['completion', isDate, 'a date'],
  ['daysPastDeadline', isNumber, 'a number'],
  ['waveLengthMonths', isNumber, 'a number'],
  ['capacity', isObject, 'an object'],
  ['summary', isObject, 'an object'],
  ['summary.systems', isNumber, 'a number'],
  ['summary.toMove', isNumber, 'a number'],
  ['summary.done', isNumber, 'a number'],
  ['summary.retained', isNumber, 'a number'],
  ['summary.waves', isNumber, 'a number'],
  ['summary.byStrategy', isCounts, 'counts by strategy'],
  ['summary.effort', isEffort, 'an effort range'],
  ['summary.shareDoneByDeadline', isNumber, 'a number'],
  ['progress', Array.isArray, 'a list'],
  ['waves', Array.isArray, 'a list'],
  ['moveGroups', Array.isArray, 'a list'],
  ['systems', Array.isArray, 'a list'],
  ['lifecycle', isObject, 'an object'],
  ['audit', isObject, 'an object (plans made before cloudready 0.1 lack it: plan again)'],
  ['audit.summary', isObject, 'an object'],
  ['audit.summary.byReadiness', isCounts, 'counts by readiness'],
  ['audit.summary.bySeverity', isCounts, 'counts by severity'],
  ['audit.summary.byCategory', isCounts, 'counts by category'],
  ['audit.summary.shareReady', isNumber, 'a number'],
  ['audit.summary.sharePastEndOfSupport', isNumber, 'a number'],
  ['audit.summary.annualRunGbp', isNumber, 'a number'],
  ['audit.summary.runCost', isObject, 'the named parts of run cost (plans made before this version lack them: plan again)'],
  ['audit.summary.doneByDeadline', isObject, 'a count and share (plans made before this version lack it: plan again)'],
  ['audit.departments', Array.isArray, 'a list'],
]

const SYSTEM_CHECKS: Check[] = [
  ['ref', isString, 'a string'],
  ['department', isString, 'a string'],
  ['name', isString, 'a string'],
  ['readiness', isString, 'a string'],
  ['status', isString, 'a string'],
  ['strategy', (v) => v === null || isString(v), 'a string or null'],
  ['moveGroup', isString, 'a string'],
  ['wave', isWave, 'a wave number or null'],
  ['effort', isEffort, 'an effort range'],
  ['annualRunGbp', (v) => v === null || isNumber(v), 'a number or null'],
  ['dependsOn', Array.isArray, 'a list'],
]

const WAVE_CHECKS: Check[] = [
  ['number', isNumber, 'a number'],
  ['start', isDate, 'a date'],
  ['end', isDate, 'a date'],
  ['systems', Array.isArray, 'a list'],
  ['effort', isEffort, 'an effort range'],
]

const GROUP_CHECKS: Check[] = [
  ['id', isString, 'a string'],
  ['systems', Array.isArray, 'a list'],
  ['wave', isWave, 'a wave number or null'],
  ['dependsOn', Array.isArray, 'a list'],
]

const DEPARTMENT_CHECKS: Check[] = [
  ['id', isString, 'a string'],
  ['name', isString, 'a string'],
  ['summary', isObject, 'an object'],
  ['summary.systems', isNumber, 'a number'],
  ['summary.byReadiness', isCounts, 'counts by readiness'],
  ['summary.bySeverity', isCounts, 'counts by severity'],
  ['summary.shareReady', isNumber, 'a number'],
  ['summary.sharePastEndOfSupport', isNumber, 'a number'],
  ['summary.annualRunGbp', isNumber, 'a number'],
  ['summary.runCost', isObject, 'the named parts of run cost'],
  ['summary.doneByDeadline', isObject, 'a count and share'],
]

function get(value: unknown, dotted: string): unknown {
  let node = value
  for (const part of dotted.split('.')) {
    if (!isObject(node)) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

function check(value: unknown, checks: Check[], prefix: string, file: string): void {
  for (const [path, test, what] of checks) {
    if (!test(get(value, path))) throw new InputError(`${file} is a cloudready plan, but its ${prefix}${path} is not ${what}: give the output of 'cloudready plan --format json'`)
  }
}

function checkEach(list: unknown[], checks: Check[], name: string, file: string): void {
  list.forEach((item, i) => {
    if (!isObject(item)) throw new InputError(`${file} is a cloudready plan, but its ${name}[${i}] is not an object`)
    check(item, checks, `${name}[${i}].`, file)
  })
}

/**
 * The plan in `text` when it is one: an object with `tool.name === 'cloudready'` and `waves`.
 * Undefined for anything else (an inventory, to be planned); an InputError for a cloudready file
 * that is not a plan (an audit report) or a plan that lacks what a comparison needs.
 */
export function parsePlanJson(text: string, file: string): PlanReport | undefined {
  if (!looksLikeJsonObject(text)) return undefined
  let data: unknown
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''))
  } catch {
    // A YAML inventory written in flow style can start with `{`: let the inventory loader judge it.
    return undefined
  }
  if (!isObject(data) || get(data, 'tool.name') !== 'cloudready') return undefined
  if (!Array.isArray((data as {waves?: unknown}).waves)) {
    const kind = Array.isArray((data as {systems?: unknown}).systems) && 'failOn' in (data as object) ? 'an audit report' : 'not a plan'
    throw new InputError(`${file} is ${kind} (it has no waves): compare takes plans ('cloudready plan --format json'), inventory files or folders`)
  }
  check(data, PLAN_CHECKS, '', file)
  const plan = data as unknown as PlanReport
  checkEach(plan.systems, SYSTEM_CHECKS, 'systems', file)
  checkEach(plan.waves, WAVE_CHECKS, 'waves', file)
  checkEach(plan.moveGroups, GROUP_CHECKS, 'moveGroups', file)
  checkEach(plan.audit.departments, DEPARTMENT_CHECKS, 'audit.departments', file)
  for (const s of plan.systems) {
    if (s.wave !== null && s.wave > plan.waves.length) throw new InputError(`${file} is a cloudready plan, but system ${s.ref} is in wave ${s.wave} of ${plan.waves.length}`)
  }
  return plan
}
