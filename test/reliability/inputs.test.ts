/**
 * Every input is read whole or refused, and nothing makes cloudready wait for ever (reliability, second
 * pass): standard input is a stream read to its end however slowly it comes and stopped at
 * --max-file-size; a FIFO or a device named as an inventory, a config, a lifecycle table, a baseline or a
 * compare input is refused before it is opened. Real processes: a pipe, a FIFO and /dev/zero are what
 * is being tested.
 */
import {spawn, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {setTimeout as sleep} from 'node:timers/promises'

import {afterAll, describe, expect, it} from 'vitest'

import {BIN, cliAsync, ROOT, type RunResult, STACK_TRACE, userLines} from '../helpers/cli.js'

const AS_OF = '2026-11-27'
const dir = mkdtempSync(path.join(tmpdir(), 'cloudready-inputs-'))
afterAll(() => rmSync(dir, {recursive: true, force: true}))

/** `cloudready ARGS` with standard input fed as `feed` says (chunks, pauses), or taken from a file. */
function piped(args: string[], feed: (stdin: NodeJS.WritableStream) => Promise<void>): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {cwd: ROOT, env: {...process.env, NO_COLOR: '1'}, stdio: ['pipe', 'pipe', 'pipe']})
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.on('data', (b: Buffer) => err.push(b))
    child.stdin.on('error', () => undefined) // the reader may stop early (over the limit): not a test failure
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`cloudready ${args.join(' ')}: still running after 30 s`))
    }, 30_000)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8')})
    })
    feed(child.stdin).then(
      () => child.stdin.end(),
      () => child.stdin.destroy(),
    )
  })
}

const HMRC = readFileSync(path.join(ROOT, 'examples/hmrc.yaml'))

describe('standard input', () => {
  it('a slow writer: the inventory arrives in pieces, a pause between them, and is read whole', async () => {
    const r = await piped(['validate', '-'], async (stdin) => {
      for (let at = 0; at < HMRC.length; at += 4096) {
        stdin.write(HMRC.subarray(at, at + 4096))
        if (at === 0) await sleep(700)
      }
    })
    expect(r.stderr).not.toMatch(STACK_TRACE)
    expect(r.code, r.stdout).toBe(0)
    expect(r.stdout).toContain('(0 errors, 4 warnings)')
  })

  it('a few megabytes through a pipe (far more than its 64 KB buffer) are read whole', async () => {
    // The same department many times over would be one file with duplicate keys: one inventory of 4,000 systems instead.
    const gen = (await import(new URL('../../scripts/lib/generate-estate.js', import.meta.url).href)) as {generateEstate(o: object): object[]; toInventory(d: object): object; toYamlBuffer(v: object): Buffer}
    const [dept] = gen.generateEstate({systems: 4000, departments: 1, seed: 5})
    const big = gen.toYamlBuffer(gen.toInventory(dept))
    expect(big.length).toBeGreaterThan(1024 * 1024)
    const r = await piped(['audit', '-', '--as-of', AS_OF, '--format', 'json', '--no-config'], async (stdin) => {
      for (let at = 0; at < big.length; at += 65536) if (!stdin.write(big.subarray(at, at + 65536))) await new Promise((ok) => stdin.once('drain', ok))
    })
    expect(r.stderr).not.toMatch(STACK_TRACE)
    expect([0, 1]).toContain(r.code)
    expect((JSON.parse(r.stdout) as {systems: unknown[]}).systems).toHaveLength(4000)
  })

  it('/dev/zero stops at --max-file-size: exit 2, naming the limit, in bounded time and memory', async () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" validate - --max-file-size 2 < /dev/zero`], {cwd: ROOT, encoding: 'utf8', timeout: 30_000})
    expect(r.status).toBe(2)
    expect(r.stdout).toContain('file is more than 2.0 MiB, the limit for one inventory file; raise it with --max-file-size')
  })
})

describe('paths that are not files', () => {
  const fifo = path.join(dir, 'pipe.yaml')
  spawnSync('mkfifo', [fifo])

  it.each([
    ['an inventory', ['validate', fifo], /pipe\.yaml\n\s+1:1\s+error\s+is a named pipe \(FIFO\), not a file/],
    ['a config', ['audit', 'examples', '--config', fifo, '--as-of', AS_OF], /the config is a named pipe \(FIFO\), not a file/],
    ['a lifecycle table', ['audit', 'examples', '--lifecycle', fifo, '--as-of', AS_OF], /cannot read the lifecycle table .*pipe\.yaml: is a named pipe \(FIFO\), not a file/],
    ['a baseline', ['audit', 'examples', '--baseline', fifo, '--as-of', AS_OF], /the baseline .*pipe\.yaml is a named pipe \(FIFO\), not a file/],
    ['a compare input', ['compare', fifo, 'examples', '--as-of', AS_OF], /is a named pipe \(FIFO\), not a file/],
  ])('a FIFO as %s: refused at once, exit 2', async (_what, args, message) => {
    const r = await cliAsync(args, {timeout: 30_000})
    expect(r.code, r.stderr).toBe(2)
    expect(`${r.stdout}${r.stderr}`).toMatch(message)
    expect(r.stderr).not.toMatch(STACK_TRACE)
  })

  it.each([
    ['an inventory', ['validate', '/dev/zero'], /is a device, not a file/],
    ['a lifecycle table', ['audit', 'examples', '--lifecycle', '/dev/zero', '--as-of', AS_OF], /cannot read the lifecycle table \/dev\/zero: is a device, not a file/],
  ])('/dev/zero as %s: refused at once, exit 2', async (_what, args, message) => {
    const r = await cliAsync(args, {timeout: 30_000})
    expect(r.code).toBe(2)
    expect(`${r.stdout}${r.stderr}`).toMatch(message)
  })

  it('a config given as a folder says so', async () => {
    const r = await cliAsync(['audit', 'examples', '--config', dir, '--as-of', AS_OF])
    expect(r.code).toBe(2)
    expect(userLines(r.stderr)[0]).toMatch(/the config is a folder, not a file/)
  })
})

describe('symbolic links in an inventory folder (in CI, a pull request can add one)', () => {
  const inv = path.join(dir, 'links', 'inventory')
  const secret = path.join(dir, 'links', 'secret.txt')
  spawnSync('mkdir', ['-p', inv])
  spawnSync('cp', [path.join(ROOT, 'examples/hmrc.yaml'), inv])
  spawnSync('sh', ['-c', `printf 'root:x:0:0:TOPSECRET-LINE\\n' > '${secret}'`])
  spawnSync('ln', ['-s', secret, path.join(inv, 'passwd.yaml')])
  spawnSync('ln', ['-s', '..', path.join(inv, 'up')])
  spawnSync('ln', ['-s', '.', path.join(inv, 'loop')])

  it.each(['stylish', 'sarif', 'github', 'json'])('a link out of the folder is refused (exit 2), nothing of its target quoted (%s)', async (format) => {
    const r = await cliAsync(['validate', 'inventory', '--format', format], {cwd: path.dirname(inv), timeout: 30_000})
    expect(r.code).toBe(2)
    expect(`${r.stdout}${r.stderr}`).not.toContain('TOPSECRET')
    expect(`${r.stdout}${r.stderr}`).toMatch(/a symbolic link out of the folder inventory: not followed/)
  })

  it('a link that loops back inside the folder is walked once, and does not hang', async () => {
    const r = await cliAsync(['validate', 'inventory', '--format', 'json'], {cwd: path.dirname(inv), timeout: 30_000})
    const json = JSON.parse(r.stdout) as {files: string[]; errors: Array<{file: string; code: string}>}
    expect(json.files).toEqual(['inventory/hmrc.yaml'])
    expect(json.errors.map((e) => `${e.file} ${e.code}`).sort()).toEqual(['inventory/passwd.yaml symlink-outside', 'inventory/up symlink-outside'])
  })

  it('--follow-symlinks follows them; text that is no inventory is still not quoted', async () => {
    const r = await cliAsync(['validate', 'inventory/passwd.yaml', 'inventory/hmrc.yaml', '--follow-symlinks'], {cwd: path.dirname(inv), timeout: 30_000})
    expect(r.code).toBe(2)
    expect(r.stdout).toContain("the file's root must be a mapping with apiVersion, kind, department and systems — got plain text: this is not an inventory")
    expect(r.stdout).not.toContain('TOPSECRET')
  })
})

describe.skipIf(spawnSync('script', ['--version']).status !== 0)('standard input on a terminal (util-linux script gives a pseudo-terminal)', () => {
  it('says nothing was piped, at once, instead of failing with EAGAIN', () => {
    const r = spawnSync('script', ['-qec', `"${process.execPath}" "${BIN}" validate -`, '/dev/null'], {cwd: ROOT, encoding: 'utf8', timeout: 30_000, input: ''})
    expect(r.stdout).toContain('nothing was piped to standard input')
  })
})
