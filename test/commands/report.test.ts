/**
 * `cloudready report` and `plan --format html` end to end: one self-contained page that parses,
 * asks nothing of the network, runs no script but its own (by hash), escapes every inventory string, and is the same
 * bytes for the same input. (test/browser opens it in Chromium.)
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {XMLParser, XMLValidator} from 'fast-xml-parser'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {SYSTEMS_SCRIPT} from '../../src/formatters/html/systems.js'
import {cliRun, ROOT, type RunResult, STACK_TRACE} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
const CSP = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-${createHash('sha256').update(SYSTEMS_SCRIPT).digest('base64')}'`

const HOSTILE = `apiVersion: cloudready/v1
kind: Inventory
department: {id: evil, name: "Evil <b>Dept</b> & \\" onmouseover=\\"alert(1)"}
systems:
  - id: xss-img
    name: "<img src=x onerror=alert(1)>"
    criticality: high
    hosting: on-premises
    platform: {os: {name: "</text><script>alert(1)</script>", version: "1"}}
  - id: xss-script
    name: "</script><script>alert(1)</script>"
    criticality: low
    hosting: on-premises
    dependencies: [xss-img]
  - id: xss-attr
    name: "\\" onload=\\"alert(1)\\" x=\\"' javascript:alert(1) \\u202e evil"
    criticality: medium
    hosting: on-premises
    dependencies: [xss-script, xss-img]
`

async function run(args: string[]): Promise<RunResult> {
  const r = await cliRun(args)
  expect(r.stderr, 'no stack trace').not.toMatch(STACK_TRACE)
  return r
}

/** The page as XML (it is written as polyglot markup): a tree to search, after a strict well-formedness check. */
function parse(html: string): unknown {
  const body = html.replace(/^<!DOCTYPE html>\n/, '')
  const valid = XMLValidator.validate(body)
  expect(valid, JSON.stringify(valid)).toBe(true)
  return new XMLParser({ignoreAttributes: false, attributeNamePrefix: '@', preserveOrder: true, processEntities: true}).parse(body)
}

/** Every element with its attributes, depth first. */
function elements(tree: unknown): Array<{tag: string; attrs: Record<string, string>; children: unknown[]}> {
  const out: Array<{tag: string; attrs: Record<string, string>; children: unknown[]}> = []
  const walk = (nodes: unknown) => {
    if (!Array.isArray(nodes)) return
    for (const node of nodes as Array<Record<string, unknown>>) {
      for (const [key, value] of Object.entries(node)) {
        if (key === ':@' || key === '#text') continue
        const attrs = Object.fromEntries(Object.entries((node[':@'] as Record<string, string>) ?? {}).map(([k, v]) => [k.slice(1), String(v)]))
        out.push({tag: key, attrs, children: value as unknown[]})
        walk(value)
      }
    }
  }
  walk(tree)
  return out
}

let dir: string
let page: string

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'cloudready-report-'))
  const r = await run(['report', 'examples', '--as-of', AS_OF])
  expect(r.code, r.stderr).toBe(0)
  page = r.stdout
})

afterAll(async () => {
  if (dir) rmSync(dir, {recursive: true, force: true})
})

describe('cloudready report', () => {
  it('is one well-formed, self-contained HTML page', async () => {
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en-GB">')).toBe(true)
    const all = elements(parse(page))
    const tags = new Set(all.map((e) => e.tag))
    for (const banned of ['link', 'iframe', 'object', 'embed', 'img', 'base', 'form']) expect(tags.has(banned), `<${banned}>`).toBe(false)
    // One script, the tool's own systems filter, exactly; links only within the page.
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script>'])
    expect(page).toContain(`<script>${SYSTEMS_SCRIPT}</script>`)
    for (const a of all.filter((e) => e.tag === 'a')) expect(a.attrs.href).toMatch(/^#/)
    expect(page).not.toMatch(/<link\b/i)
    // No URL in any attribute (no xmlns either: inline SVG needs none); in text, only the lifecycle data's attribution.
    for (const e of all) for (const [name, value] of Object.entries(e.attrs)) expect(`${e.tag} ${name}=${value}`).not.toMatch(/https?:|\/\/|url\((?!#)/i)
    expect(page).not.toMatch(/<[^>]*https?:\/\//)
    const urls = page.match(/https?:\/\/[^\s<>"')]+/g) ?? []
    expect(new Set(urls)).toEqual(new Set(['https://endoflife.date']))
    expect(page).not.toMatch(/@import|@font-face|url\((?!#)/)
    const csp = all.find((e) => e.tag === 'meta' && e.attrs['http-equiv'] === 'Content-Security-Policy')
    expect(csp?.attrs.content.startsWith(CSP)).toBe(true)
    expect(page).toMatch(/@media print\{/)
  })

  it('draws each chart as an accessible SVG with a table of its numbers', async () => {
    const all = elements(parse(page))
    const svgs = all.filter((e) => e.tag === 'svg')
    expect(svgs.length).toBe(5)
    for (const svg of svgs) {
      expect(svg.attrs.role).toBe('img')
      expect(svg.attrs['aria-label'].length).toBeGreaterThan(10)
      expect(Object.keys((svg.children as Array<Record<string, unknown>>)[0])[0]).toBe('title')
    }
    const sections = page.split('<section').slice(1)
    const charts = sections.filter((s) => s.includes('<svg'))
    expect(charts.map((s) => /id="([^"]+)"/.exec(s)![1])).toEqual(['readiness', 'findings', 'timeline', 'progress', 'dependencies'])
    for (const s of charts) expect(s).toMatch(/<table><caption>[^<]+<\/caption>/)
  })

  it('states the as-of date, the deadline, the lifecycle snapshot and source, and the version', async () => {
    const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
    const plan = JSON.parse((await run(['plan', 'examples', '--as-of', AS_OF, '--format', 'json'])).stdout) as {lifecycle: {snapshot: string; source: string}; completion: string; daysPastDeadline: number}
    expect(page).toContain(`<dt>As of</dt><dd>${AS_OF}</dd>`)
    expect(page).toContain('<dt>Deadline</dt><dd>2023-12-31</dd>')
    expect(page).toContain(`snapshot of ${plan.lifecycle.snapshot}`)
    expect(page).toContain('endoflife.date')
    expect(page).toContain(`cloudready ${version}`)
    expect(page).toContain(`The plan completes on <strong>${plan.completion}</strong>`)
    expect(page).toContain(`${plan.daysPastDeadline.toLocaleString('en-GB')} days`)
    expect(page).toContain(`Deadline 2023-12-31</text>`)
    expect(page).toContain(`Today (as of ${AS_OF})</text>`)
  })

  it('gives the same bytes for the same input (no clock but --as-of)', async () => {
    expect((await run(['report', 'examples', '--as-of', AS_OF])).stdout).toBe(page)
  })

  it('writes to -o, and plan --format html gives the page from the plan alone', async () => {
    const out = path.join(dir, 'report.html')
    expect((await run(['report', 'examples', '--as-of', AS_OF, '-o', out])).code).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(page)
    const plan = await run(['plan', 'examples', '--as-of', AS_OF, '--format', 'html'])
    expect(plan.code).toBe(0)
    parse(plan.stdout)
    // Without the audit's findings the page shows them by department, by severity and by category.
    expect(plan.stdout).toContain('id="findings-category"')
    expect(elements(parse(plan.stdout)).filter((e) => e.tag === 'svg').length).toBe(6)
  })

  it('shows hostile inventory strings as text, in HTML and inside SVG', async () => {
    mkdirSync(path.join(dir, 'evil'), {recursive: true})
    writeFileSync(path.join(dir, 'evil', 'evil.yaml'), HOSTILE)
    for (const args of [['report'], ['plan', '--format', 'html']]) {
      const r = await run([...args, path.join(dir, 'evil'), '--as-of', AS_OF])
      expect(r.code, r.stderr).toBe(0)
      const html = r.stdout
      const all = elements(parse(html))
      expect(all.some((e) => ['img', 'b'].includes(e.tag))).toBe(false)
      // The only script is the tool's own: no inventory text became one.
      expect(html.match(/<script\b/g)).toEqual(['<script'])
      expect(html).toContain(`<script>${SYSTEMS_SCRIPT}</script>`)
      for (const e of all) for (const name of Object.keys(e.attrs)) expect(name.startsWith('on'), `${e.tag} ${name}`).toBe(false)
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
      expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;')
      expect(html).toContain('Evil &lt;b&gt;Dept&lt;/b&gt; &amp; &quot; onmouseover=&quot;alert(1)')
      // Inside the SVG too: the department's name labels a bar of the readiness chart.
      const svg = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'))
      expect(svg).toContain('<title>Evil &lt;b&gt;Dept&lt;/b&gt; &amp; &quot; onmouseover=&quot;alert(1)</title>')
      expect(svg).not.toMatch(/<b>|onmouseover="/)
      // The bidi override is made visible, not obeyed.
      expect(html).toContain('\\u202e evil')
      expect(html).not.toContain('\u202e')
    }
  })
})

describe('cloudready report rejects what it cannot draw', () => {
  it.each([
    ['--json', ['report', 'examples', '--json'], /report writes HTML/],
    ['an invalid inventory', ['report', 'test/fixtures/invalid/bad-enum.yaml'], /bad-enum\.yaml/],
    ['a bad --start', ['report', 'examples', '--start', '2027-13-01'], /--start: '2027-13-01' is not a date/],
    ['a bad --as-of', ['report', 'examples', '--as-of', 'today'], /'today' is not a date/],
    ['markdown without --brief', ['report', 'examples', '--format', 'markdown'], /markdown is for the brief: add --brief/],
  ])('%s: exit 2', async (_name, args, message) => {
    const r = await run(args as string[])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message as RegExp)
    expect(r.stdout).toBe('')
  })

  it('writes nothing when the inventory is invalid', async () => {
    const out = path.join(dir, 'never.html')
    expect((await run(['report', 'test/fixtures/invalid/bad-enum.yaml', '-o', out])).code).toBe(2)
    expect(existsSync(out)).toBe(false)
  })
})

describe('cloudready report --brief', () => {
  const html = async () => await run(['report', 'examples', '--brief', '--as-of', AS_OF])
  const md = async () => await run(['report', 'examples', '--brief', '--format', 'markdown', '--as-of', AS_OF])
  const text = (h: string) => h.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/\s+/g, ' ')

  it('says the same things in HTML and markdown: the verdict, five figures, the league, five risks with owners, the levers', async () => {
    const h = await html()
    const m = await md()
    expect([h.code, m.code]).toEqual([0, 0])
    const page = text(h.stdout)
    const lines = m.stdout.split('\n')
    const verdict = lines.find((l) => l.startsWith('**'))!.replace(/\*\*/g, '')
    expect(verdict).toMatch(/^3 departments will finish moving to the cloud on \d{4}-\d{2}-\d{2}.*days .* after the 2023-12-31 deadline, with \d+ of 83 systems still to move\.$/)
    expect(page).toContain(verdict)
    const figures = lines.filter((l) => l.startsWith('- **'))
    expect(figures).toHaveLength(5)
    for (const f of figures) {
      const [, value, label] = /^- \*\*(.+?)\*\* (.+)$/.exec(f)!
      expect(page).toContain(`${value} ${label}`)
    }
    // The league table's rows and the risks' rows, cell by cell.
    const rows = lines.filter((l) => /^\| (\d+=?|[^-|][^|]*\([a-z-]+\/[a-z0-9-]+\)) \|/.test(l))
    expect(rows.length).toBe(3 + 5)
    for (const r of rows) for (const cell of r.split(' | ').map((c) => c.replace(/^\| |\s*\|$/g, '').replace(/\\\|/g, '|'))) expect(page).toContain(cell)
    // Five risks, each with an owner from the inventory (or said to have none).
    const owners = rows.slice(3).map((r) => r.split(' | ').at(-1)!.replace(/ \|$/, ''))
    expect(owners.every((o) => o.length > 0)).toBe(true)
    const levers = lines.filter((l) => /^- (The largest change|With|No planning lever)/.test(l))
    expect(levers.length).toBeGreaterThan(0)
    for (const l of levers) expect(page).toContain(l.slice(2))
  })

  it('names the lever that moves the date most, from a real re-plan with that flag', async () => {
    const m = (await md()).stdout
    const best = /The largest change: with twice the capacity \((\d+) systems a wave instead of 10\), the plan finishes on (\d{4}-\d{2}-\d{2})/.exec(m)
    expect(best).not.toBeNull()
    const plan = JSON.parse((await run(['plan', 'examples', '--as-of', AS_OF, '--format', 'json', '--capacity', best![1]])).stdout) as {completion: string}
    expect(plan.completion).toBe(best![2])
  })

  it('ranks departments from a baseline with the change since it', async () => {
    const base = path.join(dir, 'base.audit.json')
    const hmrc = readFileSync(path.join(ROOT, 'examples', 'hmrc.yaml'), 'utf8')
    mkdirSync(path.join(dir, 'then'), {recursive: true})
    for (const d of ['dwp', 'home-office']) writeFileSync(path.join(dir, 'then', `${d}.yaml`), readFileSync(path.join(ROOT, 'examples', `${d}.yaml`), 'utf8'))
    // Then, HMRC had one system fewer.
    const lines = hmrc.split('\n')
    const starts = lines.map((l, i) => (/^ {2}- id: /.test(l) ? i : -1)).filter((i) => i >= 0)
    writeFileSync(path.join(dir, 'then', 'hmrc.yaml'), [...lines.slice(0, starts.at(-1)), ''].join('\n'))
    const audited = await cliRun(['audit', path.join(dir, 'then'), '--as-of', AS_OF, '--format', 'json', '-o', base])
    expect(audited.code, audited.stderr).toBeLessThan(2)
    const r = await run(['report', 'examples', '--as-of', AS_OF, '--baseline', base])
    expect(r.code, r.stderr).toBe(0)
    const league = text(/<section class="panel" id="league"[\s\S]*?<\/section>/.exec(r.stdout)![0])
    expect(league).toContain('since the baseline')
    // HMRC gained a system since; the other two departments are as they were.
    expect(league).toMatch(/\(hmrc\) .*?\+1 systems, [+−]?\d+ done, [+−]?\d+ ready/)
    expect(league.match(/ 0 systems, 0 done, 0 ready/g)).toHaveLength(2)
    expect(league).toContain(`compares with ${base}`)
  })
})

describe('money: the same named figures in the audit text, JSON, markdown and the report', () => {
  it('run cost on platforms past security support and the rest, with the systems with no cost recorded', async () => {
    const json = JSON.parse((await cliRun(['audit', 'examples', '--as-of', AS_OF, '--format', 'json'])).stdout) as {summary: {runCost: Record<string, {gbp: number; systems: number; noCostRecorded: number}>}}
    const text = (await cliRun(['audit', 'examples', '--as-of', AS_OF, '--no-color', '--format', 'stylish'])).stdout
    const md = (await cliRun(['audit', 'examples', '--as-of', AS_OF, '--format', 'markdown'])).stdout
    const html = (await cliRun(['report', 'examples', '--as-of', AS_OF])).stdout
    const money = /<section class="panel" id="money"[\s\S]*?<\/section>/.exec(html)![0]
    const gbp = (n: number) => (n >= 1_000_000 ? `£${(n / 1_000_000).toFixed(1).replace(/\.0$/, '')}m` : n >= 10_000 ? `£${Math.round(n / 1000)}k` : `£${n}`)
    for (const [key, part] of Object.entries(json.summary.runCost)) {
      // The text and markdown say "£X a year … (N systems; M with no cost recorded)"; the page has a row of the three numbers.
      const words = `${gbp(part.gbp)} a year`
      expect(text, key).toContain(words)
      expect(md, key).toContain(words)
      expect(text, key).toContain(`${part.systems} system${part.systems === 1 ? '' : 's'}${part.noCostRecorded ? `; ${part.noCostRecorded} with no cost recorded` : ''}`)
      expect(money, key).toMatch(new RegExp(`<td class="num">${gbp(part.gbp).replace('.', '\\.')}</td><td class="num">${part.systems}</td><td class="num">${part.noCostRecorded}</td>`))
    }
  })
})
