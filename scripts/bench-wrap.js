#!/usr/bin/env node
// Runs one whole process of something the bench times, and reports its peak memory on fd 3:
//   node scripts/bench-wrap.js cli <cloudready args…>    the real CLI (bin/run.js)
//   node scripts/bench-wrap.js js-yaml <file>            a whole-process js-yaml load (the reference)
//   node scripts/bench-wrap.js node                      nothing (node -e 0)
import {writeSync} from 'node:fs'
import {resourceUsage} from 'node:process'

process.on('exit', () => {
  try {
    writeSync(3, `${resourceUsage().maxRSS / 1024}\n`)
  } catch {
    // fd 3 is only there when the bench asks for it.
  }
})

const [kind, ...rest] = process.argv.slice(2)
if (kind === 'cli') {
  process.argv = [process.argv[0], new URL('../bin/run.js', import.meta.url).pathname, ...rest]
  await import('../bin/run.js')
} else if (kind === 'js-yaml') {
  const {readFileSync} = await import('node:fs')
  const {default: jsyaml} = await import('js-yaml')
  jsyaml.load(readFileSync(rest[0], 'utf8'), {schema: jsyaml.CORE_SCHEMA})
}
