#!/usr/bin/env node
/**
 * Writes a git repository whose history is an estate's progress, for `trend` benchmarks and tests.
 *
 *   node scripts/generate-history.js --out DIR [--commits 1000] [--years 5] [--end 2026-11-27] [--seed 1]
 *
 * Starts from the three bundled example inventories (in DIR/inventory/) and makes N commits spread
 * evenly over the years before --end: systems migrating (status migrated, completed that day, hosted
 * at their target), platforms upgraded (RHEL to 9, Windows Server to 2022), systems added, target
 * dates pushed back six months, and notes edited (a commit that changes nothing the tool judges).
 * Written with `git fast-import` (a thousand commits in well under a second) and checked out, so the
 * working copy is clean. The same arguments give the same commits, byte for byte.
 */
import {execFileSync} from 'node:child_process'
import {mkdirSync, readFileSync, rmSync} from 'node:fs'
import {join} from 'node:path'
import {parseArgs} from 'node:util'
import {parse, stringify} from 'yaml'

const {values} = parseArgs({options: {out: {type: 'string'}, commits: {type: 'string', default: '1000'}, years: {type: 'string', default: '5'}, end: {type: 'string', default: '2026-11-27'}, seed: {type: 'string', default: '1'}}})
if (!values.out) {
  process.stderr.write('usage: node scripts/generate-history.js --out DIR [--commits N] [--years Y] [--end YYYY-MM-DD] [--seed S]\n')
  process.exit(2)
}
const commits = Number(values.commits)
const years = Number(values.years)
const endTime = Date.parse(`${values.end}T12:00:00Z`) / 1000
const startTime = endTime - Math.round(years * 365.2425 * 86400)

// A small deterministic generator (mulberry32).
let state = Number(values.seed) >>> 0
function random() {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = (list) => list[Math.floor(random() * list.length)]

const here = new URL('../examples/', import.meta.url)
const files = ['dwp.yaml', 'hmrc.yaml', 'home-office.yaml']
const inventories = Object.fromEntries(files.map((f) => [f, parse(readFileSync(new URL(f, here), 'utf8'))]))
const DONE = new Set(['migrated', 'retired'])
const dateOf = (t) => new Date(t * 1000).toISOString().slice(0, 10)
const addMonths = (date, n) => {
  const d = new Date(`${date}T00:00:00Z`)
  d.setUTCMonth(d.getUTCMonth() + n)
  return d.toISOString().slice(0, 10)
}

let added = 0
/** One change to one inventory; returns its file and the commit message. */
function change(date) {
  const file = pick(files)
  const inv = inventories[file]
  const open = inv.systems.filter((s) => !DONE.has(s.migration?.status ?? '') && s.migration?.strategy !== 'retain')
  const roll = random()
  if (roll < 0.05 && open.length > 0) {
    const s = pick(open)
    const target = s.migration?.target
    s.migration = {...s.migration, status: s.migration?.strategy === 'retire' ? 'retired' : 'migrated', completed: date}
    if (target && s.migration.status === 'migrated') s.hosting = target
    return [file, `${inv.department.id}/${s.id}: ${s.migration.status}`]
  }
  if (roll < 0.1) {
    const s = pick(inv.systems.filter((x) => x.os && /^(rhel|windows-server)$/.test(x.os.name) && !['9', '2022'].includes(String(x.os.version))).concat([undefined]))
    if (s) {
      s.os = {...s.os, version: s.os.name === 'rhel' ? '9' : '2022'}
      return [file, `${inv.department.id}/${s.id}: ${s.os.name} upgraded to ${s.os.version}`]
    }
  }
  if (roll < 0.13 && open.length > 0) {
    const base = pick(open)
    const copy = structuredClone(base)
    copy.id = `${base.id}-n${++added}`
    copy.name = `${base.name} (${added})`
    delete copy.dependencies
    inv.systems.push(copy)
    return [file, `${inv.department.id}/${copy.id}: added`]
  }
  if (roll < 0.25) {
    const dated = open.filter((s) => s.migration?.target_date)
    if (dated.length) {
      const s = pick(dated)
      s.migration.target_date = addMonths(String(s.migration.target_date), 6)
      return [file, `${inv.department.id}/${s.id}: target date pushed back to ${s.migration.target_date}`]
    }
  }
  inv['x-notes'] = `reviewed on ${date}`
  return [file, `${inv.department.id}: notes`]
}

rmSync(values.out, {recursive: true, force: true})
mkdirSync(values.out, {recursive: true})
const git = (args, input) => execFileSync('git', args, {cwd: values.out, input, env: {...process.env, GIT_CONFIG_NOSYSTEM: '1'}, stdio: ['pipe', 'pipe', 'inherit']})
git(['init', '-q', '-b', 'main'])
const chunks = []
const data = (text) => {
  const bytes = Buffer.from(text, 'utf8')
  chunks.push(Buffer.from(`data ${bytes.length}\n`), bytes, Buffer.from('\n'))
}
const body = (inv) => stringify(inv, {lineWidth: 0})
for (let i = 0; i < commits; i++) {
  const time = commits === 1 ? endTime : Math.round(startTime + ((endTime - startTime) * i) / (commits - 1))
  const changed = i === 0 ? files.map((f) => [f, 'the estate as first recorded']) : [change(dateOf(time))]
  chunks.push(Buffer.from(`commit refs/heads/main\nmark :${i + 1}\ncommitter Generator <generator@example.org> ${time} +0000\n`))
  data(changed[0][1])
  if (i > 0) chunks.push(Buffer.from(`from :${i}\n`))
  for (const [file] of changed) {
    chunks.push(Buffer.from(`M 100644 inline inventory/${file}\n`))
    data(body(inventories[file]))
  }
  chunks.push(Buffer.from('\n'))
}
git(['fast-import', '--quiet'], Buffer.concat(chunks))
git(['checkout', '-q', '-f', 'main'])
process.stderr.write(`generate-history: ${commits} commits from ${dateOf(startTime)} to ${dateOf(endTime)} in ${join(values.out, 'inventory')}\n`)
