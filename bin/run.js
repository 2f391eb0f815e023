#!/usr/bin/env node
import {setFlagsFromString} from 'node:v8'

// V8 allocates an object straight into the old generation when it has seen objects from the same place
// in the code outlive a collection ("pretenuring"). The estate's objects do, and V8 then pretenured the
// assessment's short-lived ones too: a big audit's old generation filled with garbage between full
// collections (a million systems in --format gitlab peaked at 1.7 GB for 420 MB live; 870 MB without it,
// and a little faster). A GC heuristic, read at each collection, so it can be set here; docs/contributing.md.
setFlagsFromString('--no-allocation-site-pretenuring')

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
