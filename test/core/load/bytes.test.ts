import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import {loadEstate} from '../../../src/core/estate.js'
import {parseBuffer} from '../../../src/core/load/index.js'

const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const EXAMPLE = path.join(ROOT, 'examples', 'dwp.yaml')

/** A copy of the bytes in memory of its own, as the loader's own reads are (a small Buffer.from shares Node's pool). */
function ownCopy(bytes: Buffer): Buffer {
  const copy = Buffer.alloc(bytes.length)
  bytes.copy(copy)
  return copy
}

describe('the bytes a document is read from', () => {
  it('are given back when the document that owns them is released, and places still come out right', () => {
    const bytes = ownCopy(readFileSync(EXAMPLE))
    const {document} = parseBuffer('dwp.yaml', bytes, {}, true)
    const before = document!.locate('/systems/3/platform/os/version')
    expect(document!.holds).toBe('bytes')
    document!.releaseText()
    expect(document!.holds).toBe('nothing')
    expect(bytes.length).toBe(0)
    expect(document!.locate('/systems/3/platform/os/version')).toEqual(before)
  })

  it('stay whole when they are the caller\'s: parseBuffer without owning them', () => {
    const original = readFileSync(EXAMPLE)
    const bytes = ownCopy(original)
    const {document} = parseBuffer('dwp.yaml', bytes)
    document!.releaseText()
    expect(document!.holds).toBe('nothing')
    expect(bytes.equals(original)).toBe(true)
  })

  it('stay whole when readStdin hands them in: input is never changed', async () => {
    const original = readFileSync(EXAMPLE)
    const bytes = ownCopy(original)
    const {diagnostics, estate} = await loadEstate(['-'], {readStdin: () => bytes})
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
    expect(estate.systems.size).toBeGreaterThan(10)
    expect(bytes.equals(original)).toBe(true)
  })

  it('with a BOM: given back whole, the BOM with them', () => {
    const bytes = ownCopy(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(EXAMPLE)]))
    const {document, diagnostics} = parseBuffer('dwp.yaml', bytes, {}, true)
    expect(diagnostics).toEqual([])
    expect(document!.holds).toBe('bytes')
    document!.releaseText()
    expect(bytes.length).toBe(0)
  })

  it('and the positions, once released after the assessment: locating then fails loudly, naming the file', () => {
    const {document} = parseBuffer('dwp.yaml', ownCopy(readFileSync(EXAMPLE)), {}, true)
    expect(document!.locate('/systems/0/id').line).toBeGreaterThan(1)
    document!.releasePositions()
    expect(document!.holds).toBe('nothing')
    expect(() => document!.locate('/systems/0/id')).toThrow(/dwp\.yaml: its positions were released/)
    expect(() => document!.locateIn('/systems/0', '/id')).toThrow(/positions were released/)
    expect(() => document!.locateKey('/systems/0/id')).toThrow(/positions were released/)
  })
})
