/**
 * The README as a new user reads it: every `npx cloudready …` line of its shell examples runs as
 * shown (exit 0 or 1, never a usage error or a crash) in a folder laid out as the examples assume —
 * `inventory/` holding the three bundled departments, `hmrc/` and `dwp/` one each, `cmdb.csv` a CMDB export, `main.audit.json`
 * an earlier audit, all committed to git — and the README stays a page for users: at most 25 KB, no link out of the repository.
 */
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, describe, expect, it} from 'vitest'

import {cliRun, ROOT, STACK_TRACE} from '../helpers/cli.js'
import {git} from '../helpers/git-history.js'

const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8')

/** Each `npx cloudready` line of a ```sh block: its arguments (quotes honoured), and a file piped to it. */
function commands(): Array<{line: string; args: string[]; input?: string}> {
  const out: Array<{line: string; args: string[]; input?: string}> = []
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1].split('\n')) {
      const line = raw.replace(/\s{2,}#.*$/, '').trim()
      const m = /^(?:cat (\S+) \| )?npx cloudready (.*?)(?: > \S+)?$/.exec(line)
      if (!m) continue
      const args = [...m[2].matchAll(/"([^"]*)"|(\S+)/g)].map((t) => t[1] ?? t[2])
      out.push({line, args, input: m[1]})
    }
  }
  return out
}

const base = mkdtempSync(path.join(tmpdir(), 'cloudready-readme-'))
afterAll(() => rmSync(base, {recursive: true, force: true}))

let n = 0
/** A fresh folder as the README's examples assume it. */
async function workspace(): Promise<string> {
  const dir = path.join(base, String(n++))
  for (const sub of ['inventory', 'hmrc', 'dwp']) mkdirSync(path.join(dir, sub), {recursive: true})
  for (const f of ['dwp.yaml', 'hmrc.yaml', 'home-office.yaml']) copyFileSync(path.join(ROOT, 'examples', f), path.join(dir, 'inventory', f))
  copyFileSync(path.join(ROOT, 'examples/hmrc.yaml'), path.join(dir, 'hmrc', 'hmrc.yaml'))
  copyFileSync(path.join(ROOT, 'examples/dwp.yaml'), path.join(dir, 'dwp', 'dwp.yaml'))
  copyFileSync(path.join(ROOT, 'examples/hmrc.yaml'), path.join(dir, 'hmrc.yaml'))
  // A CMDB export for `import`.
  copyFileSync(path.join(ROOT, 'test/fixtures/import/servicenow-business-apps.csv'), path.join(dir, 'cmdb.csv'))
  await cliRun(['audit', 'inventory', '--as-of', '2026-11-27', '--format', 'json', '-o', 'main.audit.json', '--quiet'], {cwd: dir})
  // An inventory repository: `trend` reads its history.
  git(dir, ['init', '-q', '-b', 'main'])
  git(dir, ['add', '-A'])
  git(dir, ['commit', '-q', '-m', 'inventory'], '2026-11-27')
  return dir
}

describe('the README', () => {
  it('holds shell examples to run (the set-up aside)', () => {
    expect(commands().length).toBeGreaterThanOrEqual(12)
  })

  it.each(commands().map((c) => [c.line, c] as const))('%s', async (_line, c) => {
    // `init` is for a repository with no inventory yet.
    const dir = c.args[0] === 'init' ? mkdtempSync(path.join(base, 'init-')) : await workspace()
    const input = c.input ? readFileSync(path.join(dir, c.input), 'utf8') : undefined
    const run = await cliRun(c.args, {cwd: dir, ...(input === undefined ? {} : {input})})
    expect(run.stderr).not.toMatch(STACK_TRACE)
    expect([0, 1], `${c.line}: exit ${run.code}\n${run.stderr.slice(0, 500)}`).toContain(run.code)
    const out = c.args[c.args.indexOf('-o') + 1]
    if (c.args.includes('-o')) expect(existsSync(path.join(dir, out)), `${out} written`).toBe(true)
  })

  it('is a page for users: at most 25 KB, every relative link to a file of the repository, none out of it', () => {
    expect(Buffer.byteLength(README)).toBeLessThanOrEqual(25_000)
    for (const m of README.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
      const target = m[1]
      if (/^https?:/.test(target)) continue
      expect(target.startsWith('..'), `${target} points out of the repository`).toBe(false)
      expect(existsSync(path.join(ROOT, target)), `${target} exists`).toBe(true)
    }
  })
})
