/** Shared by the reliability tests: temporary folders, hashes, and readers for the text formats. */
import {mkdtempSync, rmSync} from 'node:fs'
import {tmpdir} from 'node:os'
import path from 'node:path'

export {userLines} from '../helpers/cli.js'
export {filesUnder, sha} from '../helpers/files.js'

/** A fresh temporary folder, and a function that removes it. */
export function tempDir(prefix: string): {dir: string; remove: () => void} {
  const dir = mkdtempSync(path.join(tmpdir(), `cloudready-${prefix}-`))
  return {dir, remove: () => rmSync(dir, {recursive: true, force: true})}
}


/** `  12:7  error  message  code` lines of the stylish layout (validate's, and audit's and plan's rejection). */
export const errorLines = (text: string): string[] => text.split('\n').filter((l) => /^\s+\d+:\d+\s+error\s/.test(l))
