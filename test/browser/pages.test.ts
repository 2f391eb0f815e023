/**
 * Every HTML page the tool writes, in Chromium at the two widths people read them at: the report,
 * the plan page and the three compare pages. No table may be wider than the box it sits in (a
 * column hidden behind a scroll is a number nobody reads), and the page itself never scrolls
 * sideways. Screenshots go to test/output/ for a person to look at.
 *
 * Needs /usr/bin/chromium (Debian: `apt-get install -y chromium`); skipped with a message without it.
 */
import {existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {spawnSync} from 'node:child_process'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {cli, ROOT} from '../helpers/cli.js'
import {decodePng, encodeIndexedPng} from './png.js'

const CHROMIUM = '/usr/bin/chromium'
const HAS_CHROMIUM = existsSync(CHROMIUM)
const OUTPUT = path.join(ROOT, 'test', 'output')
const AS_OF = '2026-11-27'
/** The pages the README shows (docs/NAME.png); docs/report.png is test/browser/report.test.ts's. */
const DOCS_PICTURES = ['brief', 'plan', 'compare-departments', 'compare-scenarios', 'trend']
const VIEWPORTS = [
  {width: 1280, height: 800},
  {width: 1920, height: 1080},
]

interface Overflow {
  panel: string
  caption: string
  table: number
  box: number
}

describe.skipIf(!HAS_CHROMIUM)('every HTML page in Chromium, at 1280 and 1920 px', () => {
  let browser: Browser
  let dir: string
  const pages: Record<string, string> = {}

  function write(name: string, args: string[]): void {
    const file = path.join(dir, `${name}.html`)
    const r = cli([...args, '--as-of', AS_OF, '-o', file])
    expect(r.code, r.stderr).toBe(0)
    pages[name] = file
  }

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cloudready-pages-'))
    const plans = ['dwp', 'hmrc'].map((d) => {
      const f = path.join(dir, `${d}.plan.json`)
      expect(cli(['plan', path.join('examples', `${d}.yaml`), '--as-of', AS_OF, '--format', 'json', '-o', f]).code).toBe(0)
      return f
    })
    write('report', ['report', 'examples'])
    write('plan', ['plan', 'examples', '--format', 'html'])
    write('compare-side-by-side', ['compare', ...plans, '--format', 'html'])
    write('compare-departments', ['compare', 'examples', '--by-department', '--format', 'html'])
    write('compare-scenarios', ['compare', 'examples', '--scenario', 'small:--capacity=4', '--scenario', 'big:--capacity=12', '--format', 'html'])
    write('report-one-department', ['report', 'examples/dwp.yaml'])
    write('brief', ['report', 'examples', '--brief'])
    // Five years of the examples' history, 120 commits (scripts/generate-history.js), by month.
    const history = path.join(dir, 'history')
    expect(spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-history.js'), '--out', history, '--commits', '120', '--years', '5', '--end', AS_OF]).status).toBe(0)
    write('trend', ['trend', path.join(history, 'inventory'), '--every', 'month', '--format', 'html'])
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  const cases = ['report', 'brief', 'plan', 'compare-side-by-side', 'compare-departments', 'compare-scenarios', 'trend'].flatMap((name) => VIEWPORTS.map((v) => [name, v.width, v.height] as const))

  it.each(cases)('%s at %i×%i: no table wider than its box, no sideways scroll', async (name, width, height) => {
    const page = await browser.newPage({viewport: {width, height}})
    await page.goto(pathToFileURL(pages[name]).href, {waitUntil: 'load'})
    const overflows: Overflow[] = await page.$$eval('table', (tables) =>
      tables
        .map((t) => ({
          panel: t.closest('section')?.id ?? '',
          caption: t.querySelector('caption')?.textContent ?? '',
          table: Math.ceil(t.getBoundingClientRect().width),
          box: t.parentElement ? t.parentElement.clientWidth : 0,
        }))
        .filter((o) => o.table > o.box + 1),
    )
    expect(overflows).toEqual([])
    const tables = await page.$$eval('table', (all) => all.length)
    expect(tables).toBeGreaterThan(0)
    expect(await page.$eval('html', (html) => html.scrollWidth - html.clientWidth)).toBeLessThanOrEqual(1)
    mkdirSync(OUTPUT, {recursive: true})
    await page.screenshot({path: path.join(OUTPUT, `${name}-${width}.png`), fullPage: true})
    // `UPDATE_DOCS_SCREENSHOT=1 npx vitest run test/browser` rewrites the README's pictures: the first screen of each page.
    if (process.env.UPDATE_DOCS_SCREENSHOT && width === 1280 && DOCS_PICTURES.includes(name)) {
      // The trend page's picture is its two charts (the burn-up and the forecast against time), not its first screen of text.
      const charts = name === 'trend' ? await page.$$eval('#trend-burn-up figure, #trend-forecast figure', (els) => els.map((e) => e.getBoundingClientRect()).map((b) => ({x: b.x, y: b.y + (globalThis as unknown as {scrollY: number}).scrollY, width: b.width, height: b.height}))) : []
      const clip = charts.length === 2 ? {x: charts[0].x - 8, y: charts[0].y - 8, width: charts[0].width + 16, height: charts[1].y + charts[1].height - charts[0].y + 16} : undefined
      const small = encodeIndexedPng(decodePng(await page.screenshot({fullPage: name === 'brief' || clip !== undefined, clip})), 256)
      writeFileSync(path.join(ROOT, 'docs', `${name}.png`), small)
    }
    await page.close()
  })

  it('prints the brief on one A4 page, with the verdict, five figures, the league table, five risks with owners and the levers', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(pages.brief).href, {waitUntil: 'load'})
    expect(await page.$$eval('.kpi', (all) => all.length)).toBe(5)
    expect(await page.$$eval('table', (all) => all.map((t) => t.querySelector('caption')?.textContent ?? '')).then((c) => c.length)).toBe(2)
    const pdf = await page.pdf({format: 'A4', printBackground: true})
    await page.close()
    // Each page of a PDF is one "/Type /Page" object (the page tree is "/Type /Pages").
    const pagesInPdf = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []
    expect(pagesInPdf.length).toBe(1)
  })

  it('ranks departments in the report as compare --by-department does', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(pages.report).href, {waitUntil: 'load'})
    const report = await page.$$eval('#league tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')))
    await page.goto(pathToFileURL(pages['compare-departments']).href, {waitUntil: 'load'})
    const compare = await page.$$eval('#league tbody tr', (rows) => rows.map((r) => [...r.children].map((c) => c.textContent ?? '')))
    expect(report.length).toBe(3)
    expect(report).toEqual(compare)
    await page.goto(pathToFileURL(pages['report-one-department']).href, {waitUntil: 'load'})
    expect(await page.locator('#league').count()).toBe(0)
    await page.close()
  })

  it('starts the wave timeline at the first wave or today, not at a deadline years before, and still names the deadline', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(pages.report).href, {waitUntil: 'load'})
    const labels = await page.$$eval('#timeline svg text', (all) => all.map((t) => t.textContent ?? ''))
    const years = labels.filter((l) => /^\d{4}$/.test(l)).map(Number)
    expect(Math.min(...years)).toBe(Number(AS_OF.slice(0, 4)))
    expect(labels.some((l) => l.includes('Deadline 2023-12-31') && l.includes('before this axis'))).toBe(true)
    await page.close()
  })

  it('compares scenarios with the chart that differs first, and the charts alike in every column marked so', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(pages['compare-scenarios']).href, {waitUntil: 'load'})
    const panels = await page.$$eval('section.panel', (all) => all.map((s) => ({id: s.id, same: (s.textContent ?? '').includes('The same in every column.')})))
    const charts = panels.filter((p) => ['readiness', 'strategies', 'completion', 'findings'].includes(p.id))
    expect(charts[0]).toEqual({id: 'completion', same: false})
    expect(charts.slice(1).every((p) => p.same)).toBe(true)
    await page.close()
  })

  it('does not rank a department against itself, and a one-system tooltip is singular', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(pages['report-one-department']).href, {waitUntil: 'load'})
    const lead = await page.$eval('#readiness p.lead', (p) => p.textContent ?? '')
    expect(lead).not.toMatch(/largest share/)
    const titles = await page.$$eval('svg rect > title, svg title', (all) => all.map((t) => t.textContent ?? ''))
    expect(titles.filter((t) => /\b1 systems\b/.test(t))).toEqual([])
    expect(titles.some((t) => /\b1 system\b/.test(t))).toBe(true)
    await page.close()
  })
})

describe.skipIf(!HAS_CHROMIUM)('every system in the report, in Chromium', () => {
  let browser: Browser
  let dir: string
  let file: string

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cloudready-systems-'))
    file = path.join(dir, 'report.html')
    const r = cli(['report', 'examples', '--as-of', AS_OF, '-o', file])
    expect(r.code, r.stderr).toBe(0)
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  const audit = () => JSON.parse(cli(['audit', 'examples', '--as-of', AS_OF, '--format', 'json']).stdout) as {systems: Array<{ref: string; readiness: string; department: string; findings: Array<{rule: string; line: number; file: string}>}>}

  it('lists every system, and a row opens to its findings with their file and line', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    const a = audit()
    expect(await page.$$eval('#systems-table tbody.sys', (all) => all.length)).toBe(a.systems.length)
    const worst = [...a.systems].sort((x, y) => y.findings.length - x.findings.length)[0]
    const group = page.locator('#systems-table tbody.sys', {has: page.locator(`th:text-is("${worst.ref}")`)})
    const details = group.locator('details')
    expect(await details.evaluate((d) => (d as unknown as {open: boolean}).open)).toBe(false)
    await group.locator('summary').click()
    expect(await details.evaluate((d) => (d as unknown as {open: boolean}).open)).toBe(true)
    const items = await group.locator('ul.findings li').allInnerTexts()
    expect(items.length).toBe(worst.findings.length)
    for (const f of worst.findings) expect(items.some((t) => t.includes(f.rule) && t.includes(`${f.file}:${f.line}:`))).toBe(true)
    // Its one script ran (the filter box is there) under the page's CSP, with no violation logged.
    expect(await page.locator('input.filter').count()).toBe(1)
    expect(errors).toEqual([])
    await page.close()
  })

  it('follows a chart segment to the rows it counts, and sorts by a column', async () => {
    const page = await browser.newPage({viewport: VIEWPORTS[0]})
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    const a = audit()
    const link = page.locator('#readiness svg a[href="#systems:department=hmrc readiness=not-ready"]')
    expect(await link.count()).toBe(1)
    await link.click()
    const shown = await page.$$eval('#systems-table tbody.sys:not([hidden]) th', (all) => all.map((th) => th.textContent))
    expect(shown.sort()).toEqual(a.systems.filter((s) => s.department === 'hmrc' && s.readiness === 'not-ready').map((s) => s.ref).sort())
    await page.fill('input.filter', '')
    await page.dispatchEvent('input.filter', 'input')
    expect(await page.$$eval('#systems-table tbody.sys:not([hidden])', (all) => all.length)).toBe(a.systems.length)
    await page.click('#systems-table thead th:nth-child(8) button')
    await page.click('#systems-table thead th:nth-child(8) button')
    const counts = await page.$$eval('#systems-table tbody.sys > tr:first-child > td:nth-child(8)', (all) => all.map((td) => Number(td.textContent)))
    expect(counts).toEqual([...counts].sort((x, y) => y - x))
    await page.close()
  })

  it('reads whole without script: every system and its details are in the page', async () => {
    const context = await browser.newContext({javaScriptEnabled: false, viewport: VIEWPORTS[0]})
    const page = await context.newPage()
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    expect(await page.locator('input.filter').count()).toBe(0)
    expect(await page.$$eval('#systems-table tbody.sys details', (all) => all.length)).toBe(audit().systems.length)
    await context.close()
  })
})
