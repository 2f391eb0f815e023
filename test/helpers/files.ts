/** Files as tests check them: every file under a folder, and a file's hash (inputs must not change). */
import {createHash} from 'node:crypto'
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

export const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex')

export function filesUnder(dir: string): string[] {
  const out: string[] = []
  for (const e of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...filesUnder(full))
    else out.push(full)
  }
  return out
}
