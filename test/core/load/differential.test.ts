import {isAscii} from 'node:buffer'

import fc from 'fast-check'
import {describe, expect, it} from 'vitest'

import {parseBuffer} from '../../../src/core/load/index.js'
import {fastParse} from '../../../src/core/load/fast-yaml.js'
import {exactParse} from '../../../src/core/load/exact-yaml.js'
import {PositionTable} from '../../../src/core/load/positions.js'

/** The fast path on a text's UTF-8 bytes, as parseBuffer calls it. */
function fastOn(text: string) {
  const bytes = Buffer.from(text)
  return fastParse(bytes, new PositionTable(), undefined, !isAscii(bytes))
}

/** Both paths on one text: the fast one may decline, but where it answers it must agree exactly. */
function both(text: string) {
  const fast = fastOn(text)
  const parsed = exactParse(text)
  // One document: its value, as the fast path gives it.
  const exact = parsed.ok ? {ok: true as const, value: parsed.documents[0]?.value} : parsed
  return {fast, exact}
}

const agreeing = [
  'a: 1\nb: two\n',
  'a:\n  b:\n    c: [1, 2, three]\n',
  'list:\n- a\n- b\n',
  'list:\n  - id: x\n    name: y\n  - id: z\n',
  '---\na: 1\n',
  'a: "q\\"uo\\u00e9ted"\nb: \'it\'\'s\'\n',
  'a: ~\nb: null\nc: Null\nd: NULL\ne:\n',
  'a: true\nb: False\nc: TRUE\nd: no\ne: yes\nf: on\n',
  'a: 0o17\nb: 0x1F\nc: +12\nd: -3\ne: 1e3\nf: .5\ng: 8.10\nh: .inf\ni: -.Inf\nj: .NaN\nk: 1_000\nl: 0b11\nm: 012\n',
  'date: 2023-12-31\ntime: 12:30\nv: "8.10"\n',
  'a: x # comment\nb: y#not\n# full line\n\nc: z\n',
  'a: {id: hmrc, name: HM Revenue & Customs}\n',
  'a: [ ]\nb: { }\nc: []\n',
  'url: http://example.com/x\n',
  'a:\r\n  b: 1\r\n',
  'a:\n  - [1, 2]\n  - {x: y}\n',
  'x-ext: 1\n"quoted key": 2\n\'single\': 3\n',
  'a: - b\n',
  'a: b: c\n',
  'a:\n  b: 1\n c: 2\n',
  'a: 1\na: 2\n',
  'a: &x 1\nb: *x\n',
  'a: |\n  text\n',
  'a: !!str 1\n',
  'a: [1, 2\n',
  'a: "unterminated\n',
  'a:\n\tb: 1\n',
  '- a\n- b\n',
  'just a scalar\n',
  '%YAML 1.1\n---\na: no\n',
  'a: 1\n---\nb: 2\n',
  'a: 1\n...\n',
  '__proto__: {x: 1}\nconstructor: 2\n',
  'a:\n  multi\n  line\n',
  '1: a\ntrue: b\n',
  'a: [a, b,]\n',
  'a: {b, c}\n',
  '- - a\n  - b\n',
  'a:    \n  - x\n',
  'a: x\n  # indented comment\nb: y\n',
]

describe('fast and exact YAML paths', () => {
  it.each(agreeing)('agree on %j', (text) => {
    const {fast, exact} = both(text)
    if (fast === null) return
    expect(exact.ok).toBe(true)
    if (exact.ok) expect(fast.value).toStrictEqual(exact.value)
  })

  it('accept the common inventory shapes on the fast path', () => {
    for (const text of agreeing.slice(0, 17)) expect(fastOn(text), text).not.toBeNull()
  })

  it('decline what is outside the subset or wrong, leaving it to the exact parser', () => {
    for (const text of ['a: 1\na: 2\n', 'a: [1, 2\n', '%YAML 1.1\n---\na: no\n', 'a: b: c\n', 'a: &x\n  b: *x\n', 'a: {<<: {b: 1}}\n', 'a: |\n    x\n  y\n']) {
      expect(fastOn(text), text).toBeNull()
    }
  })

  // What inventories kept by hand use, read on the fast path too (the size cliff: a big file with one of
  // these was refused): block scalars, values over lines, anchors, aliases and merge keys.
  it.each([
    'a: &x 1\nb: *x\n',
    'a: |\n  text\n  more\n',
    'a: >-\n  one\n  two\n\n  three\nb: 1\n',
    'a: |+\n  keep\n\nb: |2\n    two spaces\n',
    '- |\n  in a list\n- >\n  folded\n   more\n  back\n',
    'a:\n  multi\n  line\n',
    'a: plain value\n  over two lines\n\n  and a paragraph\nb: 2\n',
    'a: "double\n  quoted \\u00e9\\\n  joined"\nb: \'single\n\n  it\'\'s\'\n',
    'd: &d {x: 1, y: 2}\ns:\n  - <<: *d\n    y: 3\n  - <<: [*d]\n    z: 4\n',
    'l: &l [1, 2]\nm: [*l, *l]\n',
    'deps: [a, b,\n       c, d]  # wrapped\nx: {k: 1,\n  # a comment\n  j: [2,\n    3]}\n',
    '- [one,\n   two]\n',
  ])('read on the fast path, as the library reads them: %j', (text) => {
    const {fast, exact} = both(text)
    expect(exact.ok).toBe(true)
    expect(fast, text).not.toBeNull()
    if (exact.ok && fast) expect(fast.value).toStrictEqual(exact.value)
  })

  it('keep YAML 1.2 core semantics under a %YAML 1.1 directive: no stays a string, dates stay strings', () => {
    const r = parseBuffer('x.yaml', Buffer.from('%YAML 1.1\n---\na: no\nb: 2001-01-01\n'))
    expect(r.document?.data).toStrictEqual({a: 'no', b: '2001-01-01'})
  })

  it('never let __proto__ reach a prototype', () => {
    for (const exactOnly of [false, true]) {
      const r = parseBuffer('x.yaml', Buffer.from('__proto__: {polluted: true}\na: 1\n'), {exactOnly})
      const data = r.document?.data as Record<string, unknown>
      expect(Object.getPrototypeOf(data)).toBe(Object.prototype)
      expect(Object.keys(data)).toEqual(['__proto__', 'a'])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    }
  })

  // Generated documents in the inventory's own style: the fast path must accept and agree on all of them.
  const key = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/)
  const scalar = fc.oneof(
    fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .&()/-]{0,20}[A-Za-z0-9)]$/),
    fc.integer({min: -1e6, max: 1e6}).map(String),
    fc.constantFrom('true', 'false', 'null', '~', '1.5', '8.10', '2023-12-31', '.inf', '0x1F', '0o17', 'no', 'on', 'Yes'),
    fc.string({maxLength: 12}).map((s) => JSON.stringify(s)),
    fc.string({maxLength: 12}).map((s) => `'${s.replace(/'/g, "''").replace(/[\n\r]/g, ' ')}'`),
  )
  const flowList = fc.array(scalar.filter((s) => !/[,[\]{}#:]/.test(s) || s.startsWith('"')), {maxLength: 4}).map((items) => `[${items.join(', ')}]`)
  type Tree = {kind: 'map'; entries: [string, Tree | string][]} | {kind: 'seq'; items: (Tree | string)[]}
  const tree: fc.Arbitrary<Tree> = fc.letrec<{tree: Tree}>((tie) => ({
    tree: fc.oneof(
      {depthSize: 'small'},
      fc.record({kind: fc.constant('map' as const), entries: fc.uniqueArray(fc.tuple(key, fc.oneof(scalar, flowList, tie('tree'))), {minLength: 1, maxLength: 5, selector: (e) => e[0]})}),
      fc.record({kind: fc.constant('seq' as const), items: fc.array(fc.oneof(scalar, tie('tree')), {minLength: 1, maxLength: 4})}),
    ),
  })).tree
  const render = (t: Tree | string, indent: number): string => {
    if (typeof t === 'string') return ` ${t}\n`
    const pad = ' '.repeat(indent)
    if (t.kind === 'map') {
      return `\n${t.entries.map(([k, v]) => `${pad}${k}:${render(v, indent + 2)}`).join('')}`
    }
    return `\n${t.items.map((v) => `${pad}-${render(v, indent + 2)}`).join('')}`
  }

  it('agree on generated block documents', () => {
    fc.assert(
      fc.property(tree.filter((t) => t.kind === 'map'), fc.boolean(), (t, crlf) => {
        let text = render(t, 0).slice(1)
        if (crlf) text = text.replace(/\n/g, '\r\n')
        const {fast, exact} = both(text)
        expect(exact.ok, text).toBe(true)
        expect(fast, text).not.toBeNull()
        if (exact.ok && fast) expect(fast.value).toStrictEqual(exact.value)
      }),
      {numRuns: 400, seed: 42},
    )
  })
  // The two paths agreeing is not enough: both read one position table. Here the places are known
  // from the writing: every key and value is found where the renderer put it, on both paths.
  it('find every key and value where the generated text put it', () => {
    fc.assert(
      fc.property(tree.filter((t) => t.kind === 'map'), (t) => {
        const {text, places} = renderPlaced(t)
        const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)]
        const at = (offset: number) => {
          let line = 0
          while (line + 1 < starts.length && starts[line + 1] <= offset) line++
          return {line: line + 1, column: offset - starts[line] + 1}
        }
        for (const exactOnly of [false, true]) {
          const doc = parseBuffer('x.yaml', Buffer.from(text), {exactOnly}).document!
          for (const release of [false, true]) {
            if (release) doc.releaseText()
            for (const [pointer, place] of places) {
              expect(doc.locate(pointer), `${exactOnly ? 'exact' : 'fast'} ${pointer} in\n${text}`).toEqual(at(place.value))
              expect(doc.locateKey(pointer), `${exactOnly ? 'exact' : 'fast'} key ${pointer} in\n${text}`).toEqual(at(place.key))
            }
          }
        }
      }),
      {numRuns: 300, seed: 7},
    )
  })

  /** The tree as block YAML, with where each pointer's value (and key) starts: a mapping or sequence at its first key or dash. */
  function renderPlaced(root: Tree): {text: string; places: Map<string, {value: number; key: number}>} {
    let out = ''
    const places = new Map<string, {value: number; key: number}>()
    const put = (v: Tree | string, indent: number, pointer: string, keyAt: number | undefined) => {
      if (typeof v === 'string') {
        out += ' '
        places.set(pointer, {value: out.length, key: keyAt ?? out.length})
        out += `${v}\n`
        return
      }
      out += pointer === '' ? '' : '\n'
      const pad = ' '.repeat(indent)
      const members: Array<[string, Tree | string]> = v.kind === 'map' ? v.entries : v.items.map((item, i) => [String(i), item])
      members.forEach(([k, child], i) => {
        out += pad
        const start = out.length
        if (i === 0) places.set(pointer, {value: start, key: keyAt ?? start})
        out += v.kind === 'map' ? `${k}:` : '-'
        put(child, indent + 2, `${pointer}/${k}`, v.kind === 'map' ? start : undefined)
      })
    }
    put(root, 0, '', undefined)
    return {text: out, places}
  }
})

/** Every JSON pointer in a value, for comparing positions. */
function pointersOf(data: unknown, prefix = '', out: string[] = []): string[] {
  out.push(prefix)
  if (data !== null && typeof data === 'object') {
    for (const k of Object.keys(data)) pointersOf((data as Record<string, unknown>)[k], `${prefix}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, out)
  }
  return out
}

/** The fast path on the bytes (read as Latin-1) against the exact path on decoded text: data, places and source text. */
function agreeOnBytes(text: string): void {
  const bytes = Buffer.from(text)
  const fast = parseBuffer('x.yaml', bytes)
  const exact = parseBuffer('x.yaml', bytes, {exactOnly: true})
  expect(exact.diagnostics, text).toEqual([])
  expect(fast.diagnostics, text).toEqual([])
  // The fast path did take it, as bytes.
  expect(fast.document!.holds, text).toBe('bytes')
  expect(fast.document!.data, text).toStrictEqual(exact.document!.data)
  for (const p of pointersOf(exact.document!.data)) {
    expect(fast.document!.locate(p), `${text} ${p}`).toEqual(exact.document!.locate(p))
    expect(fast.document!.locateKey(p), `${text} ${p}`).toEqual(exact.document!.locateKey(p))
    expect(fast.document!.sourceText(p), `${text} ${p}`).toBe(exact.document!.sourceText(p))
  }
  // Once the text is let go, places come from the line starts and the lines kept for their bytes past ASCII.
  fast.document!.releaseText()
  expect(fast.document!.holds).toBe('nothing')
  for (const p of pointersOf(exact.document!.data)) {
    expect(fast.document!.locate(p), `released: ${text} ${p}`).toEqual(exact.document!.locate(p))
    expect(fast.document!.locateKey(p), `released: ${text} ${p}`).toEqual(exact.document!.locateKey(p))
    expect(fast.document!.sourceText(p), `released: ${text} ${p}`).toBeUndefined()
  }
}

describe('UTF-8 past ASCII, read as Latin-1 bytes on the fast path', () => {
  it.each([
    'name: Système — “quoted” ✓\nnext: after\n',
    'clé: valeur\nb: [é, ü, "ß", \'ø\']\nc: {k: 😀, l: x, m: "😀\\u00e9"}\n',
    '\ufeffname: é\nlist:\n  - id: ü\n    name: 日本語 # comment after\n    n: 12\n',
    'a: "é\\u00e9 \\x41 \\N \\_ end"\nb: \'it’s ’’quoted’’\'\n',
    'a:\r\n  b: Ünïcödé\r\n  c: "8.10"\r\n',
    'x-notes: ÀÁÂÃÄÅÆÇÈÉÊË àáâãäåæçèéêë\u00a0nbsp\u0085nel\nv: 8.10\n',
  ])('agree on %j', (text) => agreeOnBytes(text))

  it('leave what the fast path does not take to the full path, with the same messages as decoded text', () => {
    for (const text of ['a: é\nb: [1, 2\n', 'é\n', '\u00a0\n', 'a: "é\u0001"\n', 'a: é\rb: 1\n', 'a: &x é\nb: *x\n']) {
      const bytes = Buffer.from(text)
      const r = parseBuffer('x.yaml', bytes)
      const exact = parseBuffer('x.yaml', bytes, {exactOnly: true})
      expect(r.diagnostics, text).toEqual(exact.diagnostics)
      expect(r.document?.data, text).toStrictEqual(exact.document?.data)
    }
  })

  it('agree on generated documents with any Unicode in their values and keys', () => {
    // Control characters are refused before parsing (a test of their own): the words leave them out.
    // eslint-disable-next-line no-control-regex
    const word = fc.string({unit: 'grapheme', minLength: 1, maxLength: 8}).filter((s) => /^[^\s#:,[\]{}&*!|>'"%@`?-][^#:,[\]{}]*$/u.test(s) && s.trim() === s && !/[\u0000-\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff]/u.test(s))
    // eslint-disable-next-line no-control-regex
    const quoted = fc.string({unit: 'grapheme', maxLength: 10}).map((s) => JSON.stringify(s.replace(/[\u0000-\u001f\u007f]/g, '')))
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(word, fc.oneof(word, quoted)), {minLength: 1, maxLength: 6, selector: (e) => e[0]}), (entries) => {
        const text = `head: ü\n${entries.map(([k, v]) => `${k}: ${v}\n`).join('')}`
        const bytes = Buffer.from(text)
        const exact = parseBuffer('x.yaml', bytes, {exactOnly: true})
        if (exact.diagnostics.length > 0) return
        const fast = parseBuffer('x.yaml', bytes)
        expect(fast.document!.data, text).toStrictEqual(exact.document!.data)
        for (const p of pointersOf(exact.document!.data)) expect(fast.document!.locate(p), `${text} ${p}`).toEqual(exact.document!.locate(p))
      }),
      {numRuns: 300, seed: 7},
    )
  })
})

describe('locateIn(base, suffix), the walk for a run of findings under one system', () => {
  /** Every way to cut each pointer in two, and pointers that go past what exists, in an order that changes base often. */
  function agreeOnSplits(text: string, exactOnly: boolean): void {
    const doc = parseBuffer('x.yaml', Buffer.from(text), {exactOnly}).document
    if (!doc) return
    const pointers = pointersOf(doc.data).flatMap((p) => [p, `${p}/missing`, `${p}/0/deeper`])
    for (const p of pointers) {
      const cuts = [0, ...[...p.matchAll(/\//g)].map((m) => m.index!), p.length]
      for (const cut of cuts) {
        expect(doc.locateIn(p.slice(0, cut), p.slice(cut)), `${text} ${p} at ${cut}`).toEqual(doc.locate(p))
      }
    }
  }

  it.each(agreeing)('gives locate(base + suffix) on %j', (text) => {
    agreeOnSplits(text, false)
    agreeOnSplits(text, true)
  })

  it('gives locate(base + suffix) on an inventory, whatever was located before', () => {
    const text = 'systems:\n  - id: a\n    platform: {os: {name: rhel, version: "7"}}\n  - id: b\n    contracts:\n      - {supplier: X, ends: 2030-01-01}\n    "a/b~c": 1\n'
    const doc = parseBuffer('x.yaml', Buffer.from(text)).document!
    const runs: Array<[string, string]> = [
      ['/systems/0', '/platform/os/version'],
      ['/systems/0', ''],
      ['/systems/1', '/contracts/0/ends'],
      ['/systems/1', '/a~1b~0c'],
      ['/systems/0', '/platform/os/name'],
      ['/systems/1', '/contracts/5/ends'],
      ['/systems/9', '/id'],
      ['/systems/1', 'x'],
    ]
    for (const [base, suffix] of runs) expect(doc.locateIn(base, suffix), base + suffix).toEqual(doc.locate(base + suffix))
  })
})
