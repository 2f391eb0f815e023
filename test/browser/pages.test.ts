/**
 * Every HTML page the tool writes, in Chromium at the two widths people read them at: the report,
 * the plan page and the three compare pages. No table may be wider than the box it sits in (a
 * column hidden behind a scroll is a number nobody reads), and the page itself never scrolls
 * sideways. Screenshots go to test/output/ for a person to look at.
 *
 * Needs /usr/bin/chromium (Debian: `apt-get install -y chromium`); skipped with a message without it.
 */
import {existsSync, mkdirSync, mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {cli, ROOT} from '../helpers/cli.js'

const CHROMIUM = '/usr/bin/chromium'
const HAS_CHROMIUM = existsSync(CHROMIUM)
const OUTPUT = path.join(ROOT, 'test', 'output')
const AS_OF = '2026-11-27'
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

  const cases = ['report', 'plan', 'compare-side-by-side', 'compare-departments', 'compare-scenarios'].flatMap((name) => VIEWPORTS.map((v) => [name, v.width, v.height] as const))

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
