/**
 * Hand-made reports with hostile text, and the real CLI on temp copies of inventories, for the CI
 * format tests.
 */
import {copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {stillToMove, summarise, type SystemAssessment} from '../../src/core/assess/index.js'
import type {AuditReport} from '../../src/core/assess/report.js'
import type {Diagnostic, Finding} from '../../src/core/model/types.js'
import type {FormatContext, ValidateReport} from '../../src/formatters/types.js'
import type {RuleMeta} from '../../src/rules/types.js'
import {cli, ROOT, type RunResult} from '../helpers/cli.js'

/** Everything a CI format has to survive: its own delimiters, markup, CRLF, emoji, NUL and other controls. */
export const HOSTILE = '100% sure: a, b <script>&amp;"q" \'a\' ]]> \r\n::error::pwned 🚀 nul\u0000 esc\u001b[31m bell\u0007 tab\t del\u007f ok'

export const CTX: FormatContext = {color: true, version: '9.8.7'}

export function meta(id: string, over: Partial<RuleMeta> = {}): RuleMeta {
  return {
    id,
    category: 'platform',
    severity: 'high',
    description: `What ${id} finds`,
    rationale: `Why ${id} matters`,
    sources: [{title: 'A [policy] <b>', url: 'https://www.gov.uk/x_(y)'}, {title: 'No URL'}],
    remedy: `Fix ${id}`,
    fields: [],
    example: '',
    ...over,
  }
}

export function finding(ref: string, rule: string, over: Partial<Finding> = {}): Finding {
  return {rule, category: 'platform', severity: 'high', message: `finding of ${rule}`, ref, file: 'inv/hmrc.yaml', line: 10, column: 7, pointer: '/systems/0/platform/os', ...over}
}

export function system(ref: string, findings: Finding[], over: Partial<SystemAssessment> = {}): SystemAssessment {
  const [department, id] = ref.split('/')
  // Asserted rather than annotated: SystemAssessment is growing fields other engineers add.
  return {
    ref,
    department,
    id,
    name: id,
    file: 'inv/hmrc.yaml',
    line: 5,
    column: 5,
    criticality: 'high',
    hosting: 'on-premises',
    migrationStatus: 'not-started',
    readiness: 'ready-with-conditions',
    score: 50,
    confidence: 1,
    deadlineStatus: 'missed',
    daysLate: 10,
    annualRunGbp: null,
    pastEndOfSupport: false,
    platform: {},
    cycle: [],
    pointer: '/systems/0',
    findings,
    ...over,
  } as SystemAssessment
}

/**
 * An audit of two files: hmrc/tax-calc with findings at every severity (one hostile), hmrc/quiet with
 * none, and an empty second file; a validation warning and a security rule.
 */
export function auditReport(over: Partial<AuditReport> = {}): AuditReport {
  const ref = 'hmrc/tax-calc'
  const systems = [
    system(ref, [
      finding(ref, 'sec-rule', {category: 'security', severity: 'critical', line: 12, pointer: '/systems/0/security'}),
      finding(ref, 'plat-rule', {severity: 'high', message: HOSTILE, line: 14, pointer: '/systems/0/platform/os/version'}),
      finding(ref, 'plat-rule', {severity: 'high', line: 15, pointer: '/systems/0/platform/database/version'}),
      finding(ref, 'medium-rule', {severity: 'medium', line: 16}),
      finding(ref, 'low-rule', {severity: 'low', line: 17}),
      finding(ref, 'info-rule', {severity: 'info', line: 18}),
    ]),
    system('hmrc/quiet', [], {line: 30}),
  ]
  const warning: Diagnostic = {severity: 'warning', code: 'external-dependency', message: `depends on dwp/x ${HOSTILE}`, file: 'inv/hmrc.yaml', line: 20, column: 9, pointer: '/systems/0/dependencies/0'}
  return {
    asOf: '2026-11-27',
    deadline: '2023-12-31',
    lifecycleSnapshot: '2026-08-22',
    summary: summarise(systems),
    departments: [],
    stillToMove: stillToMove(systems),
    systems,
    tool: {name: 'cloudready', version: '9.8.7'},
    failOn: 'high',
    files: ['inv/hmrc.yaml', 'inv/empty dept.yaml'],
    warnings: [warning],
    rules: [
      meta('sec-rule', {category: 'security', severity: 'critical'}),
      meta('plat-rule'),
      meta('medium-rule', {severity: 'medium'}),
      meta('low-rule', {severity: 'low'}),
      meta('info-rule', {severity: 'info'}),
      meta('unused-rule', {category: 'security', severity: 'medium'}),
      meta('my-custom', {custom: true, description: `custom ${HOSTILE}`}),
    ],
    lifecycleSource: 'test',
    ...over,
  }
}

/** A validation with two errors (one hostile) and a warning in one file, and a second, valid file. */
export function validateReport(): ValidateReport {
  const d = (over: Partial<Diagnostic>): Diagnostic => ({severity: 'error', code: 'schema', message: 'bad', file: 'inv/a.yaml', line: 3, column: 5, pointer: '/systems/0/x', ...over})
  return {
    valid: false,
    files: ['inv/a.yaml', 'inv/b.yaml'],
    errors: [d({message: HOSTILE}), d({line: 9, pointer: '/systems/1/x', message: 'also bad'}), d({code: 'yaml-syntax', line: 0, column: 0, pointer: ''})],
    warnings: [d({severity: 'warning', code: 'external-dependency', line: 7, pointer: '/systems/0/dependencies/0', message: 'external'})],
  }
}

/** An invalid inventory whose errors carry hostile text (an unknown key is quoted in the message). */
export const INVALID_INVENTORY = `apiVersion: cloudready/v1
kind: Inventory
department: {id: hmrc, name: HMRC}
systems:
  - id: tax-calc
    name: Tax
    criticality: high
    hosting: on-premises
    platform: {"a%b,c:d <x>&\\"q\\" ]]> 🚀 \\r\\n::error::x": 1}
  - id: other
    name: Other
    criticality: loud
    hosting: on-premises
`

/** An inventory whose findings carry hostile text: scarce skills are free text quoted in a message. */
export const HOSTILE_INVENTORY = `apiVersion: cloudready/v1
kind: Inventory
department: {id: dvsa, name: DVSA}
systems:
  - id: tax-calc
    name: Tax
    criticality: high
    hosting: on-premises
    skills: {scarce: ["100%, a:b <x>&\\"q\\" 'a' ]]> 🚀 nul\\0 esc\\e[31m bell\\a \\r\\n::error::pwned"], in_house: none}
  - id: other
    name: Other
    criticality: high
    hosting: on-premises
    skills: {scarce: ["100%, a:b <x>&\\"q\\" 'a' ]]> 🚀 nul\\0 esc\\e[31m bell\\a \\r\\n::error::pwned"], in_house: none}
`

/** A temp folder with files, removed by the returned function. */
export function tempDir(files: Record<string, string>): {dir: string; remove: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-ci-'))
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text)
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}

export function copyExample(dir: string, name: string): void {
  copyFileSync(path.join(ROOT, 'examples', name), path.join(dir, name))
}

export function prepend(file: string, text: string): void {
  writeFileSync(file, text + readFileSync(file, 'utf8'))
}

/** `cloudready audit` on the bundled examples, as in the README. */
export function auditExamples(format: string): RunResult {
  return cli(['audit', 'examples', '--as-of', '2026-11-27', '--format', format])
}

export {cli}
