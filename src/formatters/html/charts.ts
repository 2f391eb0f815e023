/**
 * Charts as inline SVG, written by hand: stacked bars, a heat map, a timeline (Gantt), a step
 * chart and a layered graph. Each returns one `<svg role="img">` with a `<title>` and an
 * aria-label; every text in it is escaped. Sizes are in CSS pixels of a 960-wide drawing and the
 * SVG scales down with its box. Pure and deterministic: coordinates are rounded to 0.1 px.
 */
import {escapeHtml} from './escape.js'
import {count, plural} from '../text.js'
import {BLUE, DEADLINE, INK, LATE_TINT, MUTED, PALE, RULE} from './palette.js'

export const WIDTH = 960

/** A coordinate with at most one decimal, so the same chart gives the same bytes. */
export function px(x: number): string {
  const r = Math.round(x * 10) / 10
  return Object.is(r, -0) ? '0' : String(r)
}

/** Roughly how wide a text is in the page's sans-serif: enough to decide whether a label fits. */
export function textWidth(text: string, size = 13): number {
  return text.length * size * 0.56
}

/** `text` cut to `max` characters with an ellipsis (the full text goes in a `<title>`). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(1, max - 1))}…`
}

function svg(width: number, height: number, label: string, body: string[]): string {
  const l = escapeHtml(label)
  // A chart drawn full width fills its box; narrower ones keep their size (and shrink when they must).
  return `<svg class="chart${width >= WIDTH ? ' fill' : ''}" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${l}" focusable="false"><title>${l}</title>${body.join('')}</svg>`
}

interface TextOptions {
  anchor?: 'start' | 'middle' | 'end'
  size?: number
  weight?: 'bold' | 'normal'
  fill?: string
  cls?: string
}

function text(x: number, y: number, content: string, o: TextOptions = {}): string {
  const attrs = [`x="${px(x)}"`, `y="${px(y)}"`]
  if (o.anchor && o.anchor !== 'start') attrs.push(`text-anchor="${o.anchor}"`)
  if (o.size) attrs.push(`font-size="${o.size}"`)
  if (o.weight === 'bold') attrs.push('font-weight="700"')
  if (o.fill) attrs.push(`fill="${o.fill}"`)
  if (o.cls) attrs.push(`class="${o.cls}"`)
  return `<text ${attrs.join(' ')}>${escapeHtml(content)}</text>`
}

function rect(x: number, y: number, w: number, h: number, fill: string, extra = '', title?: string): string {
  const t = title === undefined ? '' : `<title>${escapeHtml(title)}</title>`
  const attrs = `x="${px(x)}" y="${px(y)}" width="${px(Math.max(0, w))}" height="${px(h)}" fill="${fill}"${extra ? ` ${extra}` : ''}`
  return t ? `<rect ${attrs}>${t}</rect>` : `<rect ${attrs}/>`
}

function line(x1: number, y1: number, x2: number, y2: number, stroke: string, extra = ''): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}" stroke="${stroke}"${extra ? ` ${extra}` : ''}/>`
}

// ---------------------------------------------------------------------------------------------
// Stacked bars

export interface Series {
  name: string
  fill: string
  text: string
}

export interface BarRow {
  label: string
  values: number[]
  /** A bold row (an estate total above its departments). */
  strong?: boolean
  /** Shown at the right of the bar, e.g. "27 systems". */
  note?: string
  /** Per series, where a click on its segment goes (the rows it counts). */
  links?: Array<string | undefined>
}

/**
 * Horizontal stacked bars, one per row. `share`: every bar is 100% wide (compare proportions
 * between rows of different sizes); `count`: bars to scale with each other.
 */
export function stackedBars(o: {label: string; series: Series[]; rows: BarRow[]; mode: 'share' | 'count'; /** The counted thing, singular ("system"): tooltips say "1 system", "2 systems". */ unit?: string; width?: number}): string {
  const width = o.width ?? WIDTH
  const labelW = Math.min(300, Math.max(90, ...o.rows.map((r) => textWidth(clip(r.label, 40), 13) + 16)))
  const noteW = Math.max(60, ...o.rows.map((r) => textWidth(r.note ?? '', 12) + 12))
  const barW = width - labelW - noteW
  const rowH = 32
  const barH = 22
  const top = 8
  const axisH = 24
  const height = top + o.rows.length * rowH + axisH
  const body: string[] = []
  const maxTotal = Math.max(1, ...o.rows.map((r) => r.values.reduce((a, b) => a + b, 0)))
  // Grid lines behind the bars.
  const ticks = o.mode === 'share' ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(maxTotal).map((t) => t / maxTotal)
  const tickLabels = o.mode === 'share' ? ticks.map((t) => `${Math.round(t * 100)}%`) : niceTicks(maxTotal).map(String)
  const gridBottom = top + o.rows.length * rowH
  ticks.forEach((t, i) => {
    const x = labelW + t * barW
    body.push(line(x, top - 4, x, gridBottom, RULE, 'stroke-dasharray="2 3"'))
    body.push(text(x, gridBottom + 16, tickLabels[i], {anchor: t === 0 ? 'start' : t === 1 ? 'end' : 'middle', size: 11, fill: MUTED}))
  })
  o.rows.forEach((r, i) => {
    const y = top + i * rowH + (rowH - barH) / 2
    const total = r.values.reduce((a, b) => a + b, 0)
    const scale = o.mode === 'share' ? (total > 0 ? barW / total : 0) : barW / maxTotal
    body.push(`<g>${text(labelW - 10, y + barH / 2 + 4.5, clip(r.label, 40), {anchor: 'end', size: 13, weight: r.strong ? 'bold' : 'normal', fill: INK})}<title>${escapeHtml(r.label)}</title></g>`)
    let x = labelW
    r.values.forEach((v, k) => {
      if (v <= 0) return
      const w = v * scale
      const s = o.series[k]
      const share = total > 0 ? Math.round((v / total) * 100) : 0
      const segment = rect(x, y, w, barH, s.fill, 'stroke="#ffffff" stroke-width="1"', `${r.label}: ${s.name} ${o.unit ? plural(v, o.unit) : v} of ${total} (${share}%)`)
      const href = r.links?.[k]
      body.push(href ? `<a href="${escapeHtml(href)}">${segment}</a>` : segment)
      const label = String(v)
      if (w >= textWidth(label, 12) + 8) body.push(text(x + w / 2, y + barH / 2 + 4, label, {anchor: 'middle', size: 12, fill: s.text, cls: 'nopointer'}))
      x += w
    })
    if (total === 0) body.push(rect(labelW, y, barW, barH, PALE))
    if (r.note) body.push(text(labelW + (o.mode === 'share' ? barW : total * scale) + 8, y + barH / 2 + 4, r.note, {size: 12, fill: MUTED}))
  })
  return svg(width, height, o.label, body)
}

/** Round steps for a count axis: 0, then 4–6 ticks up to at least `max`. */
function niceTicks(max: number): number[] {
  const raw = max / 5
  const mag = 10 ** Math.floor(Math.log10(Math.max(1, raw)))
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? mag * 10
  const out: number[] = []
  for (let t = 0; t <= max; t += step) out.push(t)
  return out
}

// ---------------------------------------------------------------------------------------------
// Heat map

export interface HeatColumn {
  name: string
  fill: string
}

function mix(hex: string, alpha: number): {rgb: string; dark: boolean} {
  const n = Number.parseInt(hex.slice(1), 16)
  const c = [(n >> 16) & 255, (n >> 8) & 255, n & 255].map((v) => Math.round(v * alpha + 255 * (1 - alpha)))
  const lum = (0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]) / 255
  return {rgb: `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`, dark: lum < 0.5}
}

/**
 * A matrix of counts: each column in its own colour (a severity), deeper for more within the
 * column, the number in every cell, and the totals of rows and columns in grey.
 */
export function heatMap(o: {label: string; rows: string[]; columns: HeatColumn[]; values: number[][]; rowHeader?: string; columnTotals?: boolean}): string {
  const totalsRow = o.columnTotals !== false
  const labelW = Math.max(110, ...o.rows.map((r) => textWidth(clip(r, 30), 13) + 16))
  const cellW = Math.max(72, ...o.columns.map((c) => textWidth(c.name, 12) + 14))
  const cellH = 30
  const headH = 28
  const cols = o.columns.length
  const width = labelW + (cols + 1) * cellW + 2
  const height = headH + (o.rows.length + (totalsRow ? 1 : 0)) * cellH + 2
  // Each column is shaded against its own largest count, never lighter than FLOOR: a single
  // critical finding must not read paler than a hundred high ones (the colour is the severity's;
  // the depth within it is the count).
  const FLOOR = 0.55
  const colMax = o.columns.map((_, j) => Math.max(1, ...o.values.map((row) => row[j] ?? 0)))
  const body: string[] = []
  if (o.rowHeader) body.push(text(labelW - 10, headH - 10, o.rowHeader, {anchor: 'end', size: 11, fill: MUTED}))
  o.columns.forEach((c, j) => body.push(text(labelW + j * cellW + cellW / 2, headH - 10, c.name, {anchor: 'middle', size: 12, weight: 'bold', fill: INK})))
  body.push(text(labelW + cols * cellW + cellW / 2, headH - 10, 'total', {anchor: 'middle', size: 12, weight: 'bold', fill: MUTED}))
  const colTotals = o.columns.map((_, j) => o.values.reduce((sum, row) => sum + (row[j] ?? 0), 0))
  o.rows.forEach((r, i) => {
    const y = headH + i * cellH
    body.push(`<g>${text(labelW - 10, y + cellH / 2 + 4.5, clip(r, 30), {anchor: 'end', size: 13, fill: INK})}<title>${escapeHtml(r)}</title></g>`)
    o.columns.forEach((c, j) => {
      const v = o.values[i]?.[j] ?? 0
      const x = labelW + j * cellW
      if (v === 0) {
        body.push(rect(x + 1, y + 1, cellW - 2, cellH - 2, PALE, '', `${r}, ${c.name}: 0`))
        body.push(text(x + cellW / 2, y + cellH / 2 + 4, '0', {anchor: 'middle', size: 12, fill: '#8a8d8f', cls: 'nopointer'}))
        return
      }
      const m = mix(c.fill, FLOOR + (1 - FLOOR) * Math.sqrt(v / colMax[j]))
      body.push(rect(x + 1, y + 1, cellW - 2, cellH - 2, m.rgb, '', `${r}, ${c.name}: ${v}`))
      body.push(text(x + cellW / 2, y + cellH / 2 + 4, String(v), {anchor: 'middle', size: 12, weight: 'bold', fill: m.dark ? '#ffffff' : INK, cls: 'nopointer'}))
    })
    const total = (o.values[i] ?? []).reduce((a, b) => a + b, 0)
    body.push(rect(labelW + cols * cellW + 1, y + 1, cellW - 2, cellH - 2, '#e8e8e8', '', `${r}: ${total} in all`))
    body.push(text(labelW + cols * cellW + cellW / 2, y + cellH / 2 + 4, String(total), {anchor: 'middle', size: 12, weight: 'bold', fill: INK, cls: 'nopointer'}))
  })
  if (totalsRow) {
    const yTotal = headH + o.rows.length * cellH
    body.push(text(labelW - 10, yTotal + cellH / 2 + 4.5, 'total', {anchor: 'end', size: 13, weight: 'bold', fill: MUTED}))
    colTotals.forEach((v, j) => {
      body.push(rect(labelW + j * cellW + 1, yTotal + 1, cellW - 2, cellH - 2, '#e8e8e8', '', `${o.columns[j].name}: ${v} in all`))
      body.push(text(labelW + j * cellW + cellW / 2, yTotal + cellH / 2 + 4, String(v), {anchor: 'middle', size: 12, weight: 'bold', fill: INK, cls: 'nopointer'}))
    })
    const all = colTotals.reduce((a, b) => a + b, 0)
    body.push(rect(labelW + cols * cellW + 1, yTotal + 1, cellW - 2, cellH - 2, '#d8d8d8', '', `${all} in all`))
    body.push(text(labelW + cols * cellW + cellW / 2, yTotal + cellH / 2 + 4, String(all), {anchor: 'middle', size: 12, weight: 'bold', fill: INK, cls: 'nopointer'}))
  }
  return svg(width, height, o.label, body)
}

// ---------------------------------------------------------------------------------------------
// Time axis, timeline (Gantt) and step chart

const DAY = 86_400_000

function dayOf(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / DAY
}

export interface Marker {
  date: string
  label: string
  kind: 'deadline' | 'today' | 'completion'
}

interface TimeAxis {
  x(date: string): number
  /** Years with a grid line: every year, or every 2nd, 5th, 10th… on a long axis. */
  years: number[]
  /** Years between grid lines. */
  step: number
  from: string
  to: string
}

/** Whole years around every date given, from `x0` to `x1`, with at most a dozen grid lines. */
function timeAxis(dates: string[], x0: number, x1: number): TimeAxis {
  const sorted = [...dates].sort()
  const span = Number(sorted[sorted.length - 1].slice(0, 4)) + 1 - Number(sorted[0].slice(0, 4))
  const step = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000].find((s) => span / s <= 12) ?? 1000
  const firstYear = Math.floor(Number(sorted[0].slice(0, 4)) / step) * step
  const lastYear = Math.ceil((Number(sorted[sorted.length - 1].slice(0, 4)) + 1) / step) * step
  const from = `${String(firstYear).padStart(4, '0')}-01-01`
  const to = `${String(lastYear).padStart(4, '0')}-01-01`
  const d0 = dayOf(from)
  const days = dayOf(to) - d0
  const years: number[] = []
  for (let y = firstYear; y <= lastYear; y += step) years.push(y)
  return {x: (date) => x0 + ((dayOf(date) - d0) / days) * (x1 - x0), years, step, from, to}
}

const MARKER_STYLE: Record<Marker['kind'], {stroke: string; dash: string; width: number}> = {
  deadline: {stroke: DEADLINE, dash: '6 4', width: 2.5},
  today: {stroke: INK, dash: '', width: 2},
  completion: {stroke: '#4c2c92', dash: '2 3', width: 2},
}

/** The year grid and, after the deadline, the late zone. */
function grid(axis: TimeAxis, top: number, bottom: number, body: string[], shadeAfter?: string): void {
  const x1 = axis.x(axis.to)
  if (shadeAfter && shadeAfter < axis.to) {
    const xs = Math.max(axis.x(axis.from), axis.x(shadeAfter))
    body.push(rect(xs, top, x1 - xs, bottom - top, LATE_TINT, '', `after the ${shadeAfter} deadline`))
    body.push(text(xs + 6, top + 14, 'past the deadline', {size: 11, fill: '#942514'}))
  }
  for (const y of axis.years) {
    const x = axis.x(`${String(y).padStart(4, '0')}-01-01`)
    body.push(line(x, top, x, bottom, RULE, 'stroke-dasharray="2 3"'))
    // Year by year, a label in the middle of its year; on a long axis, at the grid line it names.
    if (axis.step === 1 && y < axis.years[axis.years.length - 1]) {
      const mid = (x + axis.x(`${String(y + 1).padStart(4, '0')}-01-01`)) / 2
      body.push(text(mid, bottom + 16, String(y), {anchor: 'middle', size: 12, fill: MUTED}))
    } else if (axis.step > 1) {
      body.push(text(x, bottom + 16, String(y), {anchor: 'middle', size: 12, fill: MUTED}))
    }
  }
  body.push(line(axis.x(axis.from), bottom, x1, bottom, MUTED))
}

/** The markers as vertical lines, each labelled in its own lane above the plot so labels never collide. */
function drawMarkers(axis: TimeAxis, bottom: number, markers: Marker[], body: string[]): void {
  const x1 = axis.x(axis.to)
  markers.forEach((m, lane) => {
    const s = MARKER_STYLE[m.kind]
    const ly = 14 + lane * 16
    if (m.date < axis.from) {
      // Before the axis (a deadline long past): named at the left edge, with no line of its own.
      body.push(text(axis.x(axis.from) + 5, ly, `◂ ${m.label} (before this axis)`, {anchor: 'start', size: 12, weight: 'bold', fill: s.stroke, cls: 'halo'}))
      return
    }
    const x = axis.x(m.date)
    body.push(line(x, ly + 3, x, bottom, s.stroke, `stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''}`))
    // The label sits on the side with more room, so it never runs off the chart.
    const right = x < (axis.x(axis.from) + x1) / 2
    body.push(text(right ? x + 5 : x - 5, ly, m.label, {anchor: right ? 'start' : 'end', size: 12, weight: 'bold', fill: s.stroke, cls: 'halo'}))
  })
}

export interface TimelineRow {
  label: string
  start: string
  end: string
  fill?: string
  /** Inside the bar when it fits, else after it. */
  note?: string
  title?: string
}

/** A Gantt: one bar per row from start to end, with the deadline, today and completion marked. */
export function timeline(o: {label: string; rows: TimelineRow[]; markers: Marker[]; shadeAfter?: string; width?: number}): string {
  const width = o.width ?? WIDTH
  const labelW = Math.max(80, ...o.rows.map((r) => textWidth(clip(r.label, 30), 13) + 14))
  const top = 14 + o.markers.length * 16 + 4
  const rowH = 26
  const bottom = top + o.rows.length * rowH + 6
  const height = bottom + 26
  // The axis spans the bars and today; a deadline long past would leave most of the width empty
  // before the first bar, so it is pinned at the left edge instead (drawMarkers says so).
  const spanned = [...o.rows.flatMap((r) => [r.start, r.end]), ...o.markers.filter((m) => m.kind !== 'deadline').map((m) => m.date)]
  const dates = spanned.length ? spanned : o.markers.map((m) => m.date)
  if (dates.length === 0) return svg(width, 40, o.label, [text(10, 24, 'nothing to draw', {fill: MUTED})])
  const axis = timeAxis([...dates, ...o.markers.map((m) => m.date).filter((d) => d >= [...dates].sort()[0])], labelW, width - 12)
  const body: string[] = []
  grid(axis, top - 4, bottom, body, o.shadeAfter)
  o.rows.forEach((r, i) => {
    const y = top + i * rowH + 4
    const x0 = axis.x(r.start)
    const x1 = axis.x(r.end)
    const w = Math.max(3, x1 - x0)
    body.push(`<g>${text(labelW - 8, y + 13, clip(r.label, 30), {anchor: 'end', size: 13, fill: INK})}<title>${escapeHtml(r.label)}</title></g>`)
    body.push(rect(x0, y, w, 18, r.fill ?? BLUE, 'rx="3"', r.title ?? `${r.label}: ${r.start} to ${r.end}${r.note ? `, ${r.note}` : ''}`))
    if (r.note) {
      const inside = w >= textWidth(r.note, 11) + 8
      body.push(text(inside ? x0 + 4 : x0 + w + 5, y + 13, r.note, {size: 11, fill: inside ? '#ffffff' : INK, cls: 'nopointer'}))
    }
  })
  // Markers last, above the bars.
  drawMarkers(axis, bottom, o.markers, body)
  return svg(width, height, o.label, body)
}

export interface StepSeries {
  name: string
  stroke: string
  dash?: boolean
  points: Array<{date: string; value: number}>
}

/** Shares over time as steps (a share holds until the next date), 0–100%, with the markers. */
export function stepChart(o: {label: string; series: StepSeries[]; markers: Marker[]; shadeAfter?: string; width?: number; height?: number}): string {
  const width = o.width ?? WIDTH
  const left = 52
  const top = 14 + o.markers.length * 16 + 6
  const plotH = (o.height ?? 300) - top - 30
  const bottom = top + plotH
  const height = bottom + 26
  const dates = [...o.series.flatMap((s) => s.points.map((p) => p.date)), ...o.markers.map((m) => m.date)]
  if (dates.length === 0) return svg(width, 40, o.label, [text(10, 24, 'nothing to draw', {fill: MUTED})])
  // Room on the right for the end labels, outside the plot.
  const axis = timeAxis(dates, left, width - 118)
  const y = (v: number) => bottom - v * plotH
  const body: string[] = []
  grid(axis, top, bottom, body, o.shadeAfter)
  for (const t of [0, 0.25, 0.5, 0.75, 1]) {
    body.push(line(left, y(t), axis.x(axis.to), y(t), t === 1 ? MUTED : RULE, t === 1 ? 'stroke-dasharray="6 3"' : 'stroke-dasharray="2 3"'))
    body.push(text(left - 6, y(t) + 4, `${t * 100}%`, {anchor: 'end', size: 11, fill: MUTED}))
  }
  const ends: Array<{y: number; label: string; fill: string}> = []
  for (const s of o.series) {
    if (s.points.length === 0) continue
    const pts = [...s.points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    let d = `M${px(axis.x(pts[0].date))},${px(y(pts[0].value))}`
    for (let i = 1; i < pts.length; i++) d += `H${px(axis.x(pts[i].date))}V${px(y(pts[i].value))}`
    d += `H${px(axis.x(axis.to))}`
    body.push(`<path d="${d}" fill="none" stroke="${s.stroke}" stroke-width="2.5"${s.dash ? ' stroke-dasharray="7 4"' : ''}/>`)
    // Dots only while they can be told apart; the steps alone beyond that.
    for (const p of pts.length <= 80 ? pts : []) {
      body.push(`<circle cx="${px(axis.x(p.date))}" cy="${px(y(p.value))}" r="3.5" fill="${s.stroke}"><title>${escapeHtml(`${s.name} on ${p.date}: ${Math.round(p.value * 1000) / 10}%`)}</title></circle>`)
    }
    const last = pts[pts.length - 1]
    ends.push({y: y(last.value) + 4, label: `${s.name}: ${Math.round(last.value * 100)}%`, fill: s.stroke})
  }
  // End labels beside the ends of their lines, pushed apart so lines ending close together stay legible.
  ends.sort((a, b) => a.y - b.y)
  for (let i = ends.length - 2; i >= 0; i--) ends[i].y = Math.min(ends[i].y, ends[i + 1].y - 15)
  for (const e of ends) body.push(text(axis.x(axis.to) + 6, e.y, e.label, {size: 12, weight: 'bold', fill: e.fill, cls: 'halo'}))
  drawMarkers(axis, bottom, o.markers, body)
  return svg(width, height, o.label, body)
}

// ---------------------------------------------------------------------------------------------
// Layered graph

export interface GraphNode {
  id: string
  lines: [string, string]
  title: string
  kind: 'group' | 'cycle' | 'done'
  /** On the critical path: drawn heavier. */
  critical?: boolean
}

const NODE_STYLE: Record<GraphNode['kind'], {fill: string; stroke: string}> = {
  group: {fill: '#ffffff', stroke: BLUE},
  cycle: {fill: '#fff4d6', stroke: '#b25e00'},
  done: {fill: PALE, stroke: RULE},
}

/**
 * A layered drawing of a DAG: each node in the column one right of its furthest dependency, so
 * every edge runs left to right; nodes in a column are ordered by the mean position of their
 * dependencies, which keeps most edges short and uncrossed.
 */
export function layeredGraph(o: {label: string; nodes: GraphNode[]; edges: Array<[from: string, to: string]>; width?: number}): string {
  const ids = new Map(o.nodes.map((n, i) => [n.id, i]))
  const deps: number[][] = o.nodes.map(() => [])
  for (const [from, to] of o.edges) {
    const a = ids.get(from)
    const b = ids.get(to)
    if (a !== undefined && b !== undefined && a !== b) deps[b].push(a)
  }
  // Longest path from a source (Kahn's order), so the layout needs no recursion.
  const indeg = deps.map((d) => d.length)
  const out: number[][] = o.nodes.map(() => [])
  deps.forEach((d, b) => d.forEach((a) => out[a].push(b)))
  const layer = new Array<number>(o.nodes.length).fill(0)
  const queue = indeg.flatMap((d, i) => (d === 0 ? [i] : []))
  for (let q = 0; q < queue.length; q++) {
    const a = queue[q]
    for (const b of out[a]) {
      layer[b] = Math.max(layer[b], layer[a] + 1)
      if (--indeg[b] === 0) queue.push(b)
    }
  }
  const layers: number[][] = []
  o.nodes.forEach((_, i) => (layers[layer[i]] ??= []).push(i))
  // Order each column by the mean position of the neighbours in the column before (down) or after
  // (up), a few sweeps: the classic barycentre heuristic against crossings.
  const pos = new Array<number>(o.nodes.length).fill(0)
  layers.forEach((members) => {
    members.sort((a, b) => (o.nodes[a].id < o.nodes[b].id ? -1 : 1))
    members.forEach((m, k) => (pos[m] = k))
  })
  const reorder = (members: number[], neighbours: (i: number) => number[]) => {
    const key = new Map(members.map((i) => {
      const n = neighbours(i)
      return [i, n.length ? n.reduce((sum, d) => sum + pos[d], 0) / n.length : pos[i]]
    }))
    members.sort((a, b) => key.get(a)! - key.get(b)! || (o.nodes[a].id < o.nodes[b].id ? -1 : 1))
    members.forEach((m, k) => (pos[m] = k))
  }
  for (let sweep = 0; sweep < 4; sweep++) {
    for (let l = 1; l < layers.length; l++) reorder(layers[l], (i) => deps[i])
    for (let l = layers.length - 2; l >= 0; l--) reorder(layers[l], (i) => out[i])
  }
  const nodeW = 176
  const nodeH = 40
  const gapX = Math.max(40, Math.min(120, ((o.width ?? WIDTH) - layers.length * nodeW) / Math.max(1, layers.length - 1)))
  const gapY = 12
  const headH = 24
  const tallest = Math.max(1, ...layers.map((m) => m.length))
  const height = headH + tallest * (nodeH + gapY) + 4
  const width = Math.max(o.width ?? WIDTH, layers.length * nodeW + (layers.length - 1) * gapX + 2)
  const xOf = (i: number) => 1 + layer[i] * (nodeW + gapX)
  // Each column centred vertically, so short columns do not all crowd the top.
  const yOf = (i: number) => headH + ((tallest - layers[layer[i]].length) * (nodeH + gapY)) / 2 + pos[i] * (nodeH + gapY)
  const body: string[] = ['<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0L8,4L0,8z" fill="#6f777b"/></marker><marker id="arrow-critical" viewBox="0 0 8 8" refX="7" refY="4" markerUnits="userSpaceOnUse" markerWidth="10" markerHeight="10" orient="auto"><path d="M0,0L8,4L0,8z" fill="#0b0c0c"/></marker></defs>']
  layers.forEach((_, l) => {
    const x = 1 + l * (nodeW + gapX) + nodeW / 2
    body.push(text(x, 14, l === 0 ? 'step 1: no dependency' : `step ${l + 1}`, {anchor: 'middle', size: 12, weight: 'bold', fill: MUTED}))
  })
  deps.forEach((d, b) => {
    for (const a of d) {
      const x1 = xOf(a) + nodeW
      const y1 = yOf(a) + nodeH / 2
      const x2 = xOf(b) - 2
      const y2 = yOf(b) + nodeH / 2
      const mx = (x1 + x2) / 2
      const critical = Boolean(o.nodes[a].critical && o.nodes[b].critical)
      body.push(`<path d="M${px(x1)},${px(y1)}C${px(mx)},${px(y1)} ${px(mx)},${px(y2)} ${px(x2)},${px(y2)}" fill="none" stroke="${critical ? INK : '#6f777b'}" stroke-width="${critical ? 2.4 : 1.1}" stroke-opacity="${critical ? 1 : 0.45}" marker-end="url(#${critical ? 'arrow-critical' : 'arrow'})"><title>${escapeHtml(`${o.nodes[b].id} depends on ${o.nodes[a].id}`)}</title></path>`)
    }
  })
  o.nodes.forEach((n, i) => {
    const x = xOf(i)
    const y = yOf(i)
    const s = NODE_STYLE[n.kind]
    body.push(
      `<g><title>${escapeHtml(n.title)}</title>` +
        rect(x, y, nodeW, nodeH, s.fill, `rx="5" stroke="${n.critical ? INK : s.stroke}" stroke-width="${n.critical ? 2.5 : 1.5}"`) +
        text(x + 8, y + 16, clip(n.lines[0], 27), {size: 12, weight: 'bold', fill: INK}) +
        text(x + 8, y + 32, clip(n.lines[1], 29), {size: 11, fill: MUTED}) +
        '</g>',
    )
  })
  return svg(width, height, o.label, body)
}

// ---------------------------------------------------------------------------------------------
// Lines over time

export interface XYSeries {
  name: string
  stroke: string
  dash?: boolean
  /** Steps (a value holds until the next date) rather than straight lines between points. */
  step?: boolean
  points: Array<{date: string; value: number; title?: string}>
}

/** Day number of a date, for a y axis of dates (`xyChart` with ticks at years). */
export function dayNumber(date: string): number {
  return dayOf(date)
}

/**
 * Values over time: one line per series on a time axis, the y axis given by its ticks (counts, or
 * dates as day numbers). Used by `trend` for the burn-up and the forecast against time.
 */
export function xyChart(o: {label: string; series: XYSeries[]; yTicks: Array<{value: number; label: string}>; markers?: Marker[]; shadeAfter?: string; width?: number; height?: number}): string {
  const width = o.width ?? WIDTH
  const marks = o.markers ?? []
  const left = Math.max(52, ...o.yTicks.map((t) => textWidth(t.label, 11) + 12))
  const top = 14 + marks.length * 16 + 6
  const plotH = (o.height ?? 300) - top - 30
  const bottom = top + plotH
  const height = bottom + 26
  const dates = o.series.flatMap((s) => s.points.map((p) => p.date))
  if (dates.length === 0 || o.yTicks.length < 2) return svg(width, 40, o.label, [text(10, 24, 'nothing to draw', {fill: MUTED})])
  const axis = timeAxis([...dates, ...marks.map((m) => m.date).filter((d) => d >= [...dates].sort()[0])], left, width - 130)
  const lo = o.yTicks[0].value
  const hi = o.yTicks[o.yTicks.length - 1].value
  const y = (v: number) => bottom - ((v - lo) / (hi - lo || 1)) * plotH
  const body: string[] = []
  grid(axis, top, bottom, body, o.shadeAfter)
  for (const t of o.yTicks) {
    body.push(line(left, y(t.value), axis.x(axis.to), y(t.value), RULE, 'stroke-dasharray="2 3"'))
    body.push(text(left - 6, y(t.value) + 4, t.label, {anchor: 'end', size: 11, fill: MUTED}))
  }
  const ends: Array<{y: number; label: string; fill: string}> = []
  for (const s of o.series) {
    if (s.points.length === 0) continue
    let d = `M${px(axis.x(s.points[0].date))},${px(y(s.points[0].value))}`
    for (let i = 1; i < s.points.length; i++) {
      const p = s.points[i]
      d += s.step ? `H${px(axis.x(p.date))}V${px(y(p.value))}` : `L${px(axis.x(p.date))},${px(y(p.value))}`
    }
    body.push(`<path d="${d}" fill="none" stroke="${s.stroke}" stroke-width="2.5"${s.dash ? ' stroke-dasharray="7 4"' : ''}/>`)
    for (const p of s.points.length <= 80 ? s.points : []) {
      body.push(`<circle cx="${px(axis.x(p.date))}" cy="${px(y(p.value))}" r="3.5" fill="${s.stroke}"><title>${escapeHtml(p.title ?? `${s.name} on ${p.date}`)}</title></circle>`)
    }
    const last = s.points[s.points.length - 1]
    ends.push({y: y(last.value) + 4, label: s.name, fill: s.stroke})
  }
  ends.sort((a, b) => a.y - b.y)
  for (let i = ends.length - 2; i >= 0; i--) ends[i].y = Math.min(ends[i].y, ends[i + 1].y - 15)
  const xEnd = Math.max(...o.series.filter((s) => s.points.length).map((s) => axis.x(s.points[s.points.length - 1].date)))
  for (const e of ends) body.push(text(xEnd + 6, e.y, clip(e.label, 22), {size: 12, weight: 'bold', fill: e.fill, cls: 'halo'}))
  drawMarkers(axis, bottom, marks, body)
  return svg(width, height, o.label, body)
}

/** Round count ticks from 0 to at least `max`, for `xyChart`. */
export function countTicks(max: number): Array<{value: number; label: string}> {
  const ticks = niceTicks(Math.max(1, max))
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 1
  if (ticks[ticks.length - 1] < max) ticks.push(ticks[ticks.length - 1] + step)
  return ticks.map((v) => ({value: v, label: count(v)}))
}
