#!/usr/bin/env node
// One measurement in a fresh process, so each method's peak memory is its own:
//   node scripts/bench-child.js <method> <file> <runs>
// prints {"times": [ms…], "maxRssMb": n, "check": …} on stdout.
import {readFileSync} from 'node:fs'
import {resourceUsage} from 'node:process'

const [method, file, runsArg] = process.argv.slice(2)
const runs = Number(runsArg ?? 1)

const methods = {
  // The JSON twin of the same inventory: the floor any text format can hope for.
  async 'json-parse'() {
    return () => JSON.parse(readFileSync(file, 'utf8')).systems.length
  },
  async 'js-yaml'() {
    const {default: jsyaml} = await import('js-yaml')
    return () => jsyaml.load(readFileSync(file, 'utf8'), {schema: jsyaml.CORE_SCHEMA}).systems.length
  },
  async 'yaml-parse'() {
    const {parse} = await import('yaml')
    return () => parse(readFileSync(file, 'utf8'), {schema: 'core'}).systems.length
  },
  // cloudready's whole boundary: read, parse with positions, schema, references.
  async 'cloudready-load-validate'() {
    const {loadEstate} = await import('../dist/core/index.js')
    return async () => {
      const r = await loadEstate([file])
      if (r.diagnostics.some((d) => d.severity === 'error')) throw new Error(`invalid: ${r.diagnostics[0].message}`)
      return r.estate.systems.size
    }
  },
  async 'cloudready-parse'() {
    const {loadPaths} = await import('../dist/core/load/index.js')
    return () => loadPaths([file]).documents.length
  },
}

const make = methods[method]
if (!make) {
  process.stderr.write(`unknown method ${method}\n`)
  process.exit(2)
}
const fn = await make()
const times = []
let check
for (let i = 0; i < runs; i++) {
  const t = performance.now()
  check = await fn()
  times.push(performance.now() - t)
}
process.stdout.write(`${JSON.stringify({times, maxRssMb: resourceUsage().maxRSS / 1024, check})}\n`)
