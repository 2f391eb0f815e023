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

describe('a file too big for the full reader, left by the fast path', () => {
  // Over EXACT_MAX_MB, a document the fast path declines gets one message, placed where the fast path
  // stopped: found from the line starts of the bytes, the column counted in characters.
  const lines = ['apiVersion: cloudready/v1', 'kind: Inventory', 'department: {id: d-1, name: Dé}', 'systems:']
  for (let i = 0; i < 30_000; i++) {
    lines.push(`  - id: s-${i}`, `    name: Système ${i}`, '    criticality: low', '    hosting: on-premises')
    if (i === 20_000) lines.push('    x-note: {é: &a 1}')
  }
  const text = `${lines.join('\n')}\n`
  const badLine = lines.indexOf('    x-note: {é: &a 1}') + 1

  it.each([
    ['LF', text],
    ['CRLF', text.replaceAll('\n', '\r\n')],
  ])('with %s line ends: the anchor\'s line and column', (_, body) => {
    const {document, diagnostics} = parseBuffer('big.yaml', Buffer.from(body))
    expect(document).toBeUndefined()
    expect(diagnostics).toHaveLength(1)
    expect(diagnostics[0]).toMatchObject({code: 'too-large', line: badLine, column: '    x-note: {é: '.length + 1})
  })
})

describe('a byte that is not UTF-8', () => {
  it('is placed with its column in characters, after valid letters past ASCII on its line', () => {
    const bytes = Buffer.concat([Buffer.from('apiVersion: cloudready/v1\nname: Système '), Buffer.from([0xff]), Buffer.from('\n')])
    const {document, diagnostics} = parseBuffer('bad.yaml', bytes)
    expect(document).toBeUndefined()
    expect(diagnostics).toEqual([expect.objectContaining({code: 'encoding', line: 2, column: 'name: Système '.length + 1})])
  })
})
