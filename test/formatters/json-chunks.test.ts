import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {batches} from '../../src/cli/output.js'
import {MappedList, prettyJsonChunks} from '../../src/formatters/json-chunks.js'

const joined = (value: unknown) => [...prettyJsonChunks(value)].join('')

describe('prettyJsonChunks', () => {
  it('is JSON.stringify(value, null, 2), byte for byte, on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 5}), (value) => {
        expect(joined(value)).toBe(JSON.stringify(value, null, 2))
      }),
      {numRuns: 500},
    )
  })

  it('leaves out what JSON.stringify leaves out of objects, and writes null for it in arrays', () => {
    const value = {a: undefined, b: () => 1, c: [undefined, () => 2, 'x', {d: undefined, e: [undefined]}], f: {g: undefined}, h: new Date(0), i: [], j: {}}
    expect(joined(value)).toBe(JSON.stringify(value, null, 2))
    expect(joined([undefined])).toBe(JSON.stringify([undefined], null, 2))
    expect(joined({})).toBe('{}')
  })

  it('is made of many pieces for a report-shaped value, and keeps strings with line breaks and non-Latin-1 text intact', () => {
    const report = {tool: {name: 'cloudready'}, systems: Array.from({length: 300}, (_, i) => ({ref: `d/s${i}`, name: `Système ${i} — “quoted”\nnext`, findings: [{rule: 'r', message: 'a | b \u001b[31m'}]}))}
    const pieces = [...prettyJsonChunks(report)]
    expect(pieces.length).toBeGreaterThan(300)
    expect(pieces.join('')).toBe(JSON.stringify(report, null, 2))
    expect(JSON.parse(pieces.join(''))).toEqual(report)
  })
})

describe('MappedList', () => {
  it('is written as the array of its mapped items, each made as it is written, as JSON.stringify writes it', () => {
    const made: number[] = []
    const list = new MappedList([1, 2, 3], (n) => (made.push(n), {n, half: n / 2, tags: ['a', n]}))
    const value = {before: 1, systems: list, after: [new MappedList([], (n: number) => n)]}
    const pieces = prettyJsonChunks(value)
    // Nothing is made before it is written.
    pieces.next()
    expect(made).toEqual([])
    const text = ['{\n  "before": ', ...pieces].join('')
    const plain = {before: 1, systems: [1, 2, 3].map((n) => ({n, half: n / 2, tags: ['a', n]})), after: [[]]}
    expect(text).toBe(JSON.stringify(plain, null, 2))
    expect(JSON.stringify(value, null, 2)).toBe(JSON.stringify(plain, null, 2))
  })
})

describe('a MappedList deep in a document (SARIF: runs[0].results)', () => {
  it('is written an item at a time there too, the text still what JSON.stringify writes', () => {
    const made: number[] = []
    const items = Array.from({length: 50}, (_, i) => i)
    const value = {version: '2.1.0', runs: [{tool: {name: 't'}, results: new MappedList(items, (n) => (made.push(n), {ruleId: `r${n}`, level: 'error'})), kind: 'x'}]}
    const pieces = [...prettyJsonChunks(value)]
    expect(pieces.join('')).toBe(JSON.stringify({version: '2.1.0', runs: [{tool: {name: 't'}, results: items.map((n) => ({ruleId: `r${n}`, level: 'error'})), kind: 'x'}]}, null, 2))
    // One piece (at least) per result: no string holds them all.
    expect(pieces.filter((p) => p.includes('"ruleId"'))).toHaveLength(50)
    expect(made).toEqual(items)
  })
})

describe('batches', () => {
  it('encodes a string whole, and pieces into UTF-8 batches of at most a mebibyte without losing or reordering a byte', () => {
    expect(Buffer.concat([...batches('whole — £')]).toString()).toBe('whole — £')
    const pieces = Array.from({length: 5000}, (_, i) => `${i}:${(i % 3 === 0 ? 'é—' : 'x').repeat(i % 700)}|`)
    pieces.push('big'.repeat(400_000))
    pieces.push('tail')
    const out = [...batches(pieces)]
    expect(Buffer.concat(out).toString()).toBe(pieces.join(''))
    expect(out.length).toBeGreaterThan(2)
    for (const b of out.slice(0, -2)) expect(b.length).toBeLessThanOrEqual(1 << 20)
    expect([...batches([])]).toEqual([])
  })
})
