#!/usr/bin/env node
/**
 * Regenerates the generated sections of README.md from the built tool (run `npm run build` first).
 *
 *   node scripts/docs.js           rewrites every generated section of README.md
 *   node scripts/docs.js --check   changes nothing; exits 1 naming each section that is stale
 *
 * A generated section is the text between `<!-- BEGIN name -->` and `<!-- END name -->`.
 * SECTIONS below maps each name to an async function that returns the section's Markdown.
 *
 * Adding a section (the rule catalogue, for instance):
 *   1. write `async function ruleCatalogue() { … return markdown }` in this file, reading what it
 *      needs from dist/ (e.g. the rule registry), never from src/;
 *   2. add `'rule-catalogue': ruleCatalogue` to SECTIONS;
 *   3. put `<!-- BEGIN rule-catalogue -->` and `<!-- END rule-catalogue -->` where it belongs in
 *      README.md and run `node scripts/docs.js`.
 * test/docs/readme-sync.test.ts checks every section in SECTIONS, so a new one is kept in sync
 * with no further work.
 */
import {readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
export const README = path.join(ROOT, 'README.md')
/** The long reference the README links to: the walkthrough, the brief, the rule catalogue, the error gallery. */
export const REFERENCE = path.join(ROOT, 'docs', 'reference.md')
/** Every file with generated sections; each section's markers are in exactly one of them. */
export const DOC_FILES = [README, REFERENCE]

/** The file that holds a section's markers. */
export function fileOf(name) {
  const found = DOC_FILES.filter((f) => readFileSync(f, 'utf8').includes(markers(name)[0]))
  if (found.length !== 1) throw new Error(`the section '${name}' must be in exactly one of ${DOC_FILES.map((f) => path.relative(ROOT, f)).join(', ')}`)
  return found[0]
}
const DIST = path.join(ROOT, 'dist')

/** Loads a module of the built tool, with a clear message when it has not been built. */
async function dist(relative) {
  const file = path.join(DIST, relative)
  try {
    statSync(file)
  } catch {
    throw new Error(`${path.relative(ROOT, file)} is missing: build first (npx tsc -p tsconfig.build.json, or npm run build)`)
  }
  return import(pathToFileURL(file).href)
}

// ---------------------------------------------------------------------------------------------
// Markdown helpers
// ---------------------------------------------------------------------------------------------

/** A table cell: `|` escaped (also inside code spans, as GitHub's tables require), no line breaks. */
export function cell(markdown) {
  return String(markdown)
    .replace(/\r?\n/g, ' ')
    .replace(/(?<!\\)\|/g, '\\|')
}

/** Text shown verbatim in a code span, whatever backticks it holds. */
export function code(text) {
  const runs = String(text).match(/`+/g) ?? []
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1)
  const pad = /^`|`$/.test(text) ? ' ' : ''
  return `${fence}${pad}${text}${pad}${fence}`
}

/** A Markdown table from a header row and body rows of already-formatted Markdown. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.map(cell).join(' | ')} |`
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n')
}

// ---------------------------------------------------------------------------------------------
// Section: invalid-gallery — every file in test/fixtures/invalid and what cloudready says about it
// ---------------------------------------------------------------------------------------------

export const INVALID_DIR = 'test/fixtures/invalid'
const MISTAKES = `${INVALID_DIR}/mistakes.json`

/** The fixtures, as `{name, path, description}` in the order of mistakes.json. */
export function invalidFixtures() {
  const described = JSON.parse(readFileSync(path.join(ROOT, MISTAKES), 'utf8'))
  delete described.$comment
  const onDisk = readdirSync(path.join(ROOT, INVALID_DIR), {withFileTypes: true})
    .filter((e) => e.isDirectory() || /\.ya?ml$/i.test(e.name))
    .map((e) => e.name)
  const missing = onDisk.filter((name) => !(name in described))
  const gone = Object.keys(described).filter((name) => !onDisk.includes(name))
  if (missing.length > 0 || gone.length > 0) {
    throw new Error(
      `${MISTAKES} is out of step with ${INVALID_DIR}/:` +
        (missing.length ? ` describe ${missing.join(', ')};` : '') +
        (gone.length ? ` no such fixture: ${gone.join(', ')};` : ''),
    )
  }
  return Object.entries(described).map(([name, description]) => ({name, path: `${INVALID_DIR}/${name}`, description}))
}

/**
 * What `cloudready validate PATH --format json` prints for one path, run from the repository root:
 * the same core call and JSON formatter the command uses, in-process, so the gallery takes seconds.
 */
export async function validateJson(relativePath) {
  const [{loadEstate}, {format}] = await Promise.all([dist('core/index.js'), dist('formatters/validate/json.js')])
  const {diagnostics, files} = await loadEstate([relativePath], {cwd: ROOT})
  const errors = diagnostics.filter((d) => d.severity === 'error')
  const report = {valid: errors.length === 0, files, errors, warnings: diagnostics.filter((d) => d.severity === 'warning')}
  return JSON.parse(format(report, {color: false, version: '0.0.0'}))
}

async function invalidGallery() {
  const rows = []
  for (const fixture of invalidFixtures()) {
    const result = await validateJson(fixture.path)
    const said = [...result.errors, ...result.warnings].map((d) => {
      // Inside a folder, name the file the message is about.
      const where = d.file === fixture.path ? '' : `${d.file.startsWith(`${fixture.path}/`) ? d.file.slice(fixture.path.length + 1) : d.file}:`
      return code(`${where}${d.line}:${d.column}  ${d.message}`)
    })
    const isFolder = statSync(path.join(ROOT, fixture.path)).isDirectory()
    // Linked from docs/reference.md, where the gallery lives.
    rows.push([`[${fixture.name}${isFolder ? '/' : ''}](../${fixture.path}${isFolder ? '/' : ''})`, fixture.description, said.join('<br>') || '(nothing: it passes)'])
  }
  return table(['file', 'what is wrong', 'what cloudready says'], rows)
}

// ---------------------------------------------------------------------------------------------
// The sections, and the machinery that splices them into README.md
// ---------------------------------------------------------------------------------------------

/**
 * The rule catalogue from the rules' own meta, each rule with an anchor (`#rule-id`) that SARIF's
 * helpUri and `cloudready explain` point at.
 */
async function ruleCatalogue() {
  const {RULES} = await dist('rules/index.js')
  const {BASELINE_RULES} = await dist('core/assess/baseline.js')
  const sources = (m) => m.sources.map((s) => (s.url ? `[${s.title}](${s.url})` : s.title)).join('; ')
  const rows = [...RULES.map((r) => r.meta), ...BASELINE_RULES].map((m) => [
    `<a id="${m.id}"></a>${code(m.id)}`,
    m.category,
    m.severity,
    m.description,
    m.remedy,
    sources(m),
  ])
  return table(['rule', 'category', 'severity', 'what it finds', 'what to do', 'source'], rows)
}

/**
 * The plan of the examples, as the README's walkthrough quotes it: the verdict, the waves, and the
 * systems the walkthrough talks about. Generated so the prose around it never quotes stale numbers.
 */
async function planWalkthrough() {
  const {runPlan} = await dist('core/index.js')
  const {format} = await dist('formatters/plan/table.js')
  const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const cwd = process.cwd()
  process.chdir(ROOT)
  try {
    const result = await runPlan({paths: ['examples'], asOf: '2026-11-27', version, config: false})
    const text = format(result.planReport, {color: false, version})
    const lines = text.split('\n')
    const picked = new Set(['hmrc/cesa', 'hmrc/etmp', 'hmrc/idms', 'hmrc/fis-intelligence', 'hmrc/nps', 'dwp/cis', 'hmrc/tax-credits', 'hmrc/payroll', 'home-office/pnc', 'hmrc/trade-statistics', 'hmrc/cds'])
    const systemsAt = lines.indexOf('Systems')
    const keep = [
      ...lines.slice(0, systemsAt + 2),
      ...lines.slice(systemsAt + 2).filter((l) => picked.has(l.split(' ')[0])),
      '…',
      ...lines.filter((l) => /^(Critical path|External constraints|warning):?/.test(l)),
    ]
    return ['```console', '$ npx cloudready plan examples --as-of 2026-11-27', ...keep, '```'].join('\n')
  } finally {
    process.chdir(cwd)
  }
}

/**
 * The tour: `validate` and `audit` of the examples as a new user runs them, the audit's findings cut
 * to the first two and its closing summary whole. Generated, so the README never quotes stale numbers.
 */
async function tour() {
  const {runAudit} = await dist('core/index.js')
  const {format: stylish} = await dist('formatters/audit/stylish.js')
  const {format: validateStylish} = await dist('formatters/validate/stylish.js')
  const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const cwd = process.cwd()
  process.chdir(ROOT)
  try {
    const result = await runAudit({paths: ['examples'], asOf: '2026-11-27', version, config: false})
    const errors = result.diagnostics.filter((d) => d.severity === "error")
    const validated = validateStylish({valid: errors.length === 0, files: result.files, errors, warnings: result.diagnostics.filter((d) => d.severity === "warning")}, {color: false, version}).trimEnd()
    const lines = stylish(result.report, {color: false, version}).trimEnd().split('\n')
    const summaryAt = lines.findIndex((l) => l.startsWith('cloudready audit of'))
    const findingsAt = lines.findIndex((l) => /^examples\/dwp\.yaml$/.test(l))
    const audit = [...lines.slice(findingsAt, findingsAt + 3), '  …', ...lines.slice(summaryAt)]
    return ['```console', '$ npx cloudready validate examples', validated, '', '$ npx cloudready audit examples --as-of 2026-11-27', ...audit, '```'].join('\n')
  } finally {
    process.chdir(cwd)
  }
}

/**
 * The league table and the brief of the examples, as `compare --by-department` and `report --brief
 * --format markdown` print them.
 */
async function leagueAndBrief() {
  const {runPlan} = await dist('core/index.js')
  const {buildBrief} = await dist('core/brief.js')
  const {format: briefMarkdown} = await dist('formatters/brief/markdown.js')
  const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const cwd = process.cwd()
  process.chdir(ROOT)
  try {
    const result = await runPlan({paths: ['examples'], asOf: '2026-11-27', version, config: false})
    const md = briefMarkdown(buildBrief(result, {}), {color: false, version}).trimEnd()
    return ['```markdown', '$ npx cloudready report examples --brief --format markdown --as-of 2026-11-27', md, '```'].join('\n')
  } finally {
    process.chdir(cwd)
  }
}

// ---------------------------------------------------------------------------------------------
// Section: inventory-fields — every field of a system, from schemas/inventory.schema.json, with an
// example from the bundled inventories
// ---------------------------------------------------------------------------------------------

/** [path, node, required, parent required] for every leaf field under a system, in schema order. */
function schemaFields(schema) {
  const rows = []
  const resolve = (node) => (node.$ref ? schema.$defs[node.$ref.split('/').pop()] : node)
  const walk = (node, at, required, parent) => {
    node = resolve(node)
    if (node.type === 'object' && node.properties) {
      for (const [key, child] of Object.entries(node.properties)) walk(child, at ? `${at}.${key}` : key, (node.required ?? []).includes(key), at ? {path: at, required} : undefined)
      return
    }
    if (node.type === 'array' && node.items && resolve(node.items).type === 'object') {
      walk(node.items, `${at}[]`, required, parent)
      return
    }
    rows.push({path: at, node, required, parent})
  }
  walk(schema.$defs.system, '', false, undefined)
  return rows
}

/** The first value of a dotted path (with [] for lists) in the examples' systems, as YAML writes it. */
function exampleOf(systems, fieldPath) {
  const get = (value, parts) => {
    if (parts.length === 0) return value
    const [head, ...rest] = parts
    const key = head.replace('[]', '')
    const next = value?.[key]
    if (next === undefined) return undefined
    if (head.endsWith('[]')) {
      for (const item of Array.isArray(next) ? next : []) {
        const v = get(item, rest)
        if (v !== undefined) return v
      }
      return undefined
    }
    return get(next, rest)
  }
  for (const s of systems) {
    const v = get(s, fieldPath.split('.'))
    if (v !== undefined) return v
  }
  return undefined
}

function typeOf(node) {
  if (node.enum) return 'one of'
  if (node.format === 'date' || node.$ref?.endsWith('/date')) return 'date'
  if (node.type === 'array') return node.items?.oneOf ? 'list of references' : `list of ${node.items?.type ?? 'values'}s`
  return node.type ?? 'value'
}

async function inventoryFields() {
  const {parse} = await import('yaml')
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'schemas', 'inventory.schema.json'), 'utf8'))
  const systems = []
  for (const f of readdirSync(path.join(ROOT, 'examples')).filter((x) => x.endsWith('.yaml')).sort()) systems.push(...parse(readFileSync(path.join(ROOT, 'examples', f), 'utf8')).systems)
  const rows = schemaFields(schema).map(({path: field, node, required, parent}) => {
    const resolved = node.$ref ? schema.$defs[node.$ref.split('/').pop()] : node
    const need = required ? (parent ? `with \`${parent.path}\`` : 'yes') : ''
    let values = resolved.enum ? resolved.enum.map((v) => code(v)).join(' ') : ''
    if (field === 'dependencies') values = `${code('id')}, ${code('department/id')} or ${code('{system: id, coupling: tight|loose}')}`
    if (!values) {
      const example = exampleOf(systems, field)
      // As YAML needs it written: a version that looks like a number quoted, a list in brackets.
      const shown = Array.isArray(example) ? `[${example.join(', ')}]` : resolved.type === 'string' && /^[0-9.]+$/.test(String(example)) ? `"${example}"` : String(example)
      values = example === undefined ? '' : code(shown)
    }
    return [code(field), typeOf(resolved), need, values]
  })
  return table(['system field', 'type', 'required', 'allowed values, or an example'], rows)
}

/**
 * Trend on a generated history (scripts/generate-history.js: 120 commits over five years of the
 * examples' three departments), as `trend --every quarter` prints it, up to its burn-up.
 */
async function trendTour() {
  const {runTrend} = await dist('core/trend/index.js')
  const {format} = await dist('formatters/trend/table.js')
  const {version} = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
  const {mkdtempSync, rmSync} = await import('node:fs')
  const {tmpdir} = await import('node:os')
  const {spawnSync} = await import('node:child_process')
  const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-docs-history-'))
  try {
    const gen = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate-history.js'), '--out', dir, '--commits', '120', '--years', '5', '--end', '2026-11-27'], {encoding: 'utf8'})
    if (gen.status !== 0) throw new Error(`generate-history failed: ${gen.stderr}`)
    const report = await runTrend({paths: ['inventory'], cwd: dir, asOf: '2026-11-27', every: 'quarter', version, config: false})
    const lines = format(report, {color: false, version}).split('\n')
    // The measures; the burn-up and the points after them are in the screenshot below.
    const end = lines.findIndex((l) => l.startsWith('Over the last 12 months') || l.startsWith('Scope:'))
    return ['```console', '$ node scripts/generate-history.js --out history && cd history   # five years of the examples, 120 commits', '$ npx cloudready trend inventory/ --every quarter --as-of 2026-11-27', ...lines.slice(0, end).map((l) => l.trimEnd()), '…', '```'].join('\n')
  } finally {
    rmSync(dir, {recursive: true, force: true})
  }
}

/** Section name → async () => Markdown. Add generated sections here (see the top of this file). */
export const SECTIONS = {
  'invalid-gallery': invalidGallery,
  'rule-catalogue': ruleCatalogue,
  'plan-walkthrough': planWalkthrough,
  tour,
  'league-and-brief': leagueAndBrief,
  'inventory-fields': inventoryFields,
  'trend-tour': trendTour,
}

const markers = (name) => [`<!-- BEGIN ${name} -->`, `<!-- END ${name} -->`]

/** The current text between a section's markers, or an error when they are missing or misplaced. */
export function currentSection(readme, name) {
  const [begin, end] = markers(name)
  const start = readme.indexOf(begin)
  const stop = readme.indexOf(end)
  if (start === -1 || stop === -1 || stop < start || readme.indexOf(begin, start + 1) !== -1) {
    throw new Error(`README.md needs exactly one '${begin}' followed by '${end}'`)
  }
  return readme.slice(start + begin.length, stop).replace(/^\r?\n/, '').replace(/\r?\n$/, '')
}

/** Generates every section (or those named) and returns the README with them in place. */
export async function render(readme, names = Object.keys(SECTIONS)) {
  let text = readme
  const stale = []
  for (const name of names) {
    const generate = SECTIONS[name]
    if (!generate) throw new Error(`no generated section '${name}' (known: ${Object.keys(SECTIONS).join(', ')})`)
    const [begin, end] = markers(name)
    const before = currentSection(text, name)
    const after = (await generate()).replace(/\s+$/, '')
    if (before !== after) stale.push(name)
    const start = text.indexOf(begin) + begin.length
    text = `${text.slice(0, start)}\n${after}\n${text.slice(text.indexOf(end))}`
  }
  return {text, stale}
}

async function main(argv) {
  const check = argv.includes('--check')
  const unknown = argv.filter((a) => a !== '--check')
  if (unknown.length > 0) {
    process.stderr.write(`docs.js: unknown argument ${unknown[0]}\nusage: node scripts/docs.js [--check]\n`)
    return 2
  }
  let stale = 0
  for (const file of DOC_FILES) {
    const name = path.relative(ROOT, file)
    const before = readFileSync(file, 'utf8')
    const {text, stale: here} = await render(before, Object.keys(SECTIONS).filter((s) => fileOf(s) === file))
    stale += here.length
    if (check) {
      for (const section of here) process.stderr.write(`${name}: the '${section}' section is stale: run node scripts/docs.js (after npm run build) and commit ${name}\n`)
      continue
    }
    if (text !== before) writeFileSync(file, text)
    process.stdout.write(here.length > 0 ? `${name}: regenerated ${here.join(', ')}\n` : `${name}: already up to date\n`)
  }
  if (check && stale === 0) process.stdout.write(`${Object.keys(SECTIONS).length} generated section(s) up to date\n`)
  return check && stale > 0 ? 1 : 0
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code
    },
    (error) => {
      process.stderr.write(`docs.js: ${error instanceof Error ? error.message : String(error)}\n`)
      process.exitCode = 2
    },
  )
}
