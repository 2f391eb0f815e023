/**
 * `cloudready audti examples`: what oclif's not-found plugin says ("… is not a cloudready command",
 * and the help hint), with the suggestion printed rather than asked in a prompt — CI logs and pipes
 * need it too — and exit 2, a wrong command line (README "Exit codes"), not the shell's 127.
 */
import type {Hook} from '@oclif/core'

import {sanitizeTerminal} from '../formatters/text.js'

/** Edit distance (insertions, deletions, substitutions, and swaps of neighbours: "audti" is one from "audit"). */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)))
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1)
    }
  }
  return d[a.length][b.length]
}

/** The closest command, if it is close enough to be what was meant (at most a third of its letters off, at least 2). */
export function closest(word: string, commands: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const c of [...commands].sort()) {
    const dist = distance(word.toLowerCase(), c)
    if (dist < bestDistance) {
      best = c
      bestDistance = dist
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined
}

const hook: Hook<'command_not_found'> = async function (opts) {
  // With topics separated by spaces, oclif joins the words given with ':' ("audti:examples"): the first is the command.
  const word = opts.id.split(':')[0]
  const commands = opts.config.commands.filter((c) => !c.hidden).map((c) => c.id)
  const suggestion = closest(word, commands)
  const lines = [`cloudready: '${sanitizeTerminal(word)}' is not a cloudready command.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`, `Run 'cloudready help' for a list of the commands.`]
  process.stderr.write(`${lines.join('\n')}\n`)
  this.exit(2)
}

export default hook
