#!/usr/bin/env node
// `--version` is answered before oclif loads (a third of start-up), in oclif's own format.
const argv = process.argv.slice(2)
if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
  const {readFileSync} = await import('node:fs')
  const {version} = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
  process.stdout.write(`cloudready/${version} ${process.platform}-${process.arch} node-${process.version}\n`)
} else {
  // oclif checks Node against its own engines (>=18) at import, loading semver (~20 ms of every start);
  // cloudready's own floor (package.json engines, Node 20) is stricter, and npm warns about it at install.
  process.env.OCLIF_DISABLE_ENGINE_WARNING ??= '1'
  const {execute} = await import('@oclif/core')
  await execute({dir: import.meta.url})
}
