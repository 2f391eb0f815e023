#!/usr/bin/env node
/**
 * Writes deterministic generated inventories for benchmarks and scale tests.
 *
 *   node scripts/generate.js --systems 10000 [--departments 1] [--seed 1] [--files 1] [--out bench/data]
 *                            [--no-cycles] [--no-cross-department] [--shape estate|chain|fan-in]
 *                            [--name NAME] [--no-json] [--yaml-features]
 *
 * One department in one file: <out>/<name>.yaml and its JSON twin <out>/<name>.json.
 * Several departments or --files N > 1: one inventory per department in <out>/<name>/<department>.yaml
 * (+ .json). With --files N each department's systems are split evenly over N files, each its own
 * department (d-001, d-002…: a department id may appear in one file only), with the references
 * between them rewritten as d-00k/sys-… so that they all still resolve.
 * The same arguments always produce byte-identical files. What was written goes to stderr.
 */
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {withYamlFeatures} from './lib/yaml-features.js'
import {chainEstate, fanInEstate, generateEstate, splitEstate, toInventory, toJsonBuffer, toYamlBuffer} from './lib/generate-estate.js'

const USAGE = `usage: node scripts/generate.js --systems N [options]

  --systems N             systems in total (required), spread evenly over the departments
  --departments N         departments (default 1)
  --seed N                seed of the generator (default 1); same arguments, same bytes
  --files N               split each department's systems evenly over N files (default 1)
  --out DIR               output folder (default bench/data)
  --name NAME             output name (default estate-<systems>[-<D>depts][-<N>files][-seed<S>]…)
  --shape SHAPE           estate (default) | chain (system i depends on i-1) | fan-in (all on one)
  --no-cycles             no dependency cycles (the graph is a DAG)
  --no-cross-department   no references between departments
  --no-json               do not write the JSON twins
  --yaml-features         also write <name>-plain.yaml and <name>-mixed.yaml: the same data, plainly and with
                          block scalars, multi-line names, anchors, aliases and merge keys (scripts/lib/yaml-features.js)
  -h, --help              this help`

function fail(message) {
  process.stderr.write(`generate: ${message}\n\n${USAGE}\n`)
  process.exit(2)
}

function integer(name, text, min) {
  if (text === undefined) return undefined
  if (!/^-?\d+$/.test(text)) fail(`--${name} must be an integer, got "${text}"`)
  const value = Number(text)
  if (!Number.isSafeInteger(value) || value < min) fail(`--${name} must be an integer ≥ ${min}, got ${text}`)
  return value
}

let parsed
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    strict: true,
    allowPositionals: false,
    options: {
      systems: {type: 'string'},
      departments: {type: 'string'},
      seed: {type: 'string'},
      files: {type: 'string'},
      out: {type: 'string'},
      name: {type: 'string'},
      'yaml-features': {type: 'boolean'},
      shape: {type: 'string'},
      'no-cycles': {type: 'boolean'},
      'no-cross-department': {type: 'boolean'},
      'no-json': {type: 'boolean'},
      help: {type: 'boolean', short: 'h'},
    },
  })
} catch (error) {
  fail(error.message)
}
const flags = parsed.values
if (flags.help) {
  process.stdout.write(USAGE + '\n')
  process.exit(0)
}

const systems = integer('systems', flags.systems, 1) ?? fail('--systems is required')
const departments = integer('departments', flags.departments, 1) ?? 1
const seed = integer('seed', flags.seed, Number.MIN_SAFE_INTEGER) ?? 1
const files = integer('files', flags.files, 1) ?? 1
const shape = flags.shape ?? 'estate'
const cycles = !flags['no-cycles']
const crossDepartment = !flags['no-cross-department']
const out = flags.out ?? join('bench', 'data')
if (!['estate', 'chain', 'fan-in'].includes(shape)) fail(`--shape must be estate, chain or fan-in, got "${shape}"`)
if (shape !== 'estate' && departments !== 1) fail(`--shape ${shape} makes one department; --departments does not apply`)
if (systems < departments * files) fail(`${systems} systems cannot fill ${departments * files} files (departments × files)`)

const name =
  flags.name ??
  [
    `${shape}-${systems}`,
    departments > 1 && `${departments}depts`,
    files > 1 && `${files}files`,
    seed !== 1 && shape === 'estate' && `seed${seed}`,
    !cycles && shape === 'estate' && 'nocycles',
    !crossDepartment && departments > 1 && 'nocross',
  ]
    .filter(Boolean)
    .join('-')
if (!/^[\w.-]+$/.test(name)) fail(`--name must be a plain file name (letters, digits, . _ -), got "${name}"`)

const started = performance.now()
const estate =
  shape === 'chain' ? chainEstate(systems) : shape === 'fan-in' ? fanInEstate(systems) : generateEstate({systems, departments, seed, cycles, crossDepartment})
const parts = splitEstate(estate, files)
const generated = performance.now()

const single = parts.length === 1
const folder = single ? out : join(out, name)
mkdirSync(folder, {recursive: true})

/** Writes whole or not at all: a temporary file next to the target, then a rename. */
function writeAtomically(path, bytes) {
  const temporary = `${path}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, bytes)
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, {force: true})
    throw error
  }
}

const mb = (bytes) => (bytes / 1e6).toFixed(2) + ' MB'
let totalBytes = 0
let fileCount = 0
for (const department of parts) {
  const inventory = toInventory(department)
  const base = join(folder, single ? name : department.id)
  const outputs = [['yaml', toYamlBuffer(inventory)]]
  if (!flags['no-json']) outputs.push(['json', toJsonBuffer(inventory)])
  if (flags['yaml-features']) {
    const {plain, mixed} = withYamlFeatures(outputs[0][1].toString('utf8'))
    outputs.push(['plain.yaml', Buffer.from(plain)], ['mixed.yaml', Buffer.from(mixed)])
  }
  for (const [extension, bytes] of outputs) {
    const path = extension.endsWith('.yaml') ? `${base}-${extension}` : `${base}.${extension}`
    writeAtomically(path, bytes)
    totalBytes += bytes.length
    fileCount++
    process.stderr.write(`wrote ${path}  ${mb(bytes.length)}  ${department.systems.length} systems (department ${department.id})\n`)
  }
}
const finished = performance.now()
process.stderr.write(
  `${systems} systems in ${parts.length} department${parts.length === 1 ? '' : 's'}, ${fileCount} file${fileCount === 1 ? '' : 's'}, ${mb(totalBytes)}` +
    ` — generated in ${((generated - started) / 1000).toFixed(2)} s, written in ${((finished - generated) / 1000).toFixed(2)} s\n`,
)
