/**
 * `cloudready trend` on real git repositories built in temporary folders, with set commit dates:
 * every measure checked against values worked out by hand for that history (the sums are in the
 * comments), the git edge cases (renames, deletions, a shallow clone, a dirty working copy, no
 * repository), and the formats.
 */
import {createHash} from 'node:crypto'
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import * as Ajv2020Module from 'ajv/dist/2020.js'
import * as addFormatsModule from 'ajv-formats'
import type * as AjvModule from 'ajv'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {cli, cliRun, ROOT, STACK_TRACE} from '../helpers/cli.js'
import {filesUnder} from '../helpers/files.js'
import {parseCsv} from '../helpers/formats.js'
import {git, inventory, makeHistory} from '../helpers/git-history.js'
import type {TrendReport} from '../../src/core/trend/report.js'

type AjvInstance = AjvModule.default
const Ajv2020 = ((Ajv2020Module as unknown as {default?: unknown}).default ?? Ajv2020Module) as unknown as new (options: object) => AjvInstance
const addFormats = ((addFormatsModule as unknown as {default?: unknown}).default ?? addFormatsModule) as unknown as (ajv: AjvInstance, formats: string[]) => void

type Trend = TrendReport

const dirs: string[] = []
afterAll(() => {
  for (const d of dirs) rmSync(d, {recursive: true, force: true})
})
const track = (d: string) => (dirs.push(d), d)

const s = (n: number, status = 'not-started', completed?: string): [string, string, string?] => [`s${n}`, status, completed]

/**
 * The history worked by hand (department a, in inv/a.yaml):
 * - 2024-01-10: s1–s6, none done.
 * - 2024-04-10: s1 migrated (completed 2024-04-01).
 * - 2024-07-10: s2 and s3 migrated (2024-07-01); s7 added.
 * - 2024-10-10: the file is broken YAML (a gap).
 * - 2025-01-10: s4 migrated (2025-01-02); s5 removed. Left: s6, s7.
 * Each point's systems are few, quick rehosts: the plan puts them all in wave 1, the quarter after
 * the point's date, so its completion is the end of that quarter.
 */
const HISTORY = [
  {date: '2024-01-10', files: {'inv/a.yaml': inventory('a', [s(1), s(2), s(3), s(4), s(5), s(6)])}},
  {date: '2024-04-10', files: {'inv/a.yaml': inventory('a', [s(1, 'migrated', '2024-04-01'), s(2), s(3), s(4), s(5), s(6)])}},
  {date: '2024-07-10', files: {'inv/a.yaml': inventory('a', [s(1, 'migrated', '2024-04-01'), s(2, 'migrated', '2024-07-01'), s(3, 'migrated', '2024-07-01'), s(4), s(5), s(6), s(7)])}},
  {date: '2024-10-10', files: {'inv/a.yaml': 'apiVersion: cloudready/v1\nkind: Inventory\nsystems: [\n'}},
  {date: '2025-01-10', files: {'inv/a.yaml': inventory('a', [s(1, 'migrated', '2024-04-01'), s(2, 'migrated', '2024-07-01'), s(3, 'migrated', '2024-07-01'), s(4, 'migrated', '2025-01-02'), s(6), s(7)])}},
]
const ARGS = ['trend', 'inv', '--as-of', '2025-01-10', '--deadline', '2024-06-30', '--no-config']

async function trendJson(dir: string, extra: string[] = []): Promise<Trend> {
  const run = await cliRun([...ARGS, '--format', 'json', ...extra], {cwd: dir})
  expect(run.stderr).not.toMatch(STACK_TRACE)
  expect(run.code, run.stderr).toBe(0)
  return JSON.parse(run.stdout) as Trend
}

describe('trend on a history worked by hand', () => {
  let dir: string
  let trend: Trend
  beforeAll(async () => {
    dir = track(makeHistory(HISTORY))
    trend = await trendJson(dir)
  })

  it('one point per commit, the broken one a gap with its reason and place', () => {
    expect(trend.points.map((p) => p.date)).toEqual(HISTORY.map((h) => h.date))
    expect(trend.points.map((p) => p.gap === null)).toEqual([true, true, true, false, true])
    expect(trend.points[3].gap).toMatch(/^does not validate: inv\/a\.yaml:\d+:\d+ /)
    expect(trend.points[3].systems).toBeNull()
    expect(trend.points.map((p) => p.commit)).toEqual(git(dir, ['log', '--reverse', '--format=%H']).trim().split('\n'))
  })

  it('counts at each point: systems, done, done by the deadline (2024-06-30), to move', () => {
    const judged = trend.points.filter((p) => p.gap === null)
    expect(judged.map((p) => [p.systems, p.done, p.doneByDeadline, p.toMove])).toEqual([
      [6, 0, 0, 6],
      [6, 1, 1, 5],
      [7, 3, 1, 4],
      [6, 4, 1, 2],
    ])
  })

  it('moves, scope added and removed, each against the previous point that is not a gap', () => {
    const judged = trend.points.filter((p) => p.gap === null)
    expect(judged.map((p) => [p.moved, p.added, p.removed])).toEqual([
      [[], [], []],
      [['a/s1'], [], []],
      [['a/s2', 'a/s3'], ['a/s7'], []],
      [['a/s4'], [], ['a/s5']],
    ])
    expect(trend.measures.scope).toEqual({added: 1, removed: 1})
  })

  it('throughput: 4 moves in the 365 days from 2024-01-11 to 2025-01-10 → 4 ÷ (365 ÷ 91.310625) = 1.00 a quarter', () => {
    expect(trend.measures.throughputWindow).toEqual({from: '2024-01-11', to: '2025-01-10', moved: 4})
    expect(trend.measures.throughputPerQuarter).toBe(1)
    expect(trend.measures.throughputByQuarter).toEqual([
      {quarter: '2024-Q1', moved: 0},
      {quarter: '2024-Q2', moved: 1},
      {quarter: '2024-Q3', moved: 2},
      {quarter: '2024-Q4', moved: 0},
      {quarter: '2025-Q1', moved: 1},
    ])
  })

  it('forecast from throughput: 2 left at 1 a quarter = 182.6 → 183 days after 2025-01-10 = 2025-07-12', () => {
    expect(trend.measures.forecastFromThroughput).toBe('2025-07-12')
    expect(trend.measures.forecastReason).toContain('2 left to move at 1 a quarter')
  })

  it('the plan at each point: completion at the end of the quarter after it, days past the deadline', () => {
    const judged = trend.points.filter((p) => p.gap === null)
    expect(judged.map((p) => p.completion)).toEqual(['2024-06-30', '2024-09-30', '2024-12-31', '2025-06-30'])
    // 2024-06-30 → 2025-06-30.
    expect(judged[3].daysPastDeadline).toBe(365)
  })

  it('slippage: 365 days of forecast in 366 days (12.02 months) = 30.4 a month, which never arrives; the last 12 months 273 days in 275 (9.04 months) = 30.2', async () => {
    expect(trend.measures.slippageDaysPerMonth).toBe(30.4)
    expect(trend.measures.slippage.overall).toMatchObject({days: 365, months: 12.02, daysPerMonth: 30.4})
    expect(trend.measures.slippage.recent).toMatchObject({from: '2024-04-10', days: 273, months: 9.04, daysPerMonth: 30.2})
    const table = await cliRun(ARGS, {cwd: dir})
    expect(table.stdout).toContain('Slippage: 30.4 days a month')
    expect(table.stdout).toContain('at this rate it never arrives')
  })

  it('each point equals plan run on that commit with its date as --as-of', async () => {
    const p = trend.points[1]
    const copy = track(mkdtempSync(path.join(tmpdir(), 'cloudready-trend-at-')))
    writeFileSync(path.join(copy, 'a.yaml'), git(dir, ['show', `${p.commit}:inv/a.yaml`]))
    const plan = JSON.parse((await cliRun(['plan', copy, '--as-of', p.date, '--deadline', '2024-06-30', '--no-config', '--format', 'json'])).stdout) as {completion: string; completionRange: {early: string; late: string}; daysPastDeadline: number}
    expect([p.completion, p.completionRange, p.daysPastDeadline]).toEqual([plan.completion, {early: plan.completionRange.early, late: plan.completionRange.late}, plan.daysPastDeadline])
  })

  it('--every month: the state at the end of each month, judged at that date; the last month ends at --as-of', async () => {
    const monthly = await trendJson(dir, ['--every', 'month'])
    expect(monthly.points.map((p) => p.date)).toEqual(['2024-01-31', '2024-02-29', '2024-03-31', '2024-04-30', '2024-05-31', '2024-06-30', '2024-07-31', '2024-08-31', '2024-09-30', '2024-10-31', '2024-11-30', '2024-12-31', '2025-01-10'])
    expect(monthly.points[3]).toMatchObject({commitDate: '2024-04-10', done: 1, moved: ['a/s1']})
    // A stalled month still moves the forecast: judged later, the same estate finishes later.
    expect(monthly.points[4]).toMatchObject({commitDate: '2024-04-10', completion: '2024-09-30', moved: []})
    expect(monthly.points.slice(9, 12).every((p) => p.gap !== null)).toBe(true)
  })

  it('--since and --until keep the points between them', async () => {
    const some = await trendJson(dir, ['--since', '2024-04-01', '--until', '2024-08-01'])
    expect(some.points.map((p) => p.date)).toEqual(['2024-04-10', '2024-07-10'])
  })
})

describe('trend: git done properly', () => {
  it('a dirty working copy is the last point, dated --as-of and marked as such', async () => {
    const dir = track(makeHistory(HISTORY.slice(0, 3)))
    writeFileSync(path.join(dir, 'inv/a.yaml'), inventory('a', [s(1, 'migrated', '2024-04-01'), s(2, 'migrated', '2024-07-01'), s(3, 'migrated', '2024-07-01'), s(4), s(5), s(6, 'migrated', '2025-01-02'), s(7)]))
    const trend = await trendJson(dir)
    const last = trend.points.at(-1)!
    expect(last).toMatchObject({date: '2025-01-10', commit: null, workingCopy: true, done: 4, moved: ['a/s6']})
    expect(trend.points).toHaveLength(4)
  })

  it('follows a file given by name through a rename; a folder sees files added and deleted', async () => {
    const dir = track(
      makeHistory([
        {date: '2024-01-10', files: {'old/a.yml': inventory('a', [s(1), s(2)]), 'inv/b.yaml': inventory('b', [s(1)])}},
        {date: '2024-02-10', files: {'old/a.yml': null, 'inv/a.yaml': inventory('a', [s(1, 'migrated', '2024-02-01'), s(2)])}},
        {date: '2024-03-10', files: {'inv/b.yaml': null}},
      ]),
    )
    const folder = await cliRun(['trend', 'inv', '--as-of', '2024-03-10', '--no-config', '--format', 'json'], {cwd: dir})
    const byName = JSON.parse(folder.stdout) as Trend
    // The folder inv/: b.yaml from the start, a.yaml from its move in, b.yaml gone at the end.
    expect(byName.points.map((p) => [p.date, p.systems])).toEqual([
      ['2024-01-10', 1],
      ['2024-02-10', 3],
      ['2024-03-10', 2],
    ])
    expect(byName.points[2].removed).toEqual(['b/s1'])
    const run = await cliRun(['trend', 'inv/a.yaml', '--as-of', '2024-03-10', '--no-config', '--format', 'json'], {cwd: dir})
    const file = JSON.parse(run.stdout) as Trend
    // git log --follow finds old/a.yml: the history starts before the rename.
    expect(file.points.map((p) => [p.date, p.systems, p.done])).toEqual([
      ['2024-01-10', 2, 0],
      ['2024-02-10', 2, 1],
    ])
  })

  it('a shallow clone, a folder outside any repository, standard input: exit 2 with what to do', () => {
    const dir = track(makeHistory(HISTORY.slice(0, 2)))
    const shallow = track(mkdtempSync(path.join(tmpdir(), 'cloudready-shallow-')))
    git(shallow, ['clone', '-q', '--depth', '1', `file://${dir}`, 'c'])
    const a = cli(['trend', 'inv', '--as-of', '2025-01-10'], {cwd: path.join(shallow, 'c')})
    expect(a.code).toBe(2)
    expect(a.stderr).toContain('shallow')
    expect(a.stderr).toContain('fetch-depth: 0')
    const plain = track(mkdtempSync(path.join(tmpdir(), 'cloudready-nogit-')))
    writeFileSync(path.join(plain, 'a.yaml'), inventory('a', [s(1)]))
    const b = cli(['trend', 'a.yaml'], {cwd: plain, env: {GIT_CEILING_DIRECTORIES: path.dirname(plain)}})
    expect(b.code).toBe(2)
    expect(b.stderr).toContain('is not in a git repository')
    const c = cli(['trend', '-'], {cwd: dir, input: inventory('a', [s(1)])})
    expect(c.code).toBe(2)
    expect(c.stderr).toContain('standard input')
    for (const r of [a, b, c]) expect(r.stderr).not.toMatch(STACK_TRACE)
  })

  it('writes nothing to the repository, not even git\'s index', async () => {
    const dir = track(makeHistory(HISTORY))
    // A changed file makes git status want to refresh the index: GIT_OPTIONAL_LOCKS=0 stops it.
    writeFileSync(path.join(dir, 'inv/a.yaml'), readFileSync(path.join(dir, 'inv/a.yaml'), 'utf8') + '# edited\n')
    const snapshot = () => filesUnder(dir).map((f) => `${f} ${createHash('sha256').update(readFileSync(f)).digest('hex')}`).join('\n')
    const before = snapshot()
    await trendJson(dir)
    expect(snapshot()).toBe(before)
  })
})

describe('trend formats', () => {
  let dir: string
  beforeAll(() => {
    dir = track(makeHistory(HISTORY))
  })

  it('json validates against schemas/trend.schema.json, whose keys are those printed, in order', async () => {
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas/trend.schema.json'), 'utf8')) as {properties: Record<string, {items?: {properties?: object}}>}
    const ajv = new Ajv2020({strict: true, allErrors: true, allowUnionTypes: true})
    addFormats(ajv, ['date'])
    const validate = ajv.compile(schema)
    const data = await trendJson(dir)
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true)
    expect(Object.keys(schema.properties)).toEqual(Object.keys(data))
    expect(Object.keys(schema.properties.points.items!.properties!)).toEqual(Object.keys(data.points[0]))
    expect(validate({...data, extra: 1})).toBe(false)
  })

  it('every format: the same measures, a row per point, byte-identical on a second run', async () => {
    const out = new Map<string, string>()
    for (const f of ['table', 'json', 'csv', 'markdown', 'html']) {
      const a = await cliRun([...ARGS, '--format', f, '-o', '-'], {cwd: dir})
      expect(a.code, a.stderr).toBe(0)
      const b = await cliRun([...ARGS, '--format', f, '-o', '-'], {cwd: dir})
      expect(b.stdout).toBe(a.stdout)
      out.set(f, a.stdout)
    }
    const rows = parseCsv(out.get('csv')!)
    expect(rows).toHaveLength(1 + HISTORY.length)
    expect(rows.slice(1).map((r) => r[0])).toEqual(HISTORY.map((h) => h.date))
    const line = 'Forecast from throughput: 2025-07-12'
    for (const f of ['table', 'markdown']) expect(out.get(f)).toContain(line)
    expect(out.get('html')).toContain(line)
    const html = out.get('html')!
    for (const id of ['trend-burn-up', 'trend-forecast', 'trend-throughput', 'trend-points']) expect(html).toContain(`id="${id}"`)
    expect(html).not.toMatch(/(src|href)="https?:/)
  })
})

describe('trend on a generated five-year history', () => {
  it('its last point equals audit and plan run on the working copy with the same --as-of', async () => {
    const dir = track(mkdtempSync(path.join(tmpdir(), 'cloudready-history-')))
    cli(['--version'])
    const gen = (await import('node:child_process')).spawnSync(process.execPath, [path.join(ROOT, 'scripts/generate-history.js'), '--out', dir, '--commits', '60', '--years', '5', '--end', '2026-11-27'], {encoding: 'utf8'})
    expect(gen.status, gen.stderr).toBe(0)
    const asOf = ['--as-of', '2026-11-27', '--no-config']
    const trend = JSON.parse((await cliRun(['trend', 'inventory', ...asOf, '--format', 'json'], {cwd: dir})).stdout) as Trend
    expect(trend.points).toHaveLength(60)
    const audit = JSON.parse((await cliRun(['audit', 'inventory', ...asOf, '--format', 'json'], {cwd: dir})).stdout) as {summary: {systems: number; done: number; toMove: number; doneByDeadline: {count: number}; runCost: {pastSecuritySupport: {systems: number; gbp: number}}}}
    const plan = JSON.parse((await cliRun(['plan', 'inventory', ...asOf, '--format', 'json'], {cwd: dir})).stdout) as {completion: string; completionRange: {early: string; late: string}; daysPastDeadline: number; systems: Array<{wave: number | null; readiness: string}>}
    const toMove = plan.systems.filter((s) => s.wave !== null)
    const last = trend.points.at(-1)!
    expect(last).toMatchObject({
      date: '2026-11-27',
      workingCopy: false,
      systems: audit.summary.systems,
      done: audit.summary.done,
      toMove: audit.summary.toMove,
      doneByDeadline: audit.summary.doneByDeadline.count,
      pastSecuritySupport: {systems: audit.summary.runCost.pastSecuritySupport.systems, annualRunGbp: audit.summary.runCost.pastSecuritySupport.gbp},
      completion: plan.completion,
      completionRange: {early: plan.completionRange.early, late: plan.completionRange.late},
      daysPastDeadline: plan.daysPastDeadline,
      readyToMove: toMove.filter((s) => s.readiness === 'ready').length,
      readyWithConditionsToMove: toMove.filter((s) => s.readiness === 'ready-with-conditions').length,
    })
    // The department breakdown, in the table as in the JSON.
    const table = (await cliRun(['trend', 'inventory', ...asOf], {cwd: dir})).stdout
    const depts = trend.points.at(-1)!.departments
    expect(depts.map((d) => d.id)).toEqual(['dwp', 'hmrc', 'home-office'])
    for (const d of depts) expect(table).toMatch(new RegExp(`^${d.id}\\s+${d.systems}\\s+${d.done}\\s+${d.toMove}\\s`, 'm'))
    // The history the generator wrote: systems moved, and some added.
    expect(trend.measures.throughputByQuarter.reduce((n, q) => n + q.moved, 0)).toBeGreaterThan(0)
    expect(trend.measures.scope.added).toBeGreaterThan(0)
  })
})

describe('trend elsewhere', () => {
  it('report --trend adds the trend sections to the report, with the same measures', async () => {
    const dir = track(makeHistory(HISTORY))
    const out = path.join(dir, 'report.html')
    const run = await cliRun(['report', 'inv', '--as-of', '2025-01-10', '--deadline', '2024-06-30', '--no-config', '--trend', '-o', out], {cwd: dir})
    expect(run.code, run.stderr).toBe(0)
    const html = readFileSync(out, 'utf8')
    for (const id of ['readiness', 'trend-measures', 'trend-burn-up', 'trend-forecast', 'trend-throughput']) expect(html).toContain(`id="${id}"`)
    expect(html).toContain('Forecast from throughput: 2025-07-12')
  })

  it('period ends: weeks end on Sunday, months and quarters on their last day', async () => {
    const {periodEnd} = await import('../../src/core/trend/index.js')
    expect(periodEnd('2024-01-10', 'week')).toBe('2024-01-14')
    expect(periodEnd('2024-01-14', 'week')).toBe('2024-01-14')
    expect(periodEnd('2024-02-10', 'month')).toBe('2024-02-29')
    expect(periodEnd('2024-11-10', 'quarter')).toBe('2024-12-31')
    expect(periodEnd('2024-04-01', 'quarter')).toBe('2024-06-30')
  })

  it('a repository with no commits: exit 2, said plainly; an inventory never committed: the working copy alone', () => {
    const empty = track(mkdtempSync(path.join(tmpdir(), 'cloudready-empty-')))
    git(empty, ['init', '-q', '-b', 'main'])
    writeFileSync(path.join(empty, 'a.yaml'), inventory('a', [s(1)]))
    const a = cli(['trend', 'a.yaml'], {cwd: empty})
    expect([a.code, a.stderr]).toEqual([2, expect.stringContaining('no commits yet')])
    const other = track(makeHistory([{date: '2024-01-10', files: {'README.md': 'hello\n'}}]))
    writeFileSync(path.join(other, 'a.yaml'), inventory('a', [s(1)]))
    // Never committed, but there: the working copy is the one point, and one point is not a history.
    const b = cli(['trend', 'a.yaml', '--as-of', '2024-02-01', '--format', 'json'], {cwd: other})
    expect(b.code, b.stderr).toBe(0)
    const t = JSON.parse(b.stdout) as Trend
    expect(t.points.map((p) => [p.date, p.workingCopy, p.systems])).toEqual([['2024-02-01', true, 1]])
    expect(t.measures.throughputPerQuarter).toBeNull()
    expect(t.measures.forecastReason).toContain('one point is not a history')
    expect(b.stderr).not.toMatch(STACK_TRACE)
  })
})
