/**
 * The README's GitHub Actions workflow and GitLab CI job, run for real: every `run:` step and
 * `script:` line (but the install) in a scratch git repository whose pull request adds one
 * Windows Server 2008 system. `cloudready` is this checkout's build.
 */
import {spawnSync} from 'node:child_process'
import {chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {XMLValidator} from 'fast-xml-parser'
import {beforeAll, describe, expect, it} from 'vitest'
import {parse} from 'yaml'

import {BIN, ROOT} from '../helpers/cli.js'

function example(name: string): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8')
  const at = readme.indexOf(`<!-- ci-example: ${name} -->`)
  expect(at, `README.md has a ci-example: ${name}`).toBeGreaterThan(-1)
  const m = /```yaml\n([\s\S]*?)```/.exec(readme.slice(at))
  return m![1]
}

const NEW_SYSTEM = `  - id: new-legacy-box
    name: New Legacy Box
    owner: Platform team
    criticality: medium
    hosting: on-premises
    platform:
      os: {name: windows-server, version: "2008"}
`

function sh(script: string, cwd: string, env: Record<string, string> = {}) {
  const r = spawnSync('bash', ['-e', '-c', script], {cwd, encoding: 'utf8', env: {...process.env, NO_COLOR: '1', ...env}, timeout: 120_000})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

let work: string
let binDir: string
let originRepo: string

beforeAll(() => {
  const root = mkdtempSync(path.join(tmpdir(), 'cloudready-ci-'))
  binDir = path.join(root, 'bin')
  mkdirSync(binDir)
  // `cloudready` on the PATH, as `npm install --global cloudready` would leave it.
  writeFileSync(path.join(binDir, 'cloudready'), `#!/usr/bin/env bash\nexec "${process.execPath}" "${BIN}" "$@"\n`)
  chmodSync(path.join(binDir, 'cloudready'), 0o755)
  const origin = path.join(root, 'origin.git')
  originRepo = origin
  work = path.join(root, 'work')
  const git = (args: string, cwd: string) => {
    const r = spawnSync('bash', ['-e', '-c', `git ${args}`], {cwd, encoding: 'utf8', env: {...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t'}})
    if (r.status !== 0) throw new Error(`git ${args}: ${r.stderr}`)
  }
  git(`init -q --bare -b main ${origin}`, root)
  git(`clone -q ${origin} ${work}`, root)
  cpSync(path.join(ROOT, 'examples'), path.join(work, 'inventory'), {recursive: true})
  git('checkout -q -b main', work)
  git('add -A && git commit -q -m inventory && git push -q origin main', work)
  git('checkout -q -b change', work)
  writeFileSync(path.join(work, 'inventory', 'hmrc.yaml'), readFileSync(path.join(work, 'inventory', 'hmrc.yaml'), 'utf8') + NEW_SYSTEM)
  git('commit -q -am "add a legacy box"', work)
})

describe('the README GitHub Actions workflow', () => {
  it('runs: validate passes, SARIF is written, the baseline gate fails on exactly the new system', () => {
    const workflow = parse(example('github')) as {jobs: Record<string, {steps: Array<{run?: string; name?: string}>}>}
    const steps = Object.values(workflow.jobs)[0].steps.filter((s) => s.run && !s.run.startsWith('npm install'))
    expect(steps.map((s) => s.name)).toEqual(['Validate the inventory', 'Audit for code scanning', 'Audit the target branch (the baseline)', 'Fail on what this pull request makes worse'])
    const env = {PATH: `${binDir}:${process.env.PATH}`, GITHUB_BASE_REF: 'main'}
    const results = steps.map((s) => sh(s.run!, work, env))
    expect(results.slice(0, 3).map((r) => r.code), JSON.stringify(results.map((r) => r.stderr))).toEqual([0, 0, 0])
    expect(existsSync(path.join(work, 'cloudready.sarif'))).toBe(true)
    expect(JSON.parse(readFileSync(path.join(work, 'cloudready.sarif'), 'utf8')).version).toBe('2.1.0')
    const gate = results[3]
    expect(gate.code).toBe(1)
    const annotations = gate.stdout.split('\n').filter((l) => l.startsWith('::'))
    expect(annotations.length).toBeGreaterThan(0)
    for (const a of annotations) expect(a).toContain('new-legacy-box')
    expect(annotations.some((a) => a.includes('platform-end-of-support'))).toBe(true)
  })
})

describe('the README GitLab CI job', () => {
  it('runs: JUnit and Code Quality reports are written and parse', () => {
    const job = Object.values(parse(example('gitlab')) as Record<string, {script: string[]; artifacts: {reports: {codequality: string; junit: string[]}}}>)[0]
    const lines = job.script.filter((l) => !l.startsWith('npm install'))
    const env = {PATH: `${binDir}:${process.env.PATH}`}
    const codes = lines.map((l) => sh(l, work, env).code)
    // The audit's JUnit line fails on critical findings, which the examples have (SECRET data bound for public cloud).
    expect(codes).toEqual([0, 0, 1])
    const quality = JSON.parse(readFileSync(path.join(work, job.artifacts.reports.codequality), 'utf8')) as unknown[]
    expect(quality.length).toBeGreaterThan(0)
    for (const f of job.artifacts.reports.junit) expect(XMLValidator.validate(readFileSync(path.join(work, f), 'utf8'))).toBe(true)
  })
})

describe('the README scheduled trend jobs', () => {
  // A full clone of its own: the pull-request workflow's `git fetch --depth=1` made the other one shallow.
  let full: string
  beforeAll(() => {
    full = mkdtempSync(path.join(tmpdir(), 'cloudready-ci-trend-'))
    const r = spawnSync('git', ['clone', '-q', originRepo, full], {encoding: 'utf8'})
    if (r.status !== 0) throw new Error(r.stderr)
  })

  it('GitHub Actions: fetches the whole history and writes trend.html from it', () => {
    const workflow = parse(example('github-trend')) as {jobs: Record<string, {steps: Array<{run?: string; uses?: string; with?: Record<string, unknown>}>}>}
    const steps = Object.values(workflow.jobs)[0].steps
    expect(steps.find((s) => s.uses?.startsWith('actions/checkout'))?.with?.['fetch-depth']).toBe(0)
    const runs = steps.filter((s) => s.run && !s.run.startsWith('npm install'))
    const env = {PATH: `${binDir}:${process.env.PATH}`}
    for (const s of runs) {
      const r = sh(s.run!, full, env)
      expect(r.code, r.stderr).toBe(0)
    }
    const html = readFileSync(path.join(full, 'trend.html'), 'utf8')
    expect(html).toContain('id="trend-burn-up"')
    expect(steps.find((s) => s.uses?.startsWith('actions/upload-artifact'))?.with?.path).toBe('trend.html')
  })

  it('GitLab: the whole history (GIT_DEPTH 0), trend.html as an artifact', () => {
    const job = Object.values(parse(example('gitlab-trend')) as Record<string, {script: string[]; variables: Record<string, unknown>; artifacts: {paths: string[]}}>)[0]
    expect(job.variables.GIT_DEPTH).toBe(0)
    const env = {PATH: `${binDir}:${process.env.PATH}`}
    for (const l of job.script.filter((x) => !x.startsWith('npm install'))) expect(sh(l, full, env).code).toBe(0)
    for (const f of job.artifacts.paths) expect(readFileSync(path.join(full, f), 'utf8')).toContain('id="trend-forecast"')
  })
})
