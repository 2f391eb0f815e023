/**
 * The README's generated sections (scripts/docs.js, run on the built dist/) must match what the tool
 * says today. When this fails: `npm run build && node scripts/docs.js`, then commit README.md.
 */
import {readFileSync} from 'node:fs'

import {describe, expect, it} from 'vitest'

import {cell, code, currentSection, fileOf, invalidFixtures, render, SECTIONS, table} from '../../scripts/docs.js'

describe('generated sections of README.md and docs/reference.md', () => {
  it.each(Object.keys(SECTIONS))('%s is up to date (run node scripts/docs.js to regenerate)', async (name) => {
    const readme = readFileSync(fileOf(name), 'utf8')
    const {text, stale} = await render(readme, [name])
    // The diff of the section itself is what a reader of the failure needs.
    expect(currentSection(readme, name)).toBe(currentSection(text, name))
    expect(stale).toEqual([])
  })

  it('the error gallery lists every fixture in test/fixtures/invalid, each with a location', () => {
    const gallery = currentSection(readFileSync(fileOf('invalid-gallery'), 'utf8'), 'invalid-gallery')
    const fixtures = invalidFixtures()
    expect(fixtures.length).toBeGreaterThanOrEqual(20)
    for (const f of fixtures) {
      const row = gallery.split('\n').find((line) => line.startsWith(`| [${f.name}`))
      expect(row, f.name).toBeDefined()
      expect(row, f.name).toMatch(/\| `+(\S+:)?\d+:\d+ {2}\S/)
    }
  })
})

describe('docs.js Markdown helpers', () => {
  it('escapes | in table cells, also inside code spans', () => {
    expect(cell('a | b')).toBe('a \\| b')
    expect(cell('`x||y`')).toBe('`x\\|\\|y`')
    expect(cell('already \\| escaped')).toBe('already \\| escaped')
    expect(table(['a|b', 'c'], [['1', '2|3']])).toBe('| a\\|b | c |\n| --- | --- |\n| 1 | 2\\|3 |')
  })

  it('keeps a message verbatim in a code span, whatever backticks it holds', () => {
    expect(code('plain')).toBe('`plain`')
    expect(code('a second `---`')).toBe('`` a second `---` ``')
    expect(code('``x``')).toBe('``` ``x`` ```')
  })
})
