/**
 * `.cloudready.yaml` end to end, through the built CLI: where it is found, what each setting does to
 * an audit (deadline, failOn, a rule off, a severity, a rule's options, rules written as data, a
 * newer lifecycle table), and how a wrong or hostile config is refused: exit 2, `file:line:col`, a
 * message a person understands, nothing executed and nothing fetched.
 *
 * Fixtures: test/fixtures/config/ — estate/ (an inventory in a subfolder under its .cloudready.yaml,
 * worst finding medium against that config's 2030 deadline), configs/ (given with --config),
 * errors/ (one mistake each), lifecycle/ (a config naming a table relative to itself).
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {createServer, type Server} from 'node:net'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {parse as parseYaml} from 'yaml'

import {STARTER_CONFIG} from '../../src/core/init/templates.js'
import {RULES} from '../../src/rules/index.js'
import type {cli} from '../helpers/cli.js'
import {cliRun, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
const FIXTURES = 'test/fixtures/config'
const ESTATE = `${FIXTURES}/estate/inventory`
const CONFIGS = `${FIXTURES}/configs`

interface FindingJson {
  rule: string
  category: string
  severity: string
  message: string
  file: string
  line: number
  column: number
  pointer: string
}
interface SystemJson {
  ref: string
  readiness: string
  score: number
  confidence: number
  deadlineStatus: string
  line: number
  column: number
  findings: FindingJson[]
}
interface AuditJson {
  deadline: string
  failOn: string
  lifecycle: {snapshot: string; source: string}
  systems: SystemJson[]
}

/** Standard error without Node's own process warnings. */

async function audit(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<RunResult> {
  const run = await cliRun(['audit', ...args, '--as-of', AS_OF], options)
  expect(run.stderr, 'no stack trace on standard error').not.toMatch(STACK_TRACE)
  return run
}

async function auditJson(args: string[], options: Parameters<typeof cli>[1] = {}): Promise<{run: RunResult; json: AuditJson}> {
  const run = await audit([...args, '--format', 'json'], options)
  try {
    return {run, json: JSON.parse(run.stdout) as AuditJson}
  } catch {
    throw new Error(`standard output is not JSON (exit ${run.code}):\n${run.stdout.slice(0, 2000)}\n${run.stderr}`)
  }
}

const system = (json: AuditJson, id: string) => {
  const s = json.systems.find((x) => x.ref === id || x.ref.endsWith(`/${id}`))
  if (!s) throw new Error(`no system ${id}`)
  return s
}
const rulesOf = (json: AuditJson) => json.systems.flatMap((s) => s.findings.map((f) => `${s.ref} ${f.rule}`)).sort()

let tmp: string
/** The estate audited with the config found upward from it: what every setting is compared against. */
let plain: AuditJson

beforeAll(async () => {
  tmp = mkdtempSync(path.join(tmpdir(), 'cloudready-config-'))
  const {run, json} = await auditJson([ESTATE])
  expect(run.code, run.stderr).toBe(0)
  plain = json
})

afterAll(async () => {
  if (tmp) rmSync(tmp, {recursive: true, force: true})
})

describe('where the config comes from', () => {
  it('found upward from the first path (the inventory is in a subfolder): its deadline applies, exit 0 at the worst finding medium', async () => {
    expect(plain.deadline).toBe('2030-12-31')
    expect(plain.failOn).toBe('high')
    // 'records' records no run cost: a low data-quality finding beside the stale health check.
    expect(rulesOf(plain)).toEqual(['cfg/records data-quality-gaps', 'cfg/records security-health-check-stale'])
    expect(plain.systems.map((s) => s.deadlineStatus)).toEqual(['on-track', 'on-track', 'on-track', 'on-track'])
    // Named as a file rather than a folder: the same config.
    const file = await auditJson([`${ESTATE}/cfg.yaml`])
    expect(file.run.code).toBe(0)
    expect(file.json.deadline).toBe('2030-12-31')
  })

  it('for standard input, found upward from the working directory', async () => {
    const input = readFileSync(path.join(ROOT, ESTATE, 'cfg.yaml'))
    const {run, json} = await auditJson(['-'], {input, cwd: path.join(ROOT, ESTATE)})
    expect(run.code).toBe(0)
    expect(json.deadline).toBe('2030-12-31')
  })

  it('only the first path counts: examples first, no config above them, the default deadline', async () => {
    const {json} = await auditJson(['examples', ESTATE])
    expect(json.deadline).toBe('2023-12-31')
  })

  it('--no-config: the defaults (the 2023 deadline has passed: deadline-missed, exit 1)', async () => {
    const {run, json} = await auditJson([ESTATE, '--no-config'])
    expect(run.code).toBe(1)
    expect(json.deadline).toBe('2023-12-31')
    expect(json.systems.every((s) => s.deadlineStatus === 'missed')).toBe(true)
  })

  it('--config FILE replaces the one found upward (its settings, and the defaults for the rest)', async () => {
    const {run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/fail-on-none.yaml`])
    // fail-on-none.yaml sets no deadline: the 2023 default, not estate/.cloudready.yaml's 2030.
    expect(json.deadline).toBe('2023-12-31')
    expect(json.failOn).toBe('none')
    expect(json.systems.flatMap((s) => s.findings).some((f) => f.severity === 'high')).toBe(true)
    expect(run.code).toBe(0)
  })

  it('--config with --no-config, or a config that is not there: exit 2, said plainly', async () => {
    const both = await audit([ESTATE, '--config', `${CONFIGS}/fail-on-none.yaml`, '--no-config'])
    expect(both.code).toBe(2)
    expect(both.stderr).toMatch(/--no-config.*--config|--config.*--no-config/)
    const missing = await audit([ESTATE, '--config', `${FIXTURES}/no-such-config.yaml`])
    expect(missing.code).toBe(2)
    expect(missing.stdout).toBe('')
    expect(userLines(missing.stderr)).toEqual([`cloudready: ${FIXTURES}/no-such-config.yaml: cannot read the config: no such file`])
  })

  it('a config with every line commented out means the defaults', async () => {
    const {run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/empty.yaml`])
    expect(run.code, run.stderr).toBe(1)
    expect(json.deadline).toBe('2023-12-31')
    expect(json.failOn).toBe('high')
  })
})

describe('what each setting does', () => {
  it('deadline: from the config, and --deadline wins over it', async () => {
    const {json} = await auditJson([ESTATE, '--deadline', '2029-01-31'])
    expect(json.deadline).toBe('2029-01-31')
    // case-management's target (2029-03-31) is now after the deadline: at risk, with the finding that says so.
    expect(system(json, 'case-management').deadlineStatus).toBe('at-risk')
    expect(system(json, 'case-management').findings.map((f) => f.rule)).toContain('deadline-target-after-deadline')
    expect(system(plain, 'case-management').deadlineStatus).toBe('on-track')
  })

  it('failOn: from the config (medium: the one medium finding fails), and --fail-on wins over it', async () => {
    const medium = await auditJson([ESTATE, '--config', `${CONFIGS}/fail-on-medium.yaml`])
    expect(medium.json.failOn).toBe('medium')
    expect(medium.run.code).toBe(1)
    const flag = await auditJson([ESTATE, '--config', `${CONFIGS}/fail-on-medium.yaml`, '--fail-on', 'high'])
    expect(flag.json.failOn).toBe('high')
    expect(flag.run.code).toBe(0)
  })

  it('a rule turned off disappears: no finding, not among the rules that ran (SARIF), and failOn medium now passes', async () => {
    const {run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/rule-off.yaml`])
    expect(run.code).toBe(0)
    expect(rulesOf(json)).toEqual(['cfg/records data-quality-gaps'])
    expect(system(json, 'records').readiness).toBe('ready')
    const sarif = await audit([ESTATE, '--config', `${CONFIGS}/rule-off.yaml`, '--format', 'sarif'])
    const ids = (JSON.parse(sarif.stdout) as {runs: Array<{tool: {driver: {rules: Array<{id: string}>}}}>}).runs[0].tool.driver.rules.map((r) => r.id)
    expect(ids).not.toContain('security-health-check-stale')
    expect(ids).toContain('people-no-owner')
    expect(ids).toHaveLength(RULES.length - 1)
  })

  it('a severity override changes the finding, the score and the exit code', async () => {
    const {run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/severity-high.yaml`])
    expect(run.code).toBe(1)
    const finding = system(json, 'records').findings.find((f) => f.rule === 'security-health-check-stale')
    expect(finding).toMatchObject({rule: 'security-health-check-stale', severity: 'high'})
    // README "Score": raw 80 − 4 and 90 − 4 (the low data-quality finding), both in the ready-with-conditions band 35–69.
    expect(system(json, 'records').score).toBe(35 + Math.round((76 * 34) / 100))
    expect(system(plain, 'records').score).toBe(35 + Math.round((86 * 34) / 100))
  })

  it("a rule's options change its threshold: cost-retire-candidate with maxUsers 200 flags 'grants' (150 users)", async () => {
    expect(system(plain, 'grants').findings).toEqual([])
    const {run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/options.yaml`])
    expect(run.code).toBe(0)
    const grants = system(json, 'grants')
    expect(grants.findings).toHaveLength(1)
    expect(grants.findings[0]).toMatchObject({rule: 'cost-retire-candidate', severity: 'medium', category: 'cost', pointer: '/systems/2/costs/annual_run_gbp'})
    expect(grants.findings[0].message).toContain('£300,000 a year for 150 users')
    expect(rulesOf(json)).toEqual(['cfg/grants cost-retire-candidate', 'cfg/records data-quality-gaps', 'cfg/records security-health-check-stale'])
  })
})

describe('custom rules, written as data', () => {
  let json: AuditJson
  let run: RunResult
  beforeAll(async () => {
    ;({run, json} = await auditJson([ESTATE, '--config', `${CONFIGS}/custom-rules.yaml`]))
  })

  it('`when` flags the systems that match, with the configured message, severity, category and pointer', async () => {
    const flagged = json.systems.filter((s) => s.findings.some((f) => f.rule === 'no-monolith-on-premises'))
    expect(flagged.map((s) => s.ref)).toEqual(['cfg/case-management'])
    const f = flagged[0].findings.find((x) => x.rule === 'no-monolith-on-premises')!
    expect(f).toMatchObject({category: 'architecture', severity: 'high', message: 'A monolith on premises must be split before it moves', pointer: '/systems/1/platform/architecture'})
    // On the line that says so.
    const lines = readFileSync(path.join(ROOT, ESTATE, 'cfg.yaml'), 'utf8').split('\n')
    expect(lines[f.line - 1].slice(f.column - 1)).toBe('monolith')
    // The high finding fails the run and makes the system ready with conditions.
    expect(run.code).toBe(1)
    expect(flagged[0].readiness).toBe('ready-with-conditions')
    // Raw 100 − 20 − 4, placed in the ready-with-conditions band (README "Score").
    expect(flagged[0].score).toBe(35 + Math.round(((100 - 20 - 4) * 34) / 100))
  })

  it('`unless` flags the systems that do not match; with no pointer the finding points at the system', async () => {
    const flagged = json.systems.filter((s) => s.findings.some((f) => f.rule === 'cmdb-id-required'))
    expect(flagged.map((s) => s.ref)).toEqual(['cfg/case-management'])
    const f = flagged[0].findings.find((x) => x.rule === 'cmdb-id-required')!
    expect(f).toMatchObject({category: 'people', severity: 'low', message: 'Every system needs its CMDB id (x-cmdb-id)', pointer: '/systems/1', line: flagged[0].line, column: flagged[0].column})
    const costly = json.systems.filter((s) => s.findings.some((x) => x.rule === 'costly-system'))
    expect(costly.map((s) => s.ref)).toEqual(['cfg/web-portal'])
  })

  it('count for confidence: each is one more criterion, judged only where its fields are there', async () => {
    // costly-system needs costs.annual_run_gbp, which 'records' does not record; the other two need nothing.
    const n = RULES.length
    for (const before of plain.systems) {
      const judged = Math.round(before.confidence * n)
      const extra = before.ref === 'cfg/records' ? 2 : 3
      expect(system(json, before.ref).confidence, before.ref).toBe(Math.round(((judged + extra) / (n + 3)) * 100) / 100)
    }
    expect(system(json, 'records').confidence).toBeLessThan(system(plain, 'records').confidence)
  })

  it("appear in SARIF's rules[] with their descriptions and remedies, and their results point at them", async () => {
    const sarif = JSON.parse((await audit([ESTATE, '--config', `${CONFIGS}/custom-rules.yaml`, '--format', 'sarif'])).stdout) as {
      runs: Array<{tool: {driver: {rules: Array<{id: string; shortDescription: {text: string}; help: {text: string}; properties: {category: string; tags: string[]}}>}}; results: Array<{ruleId: string; ruleIndex: number; level: string}>}>
    }
    const {rules} = sarif.runs[0].tool.driver
    for (const [id, category] of [['no-monolith-on-premises', 'architecture'], ['cmdb-id-required', 'people'], ['costly-system', 'cost']]) {
      const rule = rules.find((r) => r.id === id)
      expect(rule, id).toBeDefined()
      expect(rule!.properties.category).toBe(category)
      expect(rule!.properties.tags).toContain('custom')
    }
    expect(rules.find((r) => r.id === 'no-monolith-on-premises')!.help.text).toContain('Split the monolith along its service boundaries.')
    const results = sarif.runs[0].results.filter((r) => ['no-monolith-on-premises', 'cmdb-id-required', 'costly-system'].includes(r.ruleId))
    expect(results.map((r) => `${r.ruleId} ${r.level}`).sort()).toEqual(['cmdb-id-required note', 'costly-system note', 'no-monolith-on-premises error'])
    for (const r of results) expect(rules[r.ruleIndex].id).toBe(r.ruleId)
  })

  it("the README's example config works as written (its lifecycle table beside it), and so does init's commented custom rule", async () => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
    const section = readme.slice(readme.indexOf('## Configuration: `.cloudready.yaml`'))
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]
    const dir = path.join(tmp, 'readme')
    mkdirSync(path.join(dir, 'data'), {recursive: true})
    writeFileSync(path.join(dir, '.cloudready.yaml'), example)
    copyFileSync(path.join(ROOT, 'data/lifecycle.json'), path.join(dir, 'data/lifecycle-2027.json'))

    // Which examples run Windows Server 2008, read from the YAML here.
    const expected: string[] = []
    for (const f of ['dwp', 'hmrc', 'home-office']) {
      const data = parseYaml(readFileSync(path.join(ROOT, 'examples', `${f}.yaml`), 'utf8')) as {department: {id: string}; systems: Array<{id: string; platform?: {os?: {name: string; version?: string}}}>}
      for (const s of data.systems) if (s.platform?.os?.name === 'windows-server' && /^2008/.test(s.platform.os.version ?? '')) expected.push(`${data.department.id}/${s.id}`)
    }
    expect(expected.length).toBeGreaterThan(0)

    const {run, json} = await auditJson(['examples', '--config', path.join(dir, '.cloudready.yaml')])
    expect(run.code, run.stderr).toBe(1)
    const flagged = json.systems.filter((s) => s.findings.some((f) => f.rule === 'no-windows-2008'))
    expect(flagged.map((s) => s.ref).sort()).toEqual(expected.sort())
    for (const s of flagged) expect(s.findings.find((f) => f.rule === 'no-windows-2008')!.pointer).toMatch(/^\/systems\/\d+\/platform\/os$/)
    expect(json.systems.flatMap((s) => s.findings).filter((f) => f.rule === 'platform-support-ending')).toEqual([])
    for (const f of json.systems.flatMap((s) => s.findings).filter((x) => x.rule === 'cost-retire-candidate')) expect(f.severity).toBe('medium')

    // init's starter config, its example custom rule uncommented.
    const lines = STARTER_CONFIG.split('\n')
    const start = lines.indexOf('customRules: []')
    const end = lines.indexOf('planning:')
    expect(start).toBeGreaterThan(-1)
    expect(end).toBeGreaterThan(start + 1)
    const uncommented = lines.map((l, i) => (i === start ? 'customRules:' : i > start && i < end ? l.replace(/^ {2}# /, '  ') : l))
    const starter = path.join(tmp, 'starter.yaml')
    writeFileSync(starter, uncommented.join('\n'))
    const fromStarter = await auditJson(['examples', '--config', starter])
    expect(fromStarter.run.code, fromStarter.run.stderr).toBe(1)
    expect(fromStarter.json.systems.filter((s) => s.findings.some((f) => f.rule === 'no-windows-2008')).map((s) => s.ref).sort()).toEqual(expected)
  })
})

describe('a newer lifecycle table', () => {
  it('`lifecycle:` is relative to the config file, wherever cloudready runs from', async () => {
    const fromRoot = await auditJson([`${FIXTURES}/lifecycle/inventory`])
    const fromInside = await auditJson(['.'], {cwd: path.join(ROOT, FIXTURES, 'lifecycle/inventory')})
    for (const {run, json} of [fromRoot, fromInside]) {
      expect(run.code).toBe(1)
      expect(json.lifecycle).toEqual({snapshot: '2026-01-01', source: 'A test table: RHEL 9 as if its support had ended in 2020'})
      const f = json.systems[0].findings.find((x) => x.rule === 'platform-end-of-support')
      expect(f, JSON.stringify(json.systems[0].findings)).toBeDefined()
      expect(f!.message).toContain('since 2020-06-30')
      expect(f!.pointer).toBe('/systems/0/platform/os/version')
    }
    // With the shipped table RHEL 9 is supported until 2032.
    const shipped = await auditJson([`${FIXTURES}/lifecycle/inventory`, '--lifecycle', 'data/lifecycle.json'])
    expect(shipped.json.systems[0].findings.map((f) => f.rule)).not.toContain('platform-end-of-support')
    expect(shipped.json.lifecycle.snapshot).not.toBe('2026-01-01')
  })

  it('--lifecycle with a malformed table: exit 2, and what is wrong with it', async () => {
    const run = await audit([`${FIXTURES}/lifecycle/inventory`, '--lifecycle', `${FIXTURES}/lifecycle/tables/malformed.json`])
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(`${FIXTURES}/lifecycle/tables/malformed.json: not a valid lifecycle table`)
    expect(run.stderr).toContain('"snapshot" must be the date the facts were taken, YYYY-MM-DD, found "22/08/2026"')
    expect(run.stderr).toMatch(/security end must be a real YYYY-MM-DD date.*found "soon"/)
  })
})

/** Each mistake in test/fixtures/config/errors: where cloudready says it is, and the words it must use. */
const MISTAKES: Array<[file: string, at: string, words: string[]]> = [
  ['typo-key.yaml', '1:1', ["invalid config: unknown field 'deadine'", "did you mean 'deadline'?"]],
  ['unknown-rule.yaml', '3:3', ["unknown rule 'platform-end-of-suport'", "did you mean 'platform-end-of-support'?", "see 'cloudready rules'"]],
  ['clash.yaml', '2:9', ["custom rule id 'platform-end-of-support' is already used by a built-in rule"]],
  ['bad-when.yaml', '6:11', ["custom rule 'broken-schema'", 'its when schema is not a valid JSON Schema', 'data/type must be equal to one of the allowed values']],
  ['bad-severity.yaml', '3:22', ["'rules.data-dpia-missing' must be one of off, critical, high, medium, low, info", "got 'severe'"]],
  ['invalid-yaml.yaml', '2:8', ["this list starts with '[' and is not closed"]],
  ['js-function.yaml', '6:14', ['unsupported YAML tag !!js/function', 'a config holds plain values only']],
  ['remote-ref.yaml', '7:11', ["can't resolve reference https://schemas.example.invalid/cloudready/remote.json", 'nothing is read from other files or the network']],
  ['unknown-option.yaml', '2:37', ["rule 'cost-retire-candidate' has no option 'maxUser'", "did you mean 'maxUsers'?", 'its options are maxUsers, minAnnualRunGbp']],
  ['option-type.yaml', '2:47', ["rule 'cost-retire-candidate': option 'maxUsers' must be a number", 'got "fifty"']],
]

describe('a config with a mistake: exit 2, file:line:col and a clear message', () => {
  it.each(MISTAKES)('%s', async (file, where, words) => {
    const config = `${FIXTURES}/errors/${file}`
    const run = await audit([ESTATE, '--config', config], {timeout: 20_000})
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const lines = userLines(run.stderr)
    expect(lines, run.stderr).toHaveLength(1)
    expect(lines[0].startsWith(`cloudready: ${config}:${where}: `), lines[0]).toBe(true)
    for (const word of words) expect(lines[0]).toContain(word)
  })

  it('found upward, a broken config stops the run too (also for validate-only formats such as sarif)', async () => {
    const dir = path.join(tmp, 'broken')
    mkdirSync(path.join(dir, 'inventory'), {recursive: true})
    copyFileSync(path.join(ROOT, ESTATE, 'cfg.yaml'), path.join(dir, 'inventory', 'cfg.yaml'))
    copyFileSync(path.join(ROOT, FIXTURES, 'errors', 'typo-key.yaml'), path.join(dir, '.cloudready.yaml'))
    const run = await audit(['inventory', '--format', 'sarif'], {cwd: dir})
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(".cloudready.yaml:1:1: invalid config: unknown field 'deadine'")
  })

  it('nothing in a config is executed: the !!js/function left no trace', async () => {
    await audit([ESTATE, '--config', `${FIXTURES}/errors/js-function.yaml`])
    expect(existsSync('/tmp/cloudready-pwned')).toBe(false)
  })

  describe('a schema that names another document on the network is refused, never fetched', () => {
    let server: Server
    let port = 0
    let connections = 0
    beforeAll(async () => {
      server = createServer((socket) => {
        connections++
        socket.destroy()
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      port = (server.address() as {port: number}).port
    })
    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    })

    it.each([
      ['$ref', (url: string) => `{$ref: "${url}/schema.json"}`],
      ['$schema', (url: string) => `{$schema: "${url}/meta.json", required: [id]}`],
      ['$id and a relative $ref', (url: string) => `{$id: "${url}/base.json", $ref: "other.json"}`],
    ])('%s', async (_what, schema) => {
      const config = path.join(tmp, `remote-${_what.replace(/\W+/g, '-')}.yaml`)
      writeFileSync(config, `customRules:\n  - id: remote\n    category: platform\n    severity: high\n    message: Never reached\n    when: ${schema(`http://127.0.0.1:${port}`)}\n`)
      // A hang guard, not a benchmark: a fetch that waited would hit this.
      const run = await audit([ESTATE, '--config', config], {timeout: 20_000})
      expect(run.code).toBe(2)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain("custom rule 'remote': its when schema is not a valid JSON Schema")
      expect(run.stderr).toContain('nothing is read from other files or the network')
      // Connections made while the child ran wait in the listen queue: give them a turn to arrive.
      await new Promise((resolve) => setTimeout(resolve, 100))
      expect(connections).toBe(0)
    })
  })
})

describe('inputs of a config are inputs', () => {
  it('-o never writes over the config or the lifecycle table it names', async () => {
    const dir = path.join(tmp, 'outputs')
    mkdirSync(dir)
    const config = path.join(dir, 'config.yaml')
    const table = path.join(dir, 'table.json')
    copyFileSync(path.join(ROOT, FIXTURES, 'lifecycle', 'tables', 'rhel-9-ended.json'), table)
    writeFileSync(config, 'lifecycle: table.json\n')
    const before = [readFileSync(config, 'utf8'), readFileSync(table, 'utf8')]
    for (const target of [config, table]) {
      const run = await audit([ESTATE, '--config', config, '--format', 'json', '-o', target])
      expect(run.code).toBe(2)
      expect(run.stderr).toContain('refusing to write the output over an input file')
    }
    expect([readFileSync(config, 'utf8'), readFileSync(table, 'utf8')]).toEqual(before)
  })
})

describe('custom rules with an unbounded cost (a pull request can change the config)', () => {
  const rule = (when: string) => `customRules:\n  - id: slow\n    category: platform\n    severity: low\n    message: slow\n    when: ${when}\n`
  it.each([
    ['a nested quantifier', '{properties: {name: {pattern: "^(a+)+$"}}}', /custom rule 'slow': the pattern "\^\(a\+\)\+\$" could take exponential time on a short value/],
    ['a repeated alternation', '{properties: {name: {pattern: "^(a|a)*$"}}}', /the pattern "\^\(a\|a\)\*\$" could take exponential time/],
    ['a back-reference', '{properties: {name: {pattern: "(\\\\w+)\\\\1"}}}', /a back-reference/],
    ['uniqueItems', '{properties: {dependencies: {uniqueItems: true}}}', /uniqueItems compares every pair of a list/],
  ])('%s: refused before it runs, exit 2, with the place in the config', async (_what, when, message) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-slow-'))
    try {
      writeFileSync(path.join(dir, '.cloudready.yaml'), rule(when))
      const r = await audit(['examples', '--config', path.join(dir, '.cloudready.yaml')])
      expect(r.code).toBe(2)
      expect(userLines(r.stderr)[0]).toMatch(/\.cloudready\.yaml:6:\d+: /)
      expect(r.stderr).toMatch(message)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })

  it('a pattern that repeats nothing nested runs as written', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-fast-'))
    try {
      writeFileSync(path.join(dir, '.cloudready.yaml'), rule('{properties: {name: {pattern: "^(Tax|Benefit) [A-Z]"}}}'))
      const r = await audit(['examples', '--config', path.join(dir, '.cloudready.yaml')])
      expect([0, 1]).toContain(r.code)
    } finally {
      rmSync(dir, {recursive: true, force: true})
    }
  })
})
