import fc from 'fast-check'
import {describe, expect, it} from 'vitest'
import {parse} from 'yaml'

import {toYaml} from '../../src/formatters/yaml-emit.js'

const parseCore = (text: string) => parse(text, {schema: 'core', version: '1.2'})

describe('toYaml', () => {
  it('round-trips awkward strings through a YAML 1.2 parser', () => {
    const awkward = ['', ' ', 'no', 'yes', 'true', 'null', '~', '8.10', '1e3', '0x1F', '.inf', '2023-12-31', '- x', 'a: b', 'a #b', '#x', '"q"', "'s'", '[x]', '{x}', '*a', '&a', '!t', '%d', '@x', '`x`', 'line\nbreak', 'tab\there', '\u0007bell', '\u007f', '\u0085', '\u2028', '\ufeff', 'é', '😀', 'x ', ' x', 'a,b', 'a: ', ':', '?', '|', '>', '-', '---', '...']
    const data = {list: awkward, map: Object.fromEntries(awkward.filter((k) => k !== '').map((k, i) => [k, i]))}
    expect(parseCore(toYaml(data))).toEqual(data)
  })

  it('round-trips generated JSON data', () => {
    fc.assert(
      fc.property(fc.jsonValue({maxDepth: 4}), (value) => {
        // JSON has no -0, NaN or Infinity; YAML keeps -0, which JSON would read as 0.
        const normal = JSON.parse(JSON.stringify(value))
        expect(parseCore(toYaml(normal))).toEqual(normal)
      }),
      {numRuns: 500, seed: 7},
    )
  })

  it('writes nested mappings and lists in block style', () => {
    expect(toYaml({a: 1, b: [{c: 'x', d: [1, 2]}, []], e: {}})).toBe('a: 1\nb:\n  - c: x\n    d:\n      - 1\n      - 2\n  - []\ne: {}\n')
  })
})
