/**
 * `cloudready export`: the work items parse back with the trackers' own readers' rules (csv-parse
 * for Jira's and GitLab's CSV, JSON line by line for GitHub), one per system with a path to ready
 * (or per finding), with stable ids, and no cell a spreadsheet would run as a formula.
 */
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {parse as parseCsv} from 'csv-parse/sync'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {cliRun, ROOT, STACK_TRACE} from '../helpers/cli.js'

const work = mkdtempSync(path.join(tmpdir(), 'cloudready-export-'))
afterAll(() => rmSync(work, {recursive: true, force: true}))
const AS_OF = ['--as-of', '2026-11-27', '--no-config']

interface AuditJson {
  systems: Array<{ref: string; migrationStatus: string; pathToReady: Array<{rule: string; severity: string}>}>
}

async function run(args: string[], cwd = ROOT): Promise<string> {
  const r = await cliRun(args, {cwd})
  expect(r.stderr).not.toMatch(STACK_TRACE)
  expect(r.code, r.stderr).toBe(0)
  return r.stdout
}

describe('export the examples', () => {
  let audit: AuditJson
  let withPath: AuditJson['systems']
  beforeAll(async () => {
    audit = JSON.parse(await run(['audit', 'examples', ...AS_OF, '--format', 'json', '--fail-on', 'none'])) as AuditJson
    withPath = audit.systems.filter((s) => s.pathToReady.length > 0)
  })

  it('jira-csv: Jira\'s columns, one row per system with a path to ready, labels in repeated columns, priority from the worst step', async () => {
    const text = await run(['export', 'examples', ...AS_OF, '--to', 'jira-csv'])
    const rows = parseCsv(text, {relax_column_count: false}) as string[][]
    const header = rows[0]
    expect(header.slice(0, 3)).toEqual(['Summary', 'Issue Type', 'Priority'])
    expect(header.filter((h) => h === 'Labels').length).toBeGreaterThan(1)
    expect(header.slice(-3)).toEqual(['Due Date', 'Description', 'External ID'])
    const body = rows.slice(1)
    expect(body.map((r) => r.at(-1))).toEqual(withPath.map((s) => `cloudready:${s.ref}`))
    const worst = (s: AuditJson['systems'][number]) => ['critical', 'high', 'medium', 'low', 'info'].find((sev) => s.pathToReady.some((p) => p.severity === sev))!
    const priority: Record<string, string> = {critical: 'Highest', high: 'High', medium: 'Medium', low: 'Low', info: 'Lowest'}
    expect(body.map((r) => r[2])).toEqual(withPath.map((s) => priority[worst(s)]))
    const cis = body.find((r) => r.at(-1) === 'cloudready:dwp/cis')!
    const labels = header.flatMap((h, i) => (h === 'Labels' && cis[i] ? [cis[i]] : []))
    expect(labels).toEqual(expect.arrayContaining(['cloudready', 'department:dwp', 'category:platform']))
    // The description: each step with its file:line, remedy and source.
    expect(cis.at(-2)).toMatch(/`examples\/dwp\.yaml:\d+`/)
    expect(cis.at(-2)).toContain('Remedy: ')
    expect(cis.at(-2)).toContain('Source: ')
    expect(cis[header.indexOf('Due Date')]).toMatch(/^\d{4}-\d{2}-01$/)
  })

  it('github: a JSON object per line with title, body and labels, its id in the body; the same ids on a second run', async () => {
    const text = await run(['export', 'examples', ...AS_OF, '--to', 'github'])
    const items = text.trimEnd().split('\n').map((l) => JSON.parse(l) as {title: string; body: string; labels: string[]; externalId: string})
    expect(items.map((i) => i.externalId)).toEqual(withPath.map((s) => `cloudready:${s.ref}`))
    for (const i of items) expect(i.body).toContain(`<!-- ${i.externalId} -->`)
    expect(await run(['export', 'examples', ...AS_OF, '--to', 'github'])).toBe(text)
  })

  it('gitlab: title, description and due_date, labels as a /label quick action; --per finding gives one item per step', async () => {
    const rows = parseCsv(await run(['export', 'examples', ...AS_OF, '--to', 'gitlab', '--per', 'finding'])) as string[][]
    expect(rows[0]).toEqual(['title', 'description', 'due_date'])
    expect(rows.length - 1).toBe(withPath.reduce((n, s) => n + s.pathToReady.length, 0))
    expect(rows[1][1]).toMatch(/\n\/label ~"cloudready" ~"department:/)
    const ids = rows.slice(1).map((r) => /External id: `([^`]+)`/.exec(r[1])![1])
    expect(new Set(ids).size).toBe(ids.length)
  })
})

describe('export an imported estate: the round trip', () => {
  it('every imported system with a path to ready is an item, and a name a spreadsheet would run is never at the start of a cell', async () => {
    const inv = path.join(work, 'dvla.yaml')
    const imported = await cliRun(['import', path.join(ROOT, 'test/fixtures/import/servicenow-business-apps.csv'), '--department', 'dvla', '-o', inv])
    expect(imported.code, imported.stderr).toBe(0)
    // A system named like a spreadsheet formula, added by hand.
    writeFileSync(inv, readFileSync(inv, 'utf8') + '  - {id: evil, name: "=cmd|\' /C calc\'!A0", criticality: low, hosting: on-premises}\n  - {id: loud, name: "Ping @admins\\n/close", criticality: low, hosting: on-premises}\n')
    const audit = JSON.parse(await run(['audit', inv, ...AS_OF, '--format', 'json', '--fail-on', 'none'])) as AuditJson
    const expected = audit.systems.filter((s) => s.pathToReady.length > 0).map((s) => `cloudready:${s.ref}`)
    // Every system still to do something about is there: only the retired one has an empty path.
    expect(audit.systems.filter((s) => s.pathToReady.length === 0).map((s) => [s.ref, s.migrationStatus])).toEqual([['dvla/apm0001005', 'retired']])
    for (const [to, ids] of [
      ['jira-csv', (t: string) => (parseCsv(t) as string[][]).slice(1).map((r) => r.at(-1)!)],
      ['github', (t: string) => t.trimEnd().split('\n').map((l) => (JSON.parse(l) as {externalId: string}).externalId)],
    ] as const) {
      const text = await run(['export', inv, ...AS_OF, '--to', to])
      expect(ids(text).sort()).toEqual([...expected].sort())
      if (to === 'jira-csv') for (const row of parseCsv(text) as string[][]) for (const c of row) expect(c).not.toMatch(/^[=+\-@]/)
    }
    // A name cannot mention anyone or start a line (a GitLab quick action) in a tracker.
    const gitlab = (parseCsv(await run(['export', inv, ...AS_OF, '--to', 'gitlab'])) as string[][]).find((r) => r[1].includes('dvla/loud'))!
    expect(gitlab[1]).not.toMatch(/^\/close/m)
    expect(gitlab[1]).not.toMatch(/@admins/)
    expect(gitlab[1]).toContain('Ping @\u200badmins /close')
  })
})
