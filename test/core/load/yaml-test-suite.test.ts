/**
 * The official YAML test suite (test/fixtures/yaml-test-suite/, MIT): for every case, the loader
 * either returns exactly the data the suite expects (from its JSON, or from its events where the
 * data has no JSON form), or rejects the input — and rejects only invalid YAML and what the README
 * lists as refused by design: tags, keys that are not text (complex, empty or alias keys), a
 * duplicate key, a stream with no document. Never a wrong answer; both paths (the fast one and the
 * yaml library's) are held to it.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {isDeepStrictEqual} from 'node:util'

import {describe, expect, it} from 'vitest'

import {parseBuffer} from '../../../src/core/load/index.js'
import {ROOT} from '../../helpers/cli.js'
import {documentsFromEvents, UNREPRESENTABLE} from '../../helpers/yaml-events.js'

interface Case {
  id: string
  title: string
  yaml: string
  json: string | null
  error: boolean
  events: string | null
}

const CASES = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/yaml-test-suite/cases.json'), 'utf8')) as Case[]

/** Several JSON values one after another (a stream of documents). */
function jsonStream(text: string): unknown[] {
  const out: unknown[] = []
  let i = 0
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++
    if (i >= text.length) break
    let j = i + 1
    for (; j <= text.length; j++) {
      if (j < text.length && !/\s/.test(text[j])) continue
      try {
        out.push(JSON.parse(text.slice(i, j)))
        break
      } catch {
        // not yet the end of this value
      }
    }
    i = j
  }
  return out
}

/** Why a valid input may be refused (README "The inventory"): each refusal's message says one of these. */
export const BY_DESIGN: Array<[string, RegExp]> = [
  ['tag', /unsupported YAML tag/],
  ['key that is not text', /a mapping key must be a plain string|a mapping key is empty/],
  ['duplicate key', /duplicate key/],
  ['no document', /the file is empty|no YAML document/],
]

type Outcome = 'read' | 'refused by design' | 'rejected as invalid' | 'WRONG'

function judge(c: Case, exactOnly: boolean): {outcome: Outcome; detail: string} {
  const r = parseBuffer('in.yaml', Buffer.from(c.yaml, 'utf8'), {exactOnly})
  const docs = (r as {documents?: Array<{data: unknown}>}).documents ?? (r.document ? [r.document] : [])
  const accepted = r.diagnostics.every((d) => d.severity !== 'error') && (r.document !== undefined || docs.length > 0)
  if (c.error) return accepted ? {outcome: 'WRONG', detail: `accepted invalid YAML as ${JSON.stringify(docs.map((d) => d.data))}`} : {outcome: 'rejected as invalid', detail: r.diagnostics[0]?.message ?? ''}
  const expected = c.json !== null ? jsonStream(c.json) : documentsFromEvents(c.events ?? '')
  if (!accepted) {
    const message = r.diagnostics[0]?.message ?? ''
    const why = BY_DESIGN.find(([, re]) => re.test(message))
    return why ? {outcome: 'refused by design', detail: why[0]} : {outcome: 'WRONG', detail: `refused valid YAML: ${message}`}
  }
  if (expected.some((d) => d === UNREPRESENTABLE)) return {outcome: 'WRONG', detail: `accepted data with a key that is not text: ${JSON.stringify(docs.map((d) => d.data))}`}
  const got = docs.map((d) => d.data)
  return isDeepStrictEqual(got, expected) ? {outcome: 'read', detail: ''} : {outcome: 'WRONG', detail: `read ${JSON.stringify(got)}, expected ${JSON.stringify(expected)}`}
}

describe.each([
  ['the loader (fast path first)', false],
  ['the yaml library path alone', true],
])('the YAML test suite: %s', (_name, exactOnly) => {
  const results = CASES.map((c) => ({c, ...judge(c, exactOnly)}))
  it(`holds all ${CASES.length} cases`, () => {
    expect(CASES.length).toBe(402)
  })
  it.each(results.map((r) => [`${r.c.id} ${r.c.title}`, r] as const))('%s', (_id, r) => {
    expect(r.outcome, r.detail).not.toBe('WRONG')
  })
  it('counts (README "The inventory")', () => {
    const count = (o: Outcome) => results.filter((r) => r.outcome === o).length
    const counts = {read: count('read'), refused: count('refused by design'), invalid: count('rejected as invalid'), wrong: count('WRONG')}
    expect(counts.wrong).toBe(0)
    expect(counts.read + counts.refused + counts.invalid).toBe(CASES.length)
  })
})
