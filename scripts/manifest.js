#!/usr/bin/env node
// Writes oclif.manifest.json after each build, as `oclif manifest` would, without the `oclif`
// packaging tool (about 200 packages) as a dependency. With the manifest oclif starts without
// importing every command to learn its flags. Generated, never committed (it would go stale).
import {writeFileSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

import {Plugin} from '@oclif/core'

const root = fileURLToPath(new URL('..', import.meta.url))
const plugin = new Plugin({root, type: 'core', ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true, isRoot: true})
await plugin.load()
const manifest = plugin.manifest
if (!manifest.commands || Object.keys(manifest.commands).length === 0) {
  process.stderr.write('manifest: no commands found (is dist/ built?)\n')
  process.exit(1)
}
writeFileSync(new URL('../oclif.manifest.json', import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`)
process.stderr.write(`oclif.manifest.json: ${Object.keys(manifest.commands).length} commands\n`)
