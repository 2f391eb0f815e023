/**
 * One fuzz case through the real code path, in-process: load → validate → assess → plan → every
 * formatter of validate, audit and plan, then the oracles — what must hold whatever the input:
 *
 * - nothing throws but cloudready's own user-facing errors (exit 2 semantics);
 * - every diagnostic has a file, a line and column inside the file, a code and a message;
 * - machine outputs parse (JSON, YAML, XML) and match their JSON Schema; YAML carries the same data
 *   as JSON; CSV rows are whole and no cell can start a formula; Markdown rows keep their cells;
 *   GitHub annotations stay one line each; terminal text has no control characters;
 * - nothing looks like a stack trace or an internal error;
 * - the plan keeps its promises (no system before what it depends on, a move group in one wave);
 * - where the fast YAML path answers, the exact one agrees (data and positions);
 * - on a sample, the same input gives byte-identical outputs twice.
 *
 * A case is read as standard input (`-`), one in six beside one of the examples.
 * Runs on the built dist/ (npm run build first).
 */
import {createHash} from 'node:crypto'
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {pathToFileURL} from 'node:url'

import {XMLValidator} from 'fast-xml-parser'
import jsYaml from 'js-yaml'

const VERSION = '0.0.0-fuzz'
const AS_OF = ['2019-06-30', '2023-12-31', '2024-01-01', '2026-11-27', '2031-02-28']

let modules

async function load(root) {
  if (modules) return modules
  const dist = (p) => import(pathToFileURL(path.join(root, 'dist', p)).href)
  const [core, formatters, loader, errors, report, validate, fast, positions] = await Promise.all([
    dist('core/index.js'),
    dist('formatters/index.js'),
    dist('core/load/index.js'),
    dist('core/errors.js'),
    dist('core/assess/report.js'),
    dist('core/validate/index.js'),
    dist('core/load/fast-yaml.js'),
    dist('core/load/positions.js'),
  ])
  // Not verbose: a failure names the path and the keyword, not the whole schema and document.
  const ajv = await validate.createAjv({verbose: false, allErrors: false})
  const schema = (name) => ajv.compile(JSON.parse(readFileSync(path.join(root, 'schemas', `${name}.schema.json`), 'utf8')))
  modules = {
    core,
    fast,
    positions,
    formatters,
    loader,
    errors,
    report,
    schemas: {validate: schema('validate-result'), audit: schema('audit-report'), plan: schema('plan')},
  }
  return modules
}

/** Run options from the content itself, so a saved case replays with exactly the same ones. */
export function optionsFor(bytes) {
  const h = createHash('sha256').update(bytes).digest()
  const options = {asOf: AS_OF[h[0] % AS_OF.length], failOn: ['critical', 'high', 'medium', 'low', 'info', 'none'][h[1] % 6]}
  if (h[2] % 3 === 0) options.capacity = 1 + (h[3] % 12)
  else if (h[2] % 3 === 1) options.capacityEffort = 1 + (h[3] % 60)
  if (h[4] % 2 === 0) options.waveLengthMonths = 1 + (h[5] % 12)
  if (h[6] % 4 === 0) options.deadline = ['2020-01-01', '2023-12-31', '2030-06-30'][h[7] % 3]
  // One case in six is read beside an example: references across departments, a department twice.
  if (h[8] % 6 === 0) options.companion = COMPANIONS[h[9] % COMPANIONS.length]
  return options
}

const COMPANIONS = ['examples/dwp.yaml', 'examples/hmrc.yaml', 'examples/home-office.yaml']

/** What a stack trace or a leaked internal looks like, unless the input itself says it. */
const LEAKS = [/\n\s+at .+[(:]\d+(:\d+)?\)?/, /node:internal/, /file:\/\/\//, /\bat (?:async )?\S+ \(.*:\d+:\d+\)/, /internal error/i, /\[object Object\]/, /\bundefined\b/, /TypeError|ReferenceError|RangeError|SyntaxError/]

function leaks(text, input) {
  for (const re of LEAKS) {
    if (re.test(text) && !re.test(input)) return re
  }
  return undefined
}

// eslint-disable-next-line no-control-regex
const TERMINAL_UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/** RFC 4180 rows of cells; throws on a quote that never closes. */
export function parseCsv(text) {
  const rows = []
  let row = []
  let cell = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"'
          i += 2
          continue
        }
        quoted = false
        i++
        continue
      }
      cell += c
      i++
      continue
    }
    if (c === '"' && cell === '') {
      quoted = true
      i++
    } else if (c === ',') {
      row.push(cell)
      cell = ''
      i++
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
      i += 2
    } else {
      cell += c
      i++
    }
  }
  if (quoted) throw new Error('a quoted CSV cell never closes')
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** The cells of one Markdown table row, split at pipes that are not escaped. */
export function markdownCells(line) {
  const cells = []
  let cell = ''
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '\\') {
      cell += c + (line[i + 1] ?? '')
      i++
    } else if (c === '|') {
      cells.push(cell)
      cell = ''
    } else {
      cell += c
    }
  }
  cells.push(cell)
  // `| a | b |` → ['', ' a ', ' b ', '']
  return cells.slice(1, -1)
}

/** YAML outputs as parsed by checkOutput, for the JSON comparison after it. */
const parsed = new Map()

/** Problems with one formatter's output. */
function checkOutput(kind, format, text, input, m, problems) {
  const where = `${kind} --format ${format}`
  if (typeof text !== 'string') {
    problems.push(`${where}: the formatter returned ${typeof text}, not text`)
    return
  }
  const leak = leaks(text, input)
  if (leak) problems.push(`${where}: output looks like a stack trace or an internal error (${leak})`)
  switch (format) {
    case 'json': {
      let data
      try {
        data = JSON.parse(text)
      } catch (error) {
        problems.push(`${where}: not JSON (${error.message})`)
        return
      }
      const validate = m.schemas[kind]
      if (validate && !validate(data)) {
        const why = (validate.errors ?? []).slice(0, 3).map((e) => `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` '${e.params.additionalProperty}'` : ''}`)
        problems.push(`${where}: does not match schemas/${kind === 'validate' ? 'validate-result' : kind === 'audit' ? 'audit-report' : 'plan'}.schema.json: ${why.join('; ')}`)
      }
      return
    }
    case 'sarif':
    case 'gitlab':
      try {
        JSON.parse(text)
      } catch (error) {
        problems.push(`${where}: not JSON (${error.message})`)
      }
      return
    case 'yaml':
      // Read back by another implementation (js-yaml). Its JSON schema, not its "core" one, which
      // takes 1_000 for a number as YAML 1.1 did; the output promises YAML 1.2's core schema, and on
      // plain data the two read alike.
      try {
        parsed.set(text, jsYaml.load(text, {schema: jsYaml.JSON_SCHEMA}))
      } catch (error) {
        problems.push(`${where}: not YAML (${error.message.split('\n')[0]})`)
      }
      return
    case 'junit': {
      const result = XMLValidator.validate(text)
      if (result !== true) problems.push(`${where}: not well-formed XML (${result.err?.msg} at ${result.err?.line}:${result.err?.col})`)
      return
    }
    case 'csv': {
      let rows
      try {
        rows = parseCsv(text)
      } catch (error) {
        problems.push(`${where}: ${error.message}`)
        return
      }
      const width = rows[0]?.length ?? 0
      rows.forEach((row, r) => {
        if (row.length !== width) problems.push(`${where}: row ${r + 1} has ${row.length} cells, the header ${width}`)
        for (const cell of row) {
          if (/^[=+\-@\t\r]/.test(cell) && !/^-?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(cell)) problems.push(`${where}: row ${r + 1} has a cell a spreadsheet would run as a formula: ${JSON.stringify(cell.slice(0, 40))}`)
        }
      })
      return
    }
    case 'markdown': {
      let width
      for (const line of text.split('\n')) {
        if (!line.startsWith('|')) {
          width = undefined
          continue
        }
        const n = markdownCells(line).length
        width ??= n
        if (n !== width) {
          problems.push(`${where}: a table row has ${n} cells, the header ${width}: ${JSON.stringify(line.slice(0, 80))}`)
          return
        }
      }
      return
    }
    case 'github':
      for (const line of text.split('\n')) {
        if (line === '') continue
        if (line.startsWith('::') ? !/^::(error|warning|notice) file=[^\s:,]*,line=\d+,col=\d+,title=[^:]*::[^\r]*$/.test(line) : /::/.test(line.slice(0, 2))) {
          problems.push(`${where}: a line is not one whole workflow command: ${JSON.stringify(line.slice(0, 80))}`)
        }
        if (line.includes('\r')) problems.push(`${where}: a raw CR inside a workflow command`)
      }
      return
    case 'stylish':
    case 'table': {
      const bad = TERMINAL_UNSAFE.exec(text)
      if (bad) problems.push(`${where}: terminal output holds U+${bad[0].charCodeAt(0).toString(16).padStart(4, '0')}`)
      return
    }
    default:
      return
  }
}

function checkDiagnostics(diagnostics, bytes, input, problems) {
  let lines = 1
  for (const b of bytes) if (b === 10) lines++
  for (const d of diagnostics) {
    const at = `${d.file}:${d.line}:${d.column}`
    if (typeof d.file !== 'string' || d.file === '') problems.push(`a diagnostic without a file: ${JSON.stringify(d)}`)
    if (!Number.isInteger(d.line) || d.line < 1 || (d.file === '-' && d.line > lines)) problems.push(`diagnostic at ${at}: line outside the file (${lines} lines): ${d.message}`)
    if (!Number.isInteger(d.column) || d.column < 1) problems.push(`diagnostic at ${at}: column ${d.column}: ${d.message}`)
    if (typeof d.message !== 'string' || d.message.trim() === '') problems.push(`diagnostic at ${at}: no message`)
    if (typeof d.code !== 'string' || d.code === '') problems.push(`diagnostic at ${at}: no code`)
    if (typeof d.pointer !== 'string') problems.push(`diagnostic at ${at}: no pointer`)
    const leak = leaks(String(d.message), input)
    if (leak) problems.push(`diagnostic at ${at}: message looks like an internal error (${leak}): ${d.message}`)
  }
}

function checkPlan(planReport, problems) {
  const byRef = new Map(planReport.systems.map((s) => [s.ref, s]))
  const waveOf = new Map()
  planReport.waves.forEach((w, i) => {
    if (w.number !== i + 1) problems.push(`plan: wave ${i + 1} is numbered ${w.number}`)
    if (!(w.start <= w.end)) problems.push(`plan: wave ${w.number} ends (${w.end}) before it starts (${w.start})`)
    for (const ref of w.systems) waveOf.set(ref, w.number)
  })
  const groupWave = new Map()
  for (const s of planReport.systems) {
    if ((waveOf.get(s.ref) ?? null) !== s.wave) problems.push(`plan: ${s.ref} says wave ${s.wave}, the waves list it in ${waveOf.get(s.ref) ?? 'none'}`)
    if (s.wave === null) continue
    const g = groupWave.get(s.moveGroup)
    if (g !== undefined && g !== s.wave) problems.push(`plan: move group ${s.moveGroup} is split over waves ${g} and ${s.wave}`)
    groupWave.set(s.moveGroup, s.wave)
    // A tight link orders the moves: the dependant starts no earlier than its dependency's last wave. A loose one does not.
    const loose = new Set(s.looseDependsOn ?? [])
    const waveEnding = (end) => planReport.waves.findIndex((w) => w.end === end) + 1
    for (const d of s.dependsOn) {
      const dep = byRef.get(d)
      // A system being retired goes after its dependants instead, tight or loose (README "Planning").
      if (dep && dep.strategy === 'retire' && dep.wave !== null) {
        if (dep.moveGroup !== s.moveGroup && (dep.wave < waveEnding(s.end) || dep.end < s.end)) problems.push(`plan: ${d} is retired (waves ${dep.wave}–${waveEnding(dep.end)}) before ${s.ref} (waves ${s.wave}–${waveEnding(s.end)}), which depends on it, has moved`)
        continue
      }
      if (loose.has(d)) continue
      const depEnd = dep && dep.end ? waveEnding(dep.end) : null
      if (dep && dep.wave !== null && dep.moveGroup !== s.moveGroup && depEnd > s.wave) problems.push(`plan: ${s.ref} (wave ${s.wave}) moves before ${d} (waves ${dep.wave}–${depEnd}), which it depends on`)
    }
  }
  if (!Number.isInteger(planReport.daysPastDeadline)) problems.push(`plan: daysPastDeadline is ${planReport.daysPastDeadline}`)
}

function checkAudit(report, problems) {
  for (const s of report.systems) {
    if (!Number.isInteger(s.score) || s.score < 0 || s.score > 100) problems.push(`audit: ${s.ref} has score ${s.score}`)
    if (!(s.confidence >= 0 && s.confidence <= 1)) problems.push(`audit: ${s.ref} has confidence ${s.confidence}`)
    if (!['ready', 'ready-with-conditions', 'not-ready', 'unknown'].includes(s.readiness)) problems.push(`audit: ${s.ref} has readiness ${s.readiness}`)
    for (const f of s.findings) {
      if (!Number.isInteger(f.line) || f.line < 1 || !Number.isInteger(f.column) || f.column < 1) problems.push(`audit: finding ${f.rule} of ${s.ref} at ${f.line}:${f.column}`)
    }
  }
}

/** Deep equality where NaN equals NaN and -0 equals 0 (what a YAML or JSON round trip keeps). */
function same(a, b) {
  if (a === b || (Number.isNaN(a) && Number.isNaN(b))) return true
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  if (ka.length !== kb.length) return false
  return ka.every((k, i) => k === kb[i] && same(a[k], b[k]))
}

/** Every JSON pointer in `data` (bounded), for comparing positions. */
function pointers(data, out = [], prefix = '') {
  if (out.length > 2000 || data === null || typeof data !== 'object') return out
  for (const k of Object.keys(data)) {
    const p = `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`
    out.push(p)
    pointers(data[k], out, p)
  }
  return out
}

const utf8 = new TextDecoder('utf-8', {fatal: true})

function differential(m, bytes, problems) {
  // Only where the fast path answers: elsewhere parseBuffer is the exact path already.
  let text
  try {
    text = utf8.decode(bytes)
  } catch {
    return
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (m.fast.fastParse(text, new m.positions.PositionTable(text.length)) === null) return
  const fast = m.loader.parseBuffer('case.yaml', bytes)
  if (!fast.document) return
  const exact = m.loader.parseBuffer('case.yaml', bytes, {exactOnly: true})
  if (!exact.document) {
    problems.push(`fast and exact YAML paths disagree: the fast one accepts, the exact one says ${exact.diagnostics.map((d) => `${d.line}:${d.column} ${d.message}`).join('; ')}`)
    return
  }
  if (!same(fast.document.data, exact.document.data)) {
    problems.push('fast and exact YAML paths disagree on the data')
    return
  }
  for (const p of pointers(fast.document.data)) {
    const a = fast.document.locate(p)
    const b = exact.document.locate(p)
    if (a.line !== b.line || a.column !== b.column) {
      problems.push(`fast and exact YAML paths disagree on where ${p} is: ${a.line}:${a.column} vs ${b.line}:${b.column}`)
      return
    }
  }
}

/**
 * Runs one case. Returns `{outcome: {validate, audit, plan}, problems[], outputs}`: the exit code
 * each command would give, what is wrong (empty when all is well), and the outputs by name.
 */
export async function runCase(bytes, {root, differentialCheck = true, colour = false} = {}) {
  const m = await load(root)
  const problems = []
  const input = bytes.toString('latin1')
  const {companion, ...options} = optionsFor(bytes)
  const paths = companion ? ['-', path.join(root, companion)] : ['-']
  let result
  try {
    result = await m.core.runPlan({paths, readStdin: () => bytes, config: false, version: VERSION, ...options})
  } catch (error) {
    if (error instanceof m.errors.CloudreadyError) {
      const leak = leaks(error.message, input)
      if (leak) problems.push(`user error whose message looks internal: ${error.message}`)
      return {outcome: {validate: 2, audit: 2, plan: 2}, problems, outputs: {}}
    }
    problems.push(`exception: ${error?.stack ?? String(error)}`)
    return {outcome: {validate: 2, audit: 2, plan: 2}, problems, outputs: {}}
  }
  const outputs = {}
  const run = async (kind, registry, name, report) => {
    try {
      const {format} = await registry[name]()
      const text = format(report, {color: false, version: VERSION})
      outputs[`${kind}.${name}`] = text
      checkOutput(kind, name, text, input, m, problems)
      if (colour && (name === 'stylish' || name === 'table')) format(report, {color: true, version: VERSION})
    } catch (error) {
      problems.push(`${kind} --format ${name} threw: ${error?.stack ?? String(error)}`)
    }
  }
  checkDiagnostics(result.diagnostics, bytes, input, problems)
  const errors = result.diagnostics.filter((d) => d.severity === 'error')
  const validateReport = {valid: errors.length === 0, files: result.files, errors, warnings: result.diagnostics.filter((d) => d.severity === 'warning')}
  for (const name of Object.keys(m.formatters.validateFormatters)) await run('validate', m.formatters.validateFormatters, name, validateReport)
  let outcome
  if (errors.length > 0) {
    outcome = {validate: 2, audit: 2, plan: 2}
  } else {
    checkAudit(result.report, problems)
    checkPlan(result.planReport, problems)
    for (const name of Object.keys(m.formatters.auditFormatters)) await run('audit', m.formatters.auditFormatters, name, result.report)
    for (const name of Object.keys(m.formatters.planFormatters)) await run('plan', m.formatters.planFormatters, name, result.planReport)
    const failing = result.report.systems.some((s) => s.findings.some((f) => m.report.atOrAbove(f.severity, result.report.failOn)))
    outcome = {validate: 0, audit: failing ? 1 : 0, plan: 0}
    for (const kind of ['audit', 'plan']) {
      const json = outputs[`${kind}.json`]
      const yaml = outputs[`${kind}.yaml`]
      if (json && yaml && parsed.has(yaml)) {
        try {
          if (!same(JSON.parse(json), parsed.get(yaml))) problems.push(`${kind}: the YAML output does not carry the same data as the JSON output`)
        } catch {
          // Not JSON: already reported by checkOutput.
        }
      }
    }
  }
  parsed.clear()
  if (differentialCheck) {
    try {
      differential(m, bytes, problems)
    } catch (error) {
      problems.push(`differential check threw: ${error?.stack ?? String(error)}`)
    }
  }
  return {outcome, problems, outputs}
}
