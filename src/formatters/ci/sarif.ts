/**
 * SARIF 2.1.0 as GitHub code scanning takes it (`github/codeql-action/upload-sarif`): one run, the
 * rule catalogue as `tool.driver.rules`, a result per finding with a line-independent fingerprint.
 * Deterministic: no timestamps, no absolute paths for files under the working directory.
 */
import type {AuditView} from '../../core/assess/report.js'
import type {Severity} from '../../core/model/types.js'
import {MappedList, prettyJsonChunks} from '../json-chunks.js'
import type {ChunkFormatter, Formatter, ValidateReport} from '../types.js'
import {type CiRule, position, resultText, toCiReport} from './results.js'

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json'
const HOME = 'https://github.com/cloudready/cloudready'
const SRCROOT = '%SRCROOT%'

/** GitHub reads a rule's `security-severity` as a CVSS-like score: ≥9 critical, ≥7 high, ≥4 medium, else low. */
const SECURITY_SEVERITY: Partial<Record<Severity, string>> = {critical: '9.0', high: '7.0', medium: '5.0', low: '3.0'}

/** The SARIF log in pieces, a result at a time: at 100,000 systems one string of it was over JavaScript's limit. */
export const chunks: ChunkFormatter<ValidateReport | AuditView> = function* (report, ctx) {
  yield* prettyJsonChunks(sarifLog(report, ctx.version))
  yield '\n'
}

export const format: Formatter<ValidateReport | AuditView> = (report, ctx) => [...chunks(report, ctx)].join('')

function sarifLog(report: ValidateReport | AuditView, version: string) {
  const ci = toCiReport(report)
  const index = new Map(ci.rules.map((r, i) => [r.id, i]))
  const results = new MappedList(ci.results, (r) => ({
    ruleId: r.ruleId,
    ruleIndex: index.get(r.ruleId)!,
    level: r.level,
    message: {text: resultText(r)},
    locations: [
      {
        physicalLocation: {artifactLocation: artifactLocation(r.file), region: {startLine: position(r.line), startColumn: position(r.column)}},
        ...(r.systemRef === undefined ? {} : {logicalLocations: [{fullyQualifiedName: r.systemRef, kind: 'object'}]}),
      },
    ],
    partialFingerprints: {'cloudready/v1': r.fingerprint},
    properties: {severity: r.severity, ...(r.pointer ? {pointer: r.pointer} : {})},
  }))
  const sarif = {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {driver: {name: 'cloudready', version, semanticVersion: version, informationUri: HOME, rules: ci.rules.map(descriptor)}},
        // Relative URIs resolve against the folder cloudready ran in, which CI runs at the repository root.
        originalUriBaseIds: {[SRCROOT]: {description: {text: 'The working directory cloudready ran in (the repository root in CI).'}}},
        invocations: [{executionSuccessful: true}],
        results,
        // Columns are offsets in the decoded text, as JavaScript strings count them.
        columnKind: 'utf16CodeUnits',
        properties:
          ci.command === 'audit'
            ? {command: 'audit', asOf: ci.asOf, deadline: ci.deadline, failOn: ci.failOn, lifecycleSnapshot: ci.lifecycleSnapshot}
            : {command: 'validate', valid: ![...ci.results].some((r) => r.failing)},
      },
    ],
  }
  return sarif
}

function descriptor(rule: CiRule) {
  const security = rule.category === 'security' ? SECURITY_SEVERITY[rule.severity as Severity] : undefined
  const tags = rule.category === 'validation' ? ['validation'] : [rule.category, ...(rule.custom ? ['custom'] : [])]
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: {text: rule.description},
    fullDescription: {text: rule.rationale ?? rule.description},
    help: {text: helpText(rule), markdown: helpMarkdown(rule)},
    // Custom rules live in a .cloudready.yaml, not in the README's catalogue.
    ...(rule.custom ? {} : {helpUri: rule.category === 'validation' ? `${HOME}#what-the-error-messages-look-like` : `${HOME}#${encodeURIComponent(rule.id)}`}),
    defaultConfiguration: {level: rule.level},
    properties: {category: rule.category, tags, ...(security ? {'security-severity': security} : {})},
  }
}

export function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join('')
}

function helpText(rule: CiRule): string {
  const parts = [rule.remedy ? `Remedy: ${rule.remedy}` : rule.description]
  if (rule.sources.length > 0) parts.push(`Sources:\n${rule.sources.map((s) => `- ${s.title}${s.url ? ` (${s.url})` : ''}`).join('\n')}`)
  return parts.join('\n\n')
}

function helpMarkdown(rule: CiRule): string {
  const parts = [rule.remedy ? `**Remedy:** ${md(rule.remedy)}` : md(rule.description)]
  if (rule.rationale) parts.push(`**Why:** ${md(rule.rationale)}`)
  if (rule.sources.length > 0) {
    parts.push(`**Sources:**\n\n${rule.sources.map((s) => `- ${s.url && /^https?:\/\//.test(s.url) ? `[${md(s.title)}](${s.url.replace(/[()\s<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)})` : md(s.title)}`).join('\n')}`)
  }
  return parts.join('\n\n')
}

/** Markdown-inert text: a custom rule's description cannot inject links, HTML or formatting. */
function md(text: string): string {
  return text.replace(/[\\`*_[\]<>|~#]/g, '\\$&').replace(/\r\n|\r|\n/g, ' ')
}

/**
 * A file as SARIF wants it: relative paths (how cloudready shows files under the working directory)
 * become `/`-separated, percent-encoded URIs against %SRCROOT%; absolute ones become `file:` URIs.
 */
export function artifactLocation(file: string): {uri: string; uriBaseId?: string} {
  const slashed = file.replace(/\\/g, '/')
  const drive = /^[A-Za-z]:\//.exec(slashed)?.[0]
  // Built by hand rather than with pathToFileURL, which would resolve a Windows path against the cwd on POSIX.
  if (drive) return {uri: `file:///${drive}${encodePath(slashed.slice(drive.length))}`}
  if (slashed.startsWith('/')) return {uri: `file://${encodePath(slashed)}`}
  return {uri: encodePath(slashed), uriBaseId: SRCROOT}
}

const encodePath = (p: string) => p.split('/').map(encodeURIComponent).join('/')
