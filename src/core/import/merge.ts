/**
 * `import --merge`: an updated spreadsheet over an inventory already kept by hand. The systems are
 * matched by id; each field the spreadsheet maps is set to its new value, and nothing else in the
 * file changes — hand-written fields, comments, order and layout stay (the yaml library's Document
 * keeps them). Systems new in the spreadsheet are added at the end; systems only in the file stay.
 */
import {isMap, isSeq, parseDocument, type YAMLMap} from 'yaml'

import {InputError} from '../errors.js'
import {getPath, type ImportedSystem} from './build.js'

export interface MergeResult {
  text: string
  updated: number
  added: number
  untouched: number
  fieldsChanged: number
}

export function mergeInventory(file: string, existing: string, systems: ImportedSystem[]): MergeResult {
  const doc = parseDocument(existing)
  if (doc.errors.length) throw new InputError(`${file}: --merge needs a readable inventory: ${doc.errors[0].message.split('\n')[0]}`)
  const seq = doc.get('systems', true)
  if (!isSeq(seq)) throw new InputError(`${file}: --merge needs an inventory with a systems: list`)
  const byId = new Map<string, YAMLMap>()
  for (const item of seq.items) if (isMap(item)) byId.set(String(item.get('id')), item)
  let updated = 0
  let added = 0
  let fieldsChanged = 0
  const seen = new Set<string>()
  for (const s of systems) {
    const id = String(s.system.id)
    seen.add(id)
    const node = byId.get(id)
    if (!node) {
      seq.add(doc.createNode(s.system))
      added++
      continue
    }
    let changed = false
    for (const path of [...s.mapped].sort()) {
      const parts = path.split('.')
      const value = getPath(s.system, path)
      const found = node.getIn(parts) as unknown
      const before = found !== null && typeof found === 'object' && 'toJSON' in found ? (found as {toJSON(): unknown}).toJSON() : found
      if (JSON.stringify(before) === JSON.stringify(value)) continue
      node.setIn(parts, doc.createNode(value))
      fieldsChanged++
      changed = true
    }
    if (changed) updated++
  }
  const untouched = [...byId.keys()].filter((id) => !seen.has(id)).length
  return {text: doc.toString({lineWidth: 0}), updated, added, untouched, fieldsChanged}
}
