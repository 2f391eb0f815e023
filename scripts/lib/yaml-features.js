/**
 * The same inventory twice: in the plain subset, and written with the YAML features inventories kept
 * by hand use — for the loader's benchmark (`generate.js --yaml-features`). Both hold the same data:
 *
 * - shared defaults: `x-defaults: &defaults {hosting: on-premises}` at the root of both; in the mixed
 *   file every system hosted on premises says `<<: *defaults` instead of `hosting: on-premises`;
 * - block scalars: every tenth system has an `x-review` of two lines, `|` in the mixed file, a
 *   double-quoted string with `\n` in the plain one;
 * - multi-line strings: every tenth system (another tenth) has its name continued on a second line;
 * - an anchor and aliases: the first `dependencies` list is anchored; later identical lists are aliases.
 */
export function withYamlFeatures(plain) {
  const lines = plain.split('\n')
  const outPlain = []
  const outMixed = []
  let system = -1
  const anchoredDeps = new Map()
  for (const line of lines) {
    if (line === 'systems:') {
      outPlain.push('x-defaults: {hosting: on-premises}', line)
      outMixed.push('x-defaults: &defaults {hosting: on-premises}', line)
      continue
    }
    const id = /^ {2}- id: (\S+)$/.exec(line)
    if (id) {
      system++
      outPlain.push(line)
      outMixed.push(line)
      if (system % 10 === 3) {
        const note = `Reviewed by the architecture board (${id[1]}).\nMove after the contract break in ${2026 + (system % 4)}.\n`
        outPlain.push(`    x-review: ${JSON.stringify(note)}`)
        outMixed.push('    x-review: |', ...note.trimEnd().split('\n').map((l) => `      ${l}`))
      }
      continue
    }
    const name = /^ {4}name: (.+)$/.exec(line)
    if (name && system % 10 === 7 && name[1].includes(' ') && !/[:#"'&*!|>%@`{}[\],]/.test(name[1])) {
      const words = name[1].split(' ')
      outPlain.push(line)
      outMixed.push(`    name: ${words.slice(0, -1).join(' ')}`, `      ${words[words.length - 1]}`)
      continue
    }
    if (line === '    hosting: on-premises') {
      outPlain.push(line)
      outMixed.push('    <<: *defaults')
      continue
    }
    const deps = /^ {4}dependencies: (\[.*\])$/.exec(line)
    if (deps) {
      outPlain.push(line)
      const known = anchoredDeps.get(deps[1])
      if (known) outMixed.push(`    dependencies: *${known}`)
      else if (anchoredDeps.size < 1000) {
        const a = `deps${anchoredDeps.size}`
        anchoredDeps.set(deps[1], a)
        outMixed.push(`    dependencies: &${a} ${deps[1]}`)
      } else outMixed.push(line)
      continue
    }
    outPlain.push(line)
    outMixed.push(line)
  }
  return {plain: outPlain.join('\n'), mixed: outMixed.join('\n')}
}
