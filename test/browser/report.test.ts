/**
 * The HTML report in a real browser: Debian's Chromium, driven by playwright-core, opens the page
 * from disk as a person would. Every chart is there with its table, nothing is logged as an error,
 * nothing is fetched, and hostile inventory text is shown as text and runs nothing.
 *
 * Needs /usr/bin/chromium (Debian: `apt-get install -y chromium`); skipped with a message without it.
 * `UPDATE_DOCS_SCREENSHOT=1 npx vitest run test/browser` also rewrites docs/report.png.
 */
import {createHash} from 'node:crypto'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {SYSTEMS_SCRIPT} from '../../src/formatters/html/systems.js'
import {cli, ROOT} from '../helpers/cli.js'
import {decodePng, encodeIndexedPng} from './png.js'

const CHROMIUM = '/usr/bin/chromium'
const HAS_CHROMIUM = existsSync(CHROMIUM)
const OUTPUT = path.join(ROOT, 'test', 'output')
const AS_OF = '2026-11-27'

if (!HAS_CHROMIUM) {
  process.stderr.write(`test/browser: skipped: ${CHROMIUM} is missing. Install Debian's Chromium with: apt-get install -y chromium\n`)
}

/** Inventory text written to break out of HTML, attributes, SVG and script. */
const HOSTILE_YAML = `apiVersion: cloudready/v1
kind: Inventory
department: {id: evil, name: "Evil <b>Dept</b> \\" onmouseover=\\"window.__pwned=1"}
systems:
  - id: xss-img
    name: "<img src=x onerror=window.__pwned=1;alert(1)>"
    owner: "<script>window.__pwned=1</script>"
    criticality: high
    hosting: on-premises
    platform: {os: {name: "<svg onload=window.__pwned=1>", version: "1"}}
  - id: xss-script
    name: "</script><script>window.__pwned=1;alert(1)</script>"
    criticality: low
    hosting: on-premises
    dependencies: [xss-img]
  - id: xss-svg
    name: "</text></svg><svg onload=window.__pwned=1>&amp; 'q'"
    criticality: medium
    hosting: on-premises
    dependencies: [xss-script, xss-img]
    costs: {annual_run_gbp: 1000}
`

interface Visit {
  page: Page
  consoleErrors: string[]
  requests: string[]
  dialogs: string[]
  pageErrors: string[]
}

describe.skipIf(!HAS_CHROMIUM)('the HTML report in Chromium', () => {
  let browser: Browser
  let dir: string
  let reportFile: string
  let hostileFile: string
  const visits: Visit[] = []

  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'cloudready-browser-'))
    reportFile = path.join(dir, 'report.html')
    const run = cli(['report', 'examples', '--as-of', AS_OF, '-o', reportFile])
    expect(run.code, run.stderr).toBe(0)
    mkdirSync(path.join(dir, 'evil'))
    writeFileSync(path.join(dir, 'evil', 'evil.yaml'), HOSTILE_YAML)
    hostileFile = path.join(dir, 'hostile.html')
    const hostile = cli(['report', path.join(dir, 'evil'), '--as-of', AS_OF, '-o', hostileFile])
    expect(hostile.code, hostile.stderr).toBe(0)
    const {chromium} = await import('playwright-core')
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      // playwright gives the browser a fresh temporary profile of its own (no --user-data-dir).
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })
  })

  afterAll(async () => {
    await browser?.close()
    if (dir) rmSync(dir, {recursive: true, force: true})
  })

  async function visit(file: string, width = 1280): Promise<Visit> {
    const page = await browser.newPage({viewport: {width, height: 900}})
    const v: Visit = {page, consoleErrors: [], requests: [], dialogs: [], pageErrors: []}
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') v.consoleErrors.push(m.text())
    })
    page.on('pageerror', (e) => v.pageErrors.push(e.message))
    page.on('request', (r) => v.requests.push(r.url()))
    page.on('dialog', async (d) => {
      v.dialogs.push(d.message())
      await d.dismiss()
    })
    await page.goto(pathToFileURL(file).href, {waitUntil: 'load'})
    visits.push(v)
    return v
  }

  it('opens from disk and fetches nothing but itself, with no console error', async () => {
    const v = await visit(reportFile)
    // Let anything deferred (lazy images, fonts) try its luck.
    await v.page.waitForTimeout(300)
    expect(v.requests).toEqual([pathToFileURL(reportFile).href])
    expect(v.consoleErrors).toEqual([])
    expect(v.pageErrors).toEqual([])
    expect(await v.page.title()).toBe('Cloud migration report')
  })

  it('has every chart, each an accessible SVG with the table of its numbers in the same section', async () => {
    const v = visits[0] ?? (await visit(reportFile))
    const sections = await v.page.$$eval('section.panel', (all) =>
      all.map((s) => ({
        id: s.id,
        svgs: [...s.querySelectorAll('svg')].map((svg) => ({
          role: svg.getAttribute('role'),
          label: svg.getAttribute('aria-label'),
          title: svg.querySelector(':scope > title')?.textContent ?? null,
          width: svg.getBoundingClientRect().width,
          height: svg.getBoundingClientRect().height,
          shapes: svg.querySelectorAll('rect, path, line, circle').length,
        })),
        captions: [...s.querySelectorAll('table > caption')].map((c) => c.textContent),
        rows: s.querySelectorAll('table tbody tr').length,
      })),
    )
    const charts = sections.filter((s) => s.svgs.length > 0)
    expect(charts.map((s) => s.id)).toEqual(['readiness', 'findings', 'timeline', 'progress', 'dependencies'])
    for (const s of charts) {
      expect(s.captions.length, `a table beside the chart in #${s.id}`).toBeGreaterThan(0)
      expect(s.captions.every((c) => (c ?? '').trim().length > 0)).toBe(true)
      expect(s.rows, `#${s.id} has rows`).toBeGreaterThan(0)
      for (const svg of s.svgs) {
        expect(svg.role).toBe('img')
        expect(svg.label && svg.label.length > 10).toBe(true)
        expect(svg.title).toBe(svg.label)
        expect(svg.width, `#${s.id} is drawn`).toBeGreaterThan(300)
        expect(svg.height).toBeGreaterThan(100)
        expect(svg.shapes).toBeGreaterThan(5)
      }
    }
  })

  it('states the dates, the lifecycle data and its source, and the version', async () => {
    const v = visits[0] ?? (await visit(reportFile))
    const text = await v.page.innerText('body')
    expect(text).toMatch(new RegExp(`As of\\s+${AS_OF}`))
    expect(text).toMatch(/Deadline\s+2023-12-31/)
    expect(text).toMatch(/snapshot of \d{4}-\d{2}-\d{2}/)
    expect(text).toContain('endoflife.date')
    const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {version: string}
    expect(text).toContain(`cloudready ${version}`)
    // The deadline and today are marked on the timeline.
    const marks = await v.page.$$eval('#timeline svg text', (all) => all.map((t) => t.textContent))
    // The deadline, years before the first wave, is named at the axis' left edge.
    expect(marks.some((m) => (m ?? '').includes('Deadline 2023-12-31'))).toBe(true)
    expect(marks).toContain(`Today (as of ${AS_OF})`)
  })

  it('shows hostile inventory text as text and runs none of it', async () => {
    const v = await visit(hostileFile)
    await v.page.waitForTimeout(300)
    const cells = await v.page.$$eval('#systems tbody td.wide', (all) => all.map((td) => td.textContent))
    expect(cells).toContain('<img src=x onerror=window.__pwned=1;alert(1)>')
    expect(cells).toContain('</script><script>window.__pwned=1;alert(1)</script>')
    expect(cells).toContain("</text></svg><svg onload=window.__pwned=1>&amp; 'q'")
    const text = await v.page.innerText('body')
    expect(text).toContain('Evil <b>Dept</b> " onmouseover="window.__pwned=1')
    // Nothing ran, nothing was added to the document by the names.
    expect(await v.page.evaluate('typeof window.__pwned')).toBe('undefined')
    expect(v.dialogs).toEqual([])
    expect(v.pageErrors).toEqual([])
    expect(await v.page.$$eval('img, iframe, object, embed', (all) => all.length)).toBe(0)
    // One script, the tool's own (the systems filter), and the CSP allows that exact text and no other.
    const scripts = await v.page.$$eval('script', (all) => all.map((s) => s.textContent ?? ''))
    expect(scripts).toEqual([SYSTEMS_SCRIPT])
    const csp = await v.page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.getAttribute('content') ?? '')
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(SYSTEMS_SCRIPT).digest('base64')}'`)
    expect(await v.page.$$eval('b', (all) => all.length)).toBe(0)
    const handlers = await v.page.$$eval('*', (all) => all.flatMap((el) => [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${el.tagName} ${a.name}`)))
    expect(handlers).toEqual([])
    expect(v.requests).toEqual([pathToFileURL(hostileFile).href])
  })

  it('lays out at a phone width without a page-wide horizontal scroll, and prints', async () => {
    const v = await visit(reportFile, 390)
    const overflow = await v.page.$eval('html', (html) => html.scrollWidth - html.clientWidth)
    expect(overflow).toBeLessThanOrEqual(1)
    // On screen each system's details are folded away; on paper they are printed.
    expect(await v.page.isVisible('#systems table')).toBe(true)
    expect(await v.page.isVisible('#systems .sys-detail >> nth=0')).toBe(false)
    await v.page.emulateMedia({media: 'print'})
    expect(await v.page.isVisible('#systems .sys-detail >> nth=0')).toBe(true)
    const pdf = await v.page.pdf({format: 'A4'})
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
  })

  it('saves a full-page screenshot for a person to look at', async () => {
    const v = visits[0] ?? (await visit(reportFile))
    mkdirSync(OUTPUT, {recursive: true})
    const png = await v.page.screenshot({fullPage: true})
    writeFileSync(path.join(OUTPUT, 'report.png'), png)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    if (process.env.UPDATE_DOCS_SCREENSHOT) {
      // The first screen, as a reader meets it: the whole page is a long list of every system.
      const small = encodeIndexedPng(decodePng(await v.page.screenshot({fullPage: false})), 256)
      writeFileSync(path.join(ROOT, 'docs', 'report.png'), small)
      process.stderr.write(`docs/report.png: ${Math.round(small.length / 1024)} KiB\n`)
    }
  })
})
