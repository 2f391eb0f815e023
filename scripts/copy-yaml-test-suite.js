#!/usr/bin/env node
/**
 * Copies the official YAML test suite's cases into test/fixtures/yaml-test-suite/cases.json (one
 * file: id, title, the input, the expected JSON documents, the expected events, and whether the
 * input is an error), with its licence. Run once per suite release:
 *
 *   node scripts/copy-yaml-test-suite.js PATH/TO/yaml-test-suite   (the `data` branch of yaml/yaml-test-suite)
 */
import {copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const from = process.argv[2]
if (!from || !existsSync(path.join(from, 'LICENSE'))) {
  process.stderr.write('usage: node scripts/copy-yaml-test-suite.js PATH/TO/yaml-test-suite (a checkout of its data branch)\n')
  process.exit(2)
}
const to = fileURLToPath(new URL('../test/fixtures/yaml-test-suite/', import.meta.url))
const read = (dir, name) => (existsSync(path.join(dir, name)) ? readFileSync(path.join(dir, name), 'utf8') : null)
const cases = []
const add = (id, dir) => cases.push({id, title: (read(dir, '===') ?? '').trim(), yaml: read(dir, 'in.yaml'), json: read(dir, 'in.json'), error: existsSync(path.join(dir, 'error')), events: read(dir, 'test.event')})
for (const d of readdirSync(from).sort()) {
  const dir = path.join(from, d)
  if (!statSync(dir).isDirectory()) continue
  if (existsSync(path.join(dir, 'in.yaml'))) add(d, dir)
  else for (const s of readdirSync(dir).sort()) if (existsSync(path.join(dir, s, 'in.yaml'))) add(`${d}/${s}`, path.join(dir, s))
}
writeFileSync(path.join(to, 'cases.json'), `${JSON.stringify(cases, null, 1)}\n`)
copyFileSync(path.join(from, 'LICENSE'), path.join(to, 'LICENSE'))
process.stderr.write(`copy-yaml-test-suite: ${cases.length} cases\n`)
