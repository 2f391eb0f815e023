/**
 * The building blocks of the HTML formats around the charts: the page shell (a strict Content
 * Security Policy, one inline stylesheet, print rules), sections pairing a chart with the table of
 * its numbers, legends, headline figures and the footer with the data's provenance.
 * Self-contained: no external font, stylesheet, image or link; at most one inline script of the
 * tool's own, allowed by its hash and by nothing else.
 */
import {createHash} from 'node:crypto'

import {READINESS, SEVERITY, STRATEGY} from './palette.js'
import {cell, escapeHtml, type Html, raw} from './escape.js'

/** No script at all; styles only inline; images only as data: (there are none). */
export const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'none'; base-uri 'none'; form-action 'none'"

/** The policy of a page with one script of the tool's own: that exact text, by its SHA-256, and nothing else. */
export function cspFor(script?: string): string {
  if (!script) return CSP
  const hash = createHash('sha256').update(script, 'utf8').digest('base64')
  return CSP.replace("script-src 'none'", `script-src 'sha256-${hash}'`)
}

const classes = (prefix: string, map: Record<string, {fill: string; text: string}>) =>
  Object.entries(map)
    .map(([k, v]) => `.${prefix}-${k}{background:${v.fill};color:${v.text}}`)
    .join('\n')

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:#f3f2f1;color:#0b0c0c;font:16px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
.page{max-width:1200px;margin:0 auto;padding:28px 40px 40px;background:#fff}
.masthead{border-bottom:6px solid #1d70b8;padding-bottom:14px;margin-bottom:20px}
.eyebrow{margin:0;color:#505a5f;font-size:15px;font-weight:600;letter-spacing:.02em;text-transform:uppercase}
h1{font-size:34px;line-height:1.15;margin:4px 0 6px}
.subtitle{margin:0;color:#505a5f;font-size:17px}
h2{font-size:24px;margin:0 0 6px;padding-bottom:6px;border-bottom:1px solid #b1b4b6}
h3{font-size:18px;margin:18px 0 6px}
.verdict{margin:18px 0;padding:14px 18px;border-left:8px solid #d4351c;background:#fbeae7;font-size:20px;line-height:1.35}
.verdict strong{font-weight:700}
.verdict.good{border-color:#00703c;background:#e7f3ec}
.verdict.neutral{border-color:#1d70b8;background:#e8f1f8}
.verdict .sub{display:block;margin-top:4px;font-size:15px;color:#0b0c0c}
.kpis{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:12px;margin:0 0 18px;padding:0;list-style:none}
.kpi{border-top:5px solid #1d70b8;background:#f8f8f8;padding:10px 14px 12px}
.kpi.bad{border-top-color:#d4351c}.kpi.good{border-top-color:#00703c}.kpi.warn{border-top-color:#f47738}
.kpi .value{display:block;font-size:28px;font-weight:700;line-height:1.2;font-variant-numeric:tabular-nums}
.kpi .label{display:block;color:#505a5f;font-size:14px}
.meta{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:3px 14px;margin:0;font-size:14px}
.meta dt{color:#505a5f}.meta dd{margin:0;overflow-wrap:anywhere}
.panel{margin-top:38px}
.lead{margin:6px 0 12px;color:#0b0c0c;max-width:75ch}
.pair{display:grid;grid-template-columns:minmax(0,1fr);gap:14px;align-items:start}
.pair.side{grid-template-columns:minmax(0,1.25fr) minmax(0,1fr)}
figure{margin:0}
figcaption{color:#505a5f;font-size:14px;margin-top:6px}
svg.chart{display:block;max-width:100%;height:auto;overflow:visible}
svg.chart.fill{width:100%}
svg.chart text{font-family:inherit}
.nopointer{pointer-events:none}
.halo{paint-order:stroke;stroke:#fff;stroke-width:4px;stroke-linejoin:round}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:4px 0 10px;padding:0;list-style:none;font-size:14px}
.legend li{display:flex;align-items:center}
.legend .sw{display:inline-block;width:14px;height:14px;margin-right:6px;border-radius:2px;border:1px solid rgba(0,0,0,.15)}
.legend .ln{display:inline-block;width:22px;height:0;margin-right:6px;border-top:3px solid #0b0c0c}
.legend .ln.dash{border-top-style:dashed}
.table-wrap{overflow-x:auto}
table{width:100%;border-collapse:collapse;font-size:14px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:700;font-size:15px;padding:2px 0 6px}
th,td{text-align:left;vertical-align:top;padding:4px 8px;border-bottom:1px solid #d8d8d8}
thead th{border-bottom:2px solid #0b0c0c;vertical-align:bottom}
tbody tr:nth-child(even){background:#f8f8f8}
tfoot td,tfoot th{font-weight:700;border-top:2px solid #0b0c0c}
.num{text-align:right}
td.nowrap,tbody th.nowrap{white-space:nowrap}
td.wide{min-width:15em}
.muted{color:#505a5f}
.late{color:#b0250f;font-weight:700}
.ok{color:#00703c;font-weight:700}
.chip{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;white-space:nowrap}
.note{font-size:14px;color:#505a5f}
details>summary{cursor:pointer;font-weight:700;font-size:18px;margin:8px 0;color:#1d70b8}
table.systems tbody.sys:nth-of-type(even)>tr:first-child{background:#f8f8f8}
table.systems tbody tr:nth-child(even){background:none}
table.systems tr.more>td{padding:0 8px 4px;border-bottom:1px solid #b1b4b6}
table.systems tr:first-child>*{border-bottom:none}
table.systems tr.more details>summary{font-size:13px;font-weight:400;margin:0}
.sys-detail{padding:4px 0 8px;font-size:14px}
.sys-detail h4{margin:8px 0 2px;font-size:14px}
.sys-detail ul{margin:2px 0;padding-left:20px}
.sys-detail p{margin:2px 0}
input.filter{width:100%;max-width:36em;font:inherit;padding:6px 8px;margin:6px 0;border:2px solid #0b0c0c}
button.sort{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer;color:#1d70b8;text-align:inherit}
th[aria-sort=ascending] button.sort::after{content:" ▲"}
th[aria-sort=descending] button.sort::after{content:" ▼"}
ul.notes{margin:8px 0;padding-left:20px;font-size:15px}
footer{margin-top:44px;padding-top:12px;border-top:1px solid #b1b4b6;font-size:13px;color:#505a5f}
footer p{margin:4px 0}
${classes('r', READINESS)}
${classes('s', SEVERITY)}
${classes('st', STRATEGY)}
@media (max-width:860px){.page{padding:16px}.kpis{grid-template-columns:repeat(2,minmax(0,1fr))}.pair.side{grid-template-columns:minmax(0,1fr)}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{background:#fff;font-size:10.5pt}
.page{max-width:none;padding:0}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}
.kpis{grid-template-columns:repeat(4,minmax(0,1fr));gap:8px}
.kpi{padding:6px 8px}
.kpi .value{font-size:15pt}
.kpi .label{font-size:9pt}
.pair.side{grid-template-columns:minmax(0,1fr)}
.panel{break-before:auto}
figure,.kpis,.verdict,h2,caption{break-inside:avoid}
h2{break-after:avoid}
tr{break-inside:avoid}
thead{display:table-header-group}
.table-wrap{overflow:visible}
svg.chart{max-height:240mm}
details>summary{display:none}
details::details-content{content-visibility:visible;display:block}
}
`

export interface PageOptions {
  title: string
  /** Above the title, e.g. "cloudready report". */
  eyebrow: string
  subtitle: string
  body: string[]
  footer: string[]
  /** One script of the tool's own (never inventory text), allowed by its hash. */
  script?: string
  /** Rules added after the shared stylesheet (the brief's one-page layout). */
  style?: string
}

/**
 * A whole HTML document: nothing in it asks the network for anything. Written as polyglot markup
 * (void elements closed, every attribute quoted), so an XML parser can check it too.
 */
export function page(o: PageOptions): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8" />
<meta http-equiv="Content-Security-Policy" content="${cspFor(o.script)}" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<meta name="referrer" content="no-referrer" />
<meta name="generator" content="cloudready" />
<title>${escapeHtml(o.title)}</title>
<style>${STYLE}${o.style ?? ''}</style>
</head>
<body>
<div class="page">
<header class="masthead">
<p class="eyebrow">${escapeHtml(o.eyebrow)}</p>
<h1>${escapeHtml(o.title)}</h1>
<p class="subtitle">${escapeHtml(o.subtitle)}</p>
</header>
<main>
${o.body.join('\n')}
</main>
<footer>
${o.footer.map((f) => `<p>${f}</p>`).join('\n')}
</footer>
</div>
${o.script ? `<script>${o.script}</script>\n` : ''}</body>
</html>
`
}

export type Cell = string | number | null | undefined | Html

export interface TableColumn {
  head: string
  num?: boolean
  /** Never wrapped (dates, refs, short codes). */
  nowrap?: boolean
  /** Given room first (names, lists). */
  wide?: boolean
}

/** A table of a chart's numbers (or any list), with its caption; text cells escaped. */
export function dataTable(caption: string, columns: TableColumn[], rows: Cell[][], foot?: Cell[]): string {
  const cls = (c: TableColumn | undefined) => {
    const names = [c?.num ? 'num' : '', c?.nowrap ? 'nowrap' : '', c?.wide ? 'wide' : ''].filter(Boolean).join(' ')
    return names ? ` class="${names}"` : ''
  }
  const th = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.head)}</th>`).join('')
  const td = (r: Cell[]) => r.map((v, i) => (i === 0 ? `<th scope="row"${cls(columns[0])}>${cell(v)}</th>` : `<td${cls(columns[i])}>${cell(v)}</td>`)).join('')
  const body = rows.map((r) => `<tr>${td(r)}</tr>`).join('\n')
  const tfoot = foot ? `<tfoot><tr>${td(foot)}</tr></tfoot>` : ''
  return `<div class="table-wrap"><table><caption>${escapeHtml(caption)}</caption><thead><tr>${th}</tr></thead><tbody>\n${body}\n</tbody>${tfoot}</table></div>`
}

export interface LegendItem {
  name: string
  fill?: string
  /** A line sample instead of a swatch (step charts and markers). */
  stroke?: string
  dash?: boolean
}

export function legend(items: LegendItem[]): string {
  const li = items.map((i) =>
    i.stroke
      ? `<li><span class="ln${i.dash ? ' dash' : ''}" style="border-top-color:${i.stroke}"></span>${escapeHtml(i.name)}</li>`
      : `<li><span class="sw" style="background:${i.fill}"></span>${escapeHtml(i.name)}</li>`,
  )
  return `<ul class="legend">${li.join('')}</ul>`
}

export interface PanelOptions {
  id: string
  title: string
  /** One or two sentences: what the chart says (HTML, built from escaped parts). */
  lead: Html | string
  chart: string
  legend?: string
  caption?: string
  table: string
  /** The table beside the chart (for a narrow chart) rather than under it. */
  side?: boolean
}

/** A section: heading, lead, the chart (legend, SVG, caption) and the table of its numbers. */
export function panel(o: PanelOptions): string {
  return `<section class="panel" id="${escapeHtml(o.id)}" aria-labelledby="${escapeHtml(o.id)}-h">
<h2 id="${escapeHtml(o.id)}-h">${escapeHtml(o.title)}</h2>
<p class="lead">${cell(o.lead)}</p>
<div class="pair${o.side ? ' side' : ''}">
<figure>${o.legend ?? ''}${o.chart}${o.caption ? `<figcaption>${escapeHtml(o.caption)}</figcaption>` : ''}</figure>
${o.table}
</div>
</section>`
}

export interface Kpi {
  value: string
  label: string
  tone?: 'bad' | 'good' | 'warn'
}

export function kpis(items: Kpi[]): string {
  return `<ul class="kpis">${items.map((k) => `<li class="kpi${k.tone ? ` ${k.tone}` : ''}"><span class="value">${escapeHtml(k.value)}</span><span class="label">${escapeHtml(k.label)}</span></li>`).join('')}</ul>`
}

/** A coloured label for a readiness class, severity or strategy. */
export function chip(kind: 'r' | 's' | 'st', key: string, text = key): Html {
  return raw(`<span class="chip ${kind}-${escapeHtml(key)}">${escapeHtml(text)}</span>`)
}

export function meta(pairs: Array<[string, string | Html]>): string {
  return `<dl class="meta">${pairs.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${cell(v)}</dd>`).join('')}</dl>`
}

/** The provenance every page ends with: dates, the lifecycle data and its attribution (as text, no link), the tool. */
export function provenance(o: {asOf: string | null; deadline: string | null; lifecycle: {snapshot: string; source: string}; version: string; script?: boolean}): string[] {
  return [
    `Assessed as of <strong>${escapeHtml(o.asOf ?? 'several dates (see above)')}</strong> against the deadline <strong>${escapeHtml(o.deadline ?? 'of each input')}</strong>. The same inputs, flags and as-of date give the same page, byte for byte.`,
    `End-of-support dates: lifecycle snapshot of ${escapeHtml(o.lifecycle.snapshot)}, from ${escapeHtml(o.lifecycle.source)}.`,
    `Made with cloudready ${escapeHtml(o.version)}. This page is self-contained: it loads nothing from the network${o.script ? ', and its one script (a filter and sortable columns for the list of systems) is allowed by its hash and reads only the page' : ' and runs no script'}.`,
  ]
}
