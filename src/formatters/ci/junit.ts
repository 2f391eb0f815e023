/**
 * JUnit XML, as Jenkins, GitLab and Azure Pipelines read it.
 *
 * The scheme: one `<testsuite>` per input file (every file read, even one with nothing to say), and
 * in it one `<testcase>` per checked thing and rule that produced something:
 * - audit: `classname` is the system's ref (`hmrc/tax-calc`), `name` the rule id; a system with no
 *   finding gets one passing testcase named `cloudready`, so every system is counted;
 * - validate: `classname` is the file, `name` the diagnostic code; a valid file gets one passing
 *   `cloudready` testcase.
 * A testcase fails (`<failure type="rule-id">`) when any of its results is at or above `--fail-on`
 * (validate: any error); results below it are listed in `<system-out>` and do not fail it. File-level
 * warnings of an audit (a dependency on a department not loaded) are testcases of the file's classname.
 */
import type {AuditView} from '../../core/assess/report.js'
import type {ChunkFormatter, Formatter, ValidateReport} from '../types.js'
import {type CiClass, type CiResult, position, resultText, toCiReport} from './results.js'

/** C0 controls other than tab, LF and CR, U+FFFE, U+FFFF and lone surrogates are not XML 1.0 characters. */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function stripIllegalXml(text: string): string {
  return text.replace(ILLEGAL, '')
}

/** Element text: markup escaped, and CR as a reference so a parser's line-end normalisation keeps it. */
export function xmlText(text: string): string {
  return stripIllegalXml(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\r/g, '&#13;')
}

/** Attribute value: as text, plus tab and LF as references, which attribute normalisation would turn into spaces. */
export function xmlAttr(text: string | number): string {
  return xmlText(String(text)).replace(/\n/g, '&#10;').replace(/\t/g, '&#9;')
}

interface Case {
  classname: string
  name: string
  file: string
  results: CiResult[]
}

/**
 * JUnit XML, line by line (a million systems make no single string). Read twice: once for each
 * suite's counts, which come before its testcases, then to write (an audit's results are made again).
 */
export const chunks: ChunkFormatter<ValidateReport | AuditView> = function* (report) {
  const ci = toCiReport(report)
  const failed = (c: Case) => c.results.some((r) => r.failing)
  const counts: Array<{tests: number; failures: number}> = []
  for (const suite of ci.suites()) {
    const n = {tests: 0, failures: 0}
    for (const cls of suite.classes) {
      for (const c of casesOf(cls, suite.file)) {
        n.tests++
        if (failed(c)) n.failures++
      }
    }
    counts.push(n)
  }
  const total = counts.reduce((t, n) => ({tests: t.tests + n.tests, failures: t.failures + n.failures}), {tests: 0, failures: 0})
  const props =
    ci.command === 'audit'
      ? [
          ['asOf', ci.asOf],
          ['deadline', ci.deadline],
          ['failOn', ci.failOn],
        ]
      : []
  yield `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="cloudready" tests="${total.tests}" failures="${total.failures}" errors="0" skipped="0">\n`
  let i = 0
  for (const suite of ci.suites()) {
    const n = counts[i++]
    yield `  <testsuite name="${xmlAttr(suite.file)}" tests="${n.tests}" failures="${n.failures}" errors="0" skipped="0">\n`
    if (props.length > 0) {
      yield `${['    <properties>', ...props.map(([k, v]) => `      <property name="${k}" value="${xmlAttr(v ?? '')}"/>`), '    </properties>'].join('\n')}\n`
    }
    for (const cls of suite.classes) for (const c of casesOf(cls, suite.file)) yield `${testcase(c).join('\n')}\n`
    yield '  </testsuite>\n'
  }
  yield '</testsuites>\n'
}

export const format: Formatter<ValidateReport | AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')

/** The testcases of one subject: its results grouped by rule (by rule id), or one passing testcase when it has none. */
function casesOf(cls: CiClass, file: string): Case[] {
  if (cls.results.length === 0) return [{classname: cls.classname, name: 'cloudready', file, results: []}]
  const groups = new Map<string, Case>()
  for (const r of cls.results) {
    const group = groups.get(r.ruleId)
    if (group) group.results.push(r)
    else groups.set(r.ruleId, {classname: cls.classname, name: r.ruleId, file, results: [r]})
  }
  return [...groups.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
}

function testcase(c: Case): string[] {
  const failing = c.results.filter((r) => r.failing)
  const other = c.results.filter((r) => !r.failing)
  const line = position(c.results[0]?.line ?? 1)
  const head = `    <testcase classname="${xmlAttr(c.classname)}" name="${xmlAttr(c.name)}" file="${xmlAttr(c.file)}"${c.results.length > 0 ? ` line="${line}"` : ''}`
  if (c.results.length === 0) return [`${head}/>`]
  const out = [`${head}>`]
  if (failing.length > 0) {
    const message = failing[0].message + (failing.length > 1 ? ` (and ${failing.length - 1} more)` : '')
    out.push(`      <failure type="${xmlAttr(c.name)}" message="${xmlAttr(message)}">${xmlText(failing.map(detail).join('\n'))}</failure>`)
  }
  if (other.length > 0) out.push(`      <system-out>${xmlText(other.map(detail).join('\n'))}</system-out>`)
  out.push('    </testcase>')
  return out
}

/** `high examples/hmrc.yaml:12:7 hmrc/tax-calc: … (/systems/0/platform/os)` */
function detail(r: CiResult): string {
  return `${r.severity} ${r.file}:${position(r.line)}:${position(r.column)} ${resultText(r)}${r.pointer ? ` (${r.pointer})` : ''}`
}
