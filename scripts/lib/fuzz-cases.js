/**
 * The fuzzer's cases: structure-aware mutations of valid inventories (the examples and small
 * generated estates), stacked with text- and byte-level mutations, plus some random bytes.
 *
 * Deterministic: case `index` of seed `seed` is always the same bytes, whatever the number of jobs
 * or the order they run in. Nothing here reads the clock or Math.random.
 */
import {readdirSync, readFileSync} from 'node:fs'
import path from 'node:path'

import {parse, stringify} from 'yaml'

import {generateEstate, mulberry32, toInventory, toYaml} from './generate-estate.js'

/** One 32-bit seed from several integers (murmur3's finaliser on each part). */
export function mixSeed(...parts) {
  let h = 0x9e3779b9
  for (const part of parts) {
    for (const v of [part | 0, Math.floor(part / 4294967296) | 0]) {
      h ^= v
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
      h ^= h >>> 16
    }
  }
  return h | 0
}

export class Rng {
  constructor(seed) {
    this.next = mulberry32(seed)
  }

  /** Integer in [lo, hi], both included. */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }

  chance(p) {
    return this.next() < p
  }

  pick(items) {
    return items[Math.floor(this.next() * items.length)]
  }
}

// ---------------------------------------------------------------------------------------------
// Seeds

let pool

/** The valid inventories every case starts from: the examples, whole, and small generated estates. */
export function seedPool(root) {
  if (pool) return pool
  const examples = readdirSync(path.join(root, 'examples'))
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => {
      const text = readFileSync(path.join(root, 'examples', f), 'utf8')
      return {name: `examples/${f}`, text, data: parse(text, {schema: 'core'})}
    })
  const generated = [1, 2, 4, 7, 12, 25].map((n, i) => {
    const data = toInventory(generateEstate({systems: n, seed: 101 + i, departments: 1})[0])
    return {name: `generated-${n}`, text: toYaml(data), data}
  })
  pool = {examples, generated, all: [...examples, ...generated]}
  return pool
}

const clone = (v) => structuredClone(v)

function pickSeed(rng, seeds, ops) {
  const r = rng.next()
  if (r < 0.05) {
    const s = rng.pick(seeds.examples)
    ops.push(`seed:${s.name}`)
    return clone(s.data)
  }
  if (r < 0.6) {
    // A few systems of an example, with the references that no longer resolve dropped (mostly).
    const s = rng.pick(seeds.examples)
    const data = clone(s.data)
    const n = rng.int(1, 8)
    const start = rng.int(0, Math.max(0, data.systems.length - n))
    data.systems = data.systems.slice(start, start + n)
    if (rng.chance(0.8)) {
      const ids = new Set(data.systems.map((x) => x.id))
      for (const sys of data.systems) {
        if (Array.isArray(sys.dependencies)) sys.dependencies = sys.dependencies.filter((d) => {
          // A dependency is a reference or {system, coupling}.
          const ref = typeof d === 'string' ? d : String(d?.system ?? '')
          return ids.has(ref) || (ref.includes('/') && rng.chance(0.3))
        })
      }
    }
    ops.push(`seed:${s.name}[${start}+${n}]`)
    return data
  }
  const s = rng.pick(seeds.generated)
  ops.push(`seed:${s.name}`)
  return clone(s.data)
}

// ---------------------------------------------------------------------------------------------
// Values and strings that have broken parsers, validators, formatters and spreadsheets before

export const NASTY = [
  '\x1b[2J\x1b[1;1H',
  '\x1b]8;;https://evil.example\x07click\x1b]8;;\x07',
  '\x1b[31mred\x1b[0m',
  '\u202eevil\u202c',
  '\u2066isolate\u2069',
  '\0',
  '\x07',
  '\x7f',
  '\x9b31m',
  '\u0085',
  '\u2028',
  '\u2029',
  '\ufeff',
  '\u200b',
  '\ud83d\ude80',
  '\ud800',
  '\udfff',
  '=HYPERLINK("https://evil.example","x")',
  '=1+1',
  '+cmd|" /C calc"!A0',
  '-1+1',
  '@SUM(A1:A9)',
  '\tleading tab',
  '\rleading cr',
  'pipe | in | cells',
  'line\nbreak',
  'crlf\r\nbreak',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '%0A%0D',
  '::error file=x,line=1::pwned',
  '\n::warning::injected',
  '${{ github.token }}',
  '`code`',
  '"',
  "'",
  '\\',
  ': ',
  ' #',
  '&anchor',
  '*alias',
  '!!python/object',
  '- item',
  '---',
  '...',
  '{[',
  'NaN',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'x'.repeat(301),
  'y'.repeat(5000),
  'ｆｕｌｌｗｉｄｔｈ',
  'Ünïcödé Çafé',
  'а', // Cyrillic a
  '\u0301\u0301\u0301',
  '',
  ' ',
]

const WEIRD_REFS = ['../x', 'a/b/c', '/x', 'dept/', '/', 'UPPER', 'Upper/Case', 'а', 'hmrc/а', '', ' ', 'x ', 'a_b', '-a', 'a'.repeat(64), 'a/'.repeat(30), 'hmrc/../dwp', '%2e%2e', '.', 'x\0y']

const VALUES = () => [
  0,
  -1,
  1.5,
  -0,
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  5e-324,
  NaN,
  Infinity,
  -Infinity,
  '',
  ' ',
  'text',
  true,
  false,
  null,
  [],
  {},
  [1, 'two', null],
  {a: 1, b: [2]},
  '2023-02-29',
  '2024-13-01',
  '0000-00-00',
  '2024-02-29',
  '9999-12-31',
  '0001-01-01',
  '8.10',
  8.1,
  'yes',
  'no',
  '~',
  'null',
  'true',
  '0x1F',
  '1e3',
  ...NASTY.slice(0, 12),
]

const ENUMS = {
  criticality: ['critical', 'high', 'medium', 'low'],
  hosting: ['on-premises', 'co-location', 'crown-hosting', 'private-cloud', 'public-cloud', 'saas'],
  hardware: ['x86', 'mainframe', 'sparc', 'power', 'as400', 'appliance', 'other'],
  architecture: ['monolith', 'n-tier', 'microservices', 'batch', 'desktop', 'other'],
  classification: ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET', 'TOP-SECRET'],
  residency: ['uk', 'uk-eea', 'any'],
  model: ['perpetual', 'subscription', 'open-source', 'core-based', 'user-based', 'other'],
  in_house: ['none', 'limited', 'adequate'],
  status: ['not-started', 'planned', 'in-progress', 'migrated', 'retired'],
  strategy: ['retire', 'retain', 'rehost', 'relocate', 'replatform', 'repurchase', 'refactor'],
  target: ['public-cloud', 'private-cloud', 'crown-hosting', 'saas'],
}

const PRODUCTS = [
  ['rhel', ['5', '6', '7', '8', '9', '8.10', '']],
  ['windows-server', ['2003', '2008', '2012', '2012-r2', '2016', '2019', '2022']],
  ['oracle-database', ['9i', '10.2', '11.2', '12.1', '19', '23']],
  ['mssql-server', ['2005', '2008', '2014', '2019']],
  ['java', ['1.4', '6', '8', '11', '17', '21']],
  ['dotnet', ['3.5', '4.8', '6', '8']],
  ['zos', ['2.4', '3.1']],
  ['solaris', ['10', '11.4']],
  ['ubuntu', ['14.04', '22.04']],
  ['cobol', ['']],
  ['some-unknown-thing', ['1', 'latest', 'x'.repeat(80)]],
  ['RHEL', ['7']],
  ['', ['']],
]

// ---------------------------------------------------------------------------------------------
// Data-level mutations (on the parsed inventory)

/** Every [container, key] below `root`, up to a bound (big seeds have thousands). */
function entries(root, limit = 4000) {
  const out = []
  const stack = [root]
  while (stack.length > 0 && out.length < limit) {
    const node = stack.pop()
    if (Array.isArray(node)) {
      node.forEach((v, i) => {
        out.push([node, i])
        if (v && typeof v === 'object') stack.push(v)
      })
    } else if (node && typeof node === 'object') {
      for (const k of Object.keys(node)) {
        out.push([node, k])
        const v = node[k]
        if (v && typeof v === 'object') stack.push(v)
      }
    }
  }
  return out
}

function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, {value, writable: true, enumerable: true, configurable: true})
}

function systemsOf(data) {
  return data && Array.isArray(data.systems) ? data.systems.filter((s) => s && typeof s === 'object' && !Array.isArray(s)) : []
}

function nasty(rng) {
  return rng.pick(NASTY)
}

function typo(rng, key) {
  if (key.length === 0) return 'x'
  const i = rng.int(0, key.length - 1)
  switch (rng.int(0, 3)) {
    case 0:
      return key.slice(0, i) + key.slice(i + 1)
    case 1:
      return key.slice(0, i) + String.fromCharCode(97 + rng.int(0, 25)) + key.slice(i)
    case 2:
      return key.toUpperCase()
    default:
      return key.slice(0, i) + key[i].toUpperCase() + key.slice(i + 1)
  }
}

function nest(rng, depth, leaf) {
  let v = leaf
  for (let i = 0; i < depth; i++) v = rng.chance(0.5) ? [v] : {k: v}
  return v
}

const DATA_MUTATORS = {
  'delete-key'(rng, data) {
    const objs = entries(data).filter(([c]) => !Array.isArray(c))
    if (objs.length === 0) return
    const [c, k] = rng.pick(objs)
    delete c[k]
  },
  retype(rng, data) {
    const all = entries(data)
    if (all.length === 0) return
    const [c, k] = rng.pick(all)
    c[k] = rng.pick(VALUES())
  },
  'rename-key'(rng, data) {
    const objs = entries(data).filter(([c]) => !Array.isArray(c))
    if (objs.length === 0) return
    const [c, k] = rng.pick(objs)
    const name = rng.pick([typo(rng, k), typo(rng, k), `x-${k}`, '__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', '<<', '', '1', 'true', 'null', nasty(rng), k.toUpperCase()])
    // Rebuilt in order, so the key stays where it was.
    const pairs = Object.keys(c).map((key) => [key === k ? name : key, c[key]])
    for (const key of Object.keys(c)) delete c[key]
    for (const [key, v] of pairs) setOwn(c, key, v)
  },
  'swap-values'(rng, data) {
    const all = entries(data)
    if (all.length < 2) return
    const [a, ka] = rng.pick(all)
    const [b, kb] = rng.pick(all)
    const t = a[ka]
    a[ka] = b[kb]
    b[kb] = t
  },
  'inject-string'(rng, data) {
    const strings = entries(data).filter(([c, k]) => typeof c[k] === 'string')
    if (strings.length === 0) return
    for (let n = rng.int(1, 3); n > 0; n--) {
      const [c, k] = rng.pick(strings)
      const s = c[k]
      const at = rng.int(0, s.length)
      c[k] = rng.chance(0.3) ? nasty(rng) : s.slice(0, at) + nasty(rng) + s.slice(at)
    }
  },
  'duplicate-system'(rng, data) {
    const systems = systemsOf(data)
    if (systems.length === 0) return
    const s = rng.pick(systems)
    // Sometimes the very same object twice: the YAML writer then uses an anchor and an alias.
    data.systems.splice(rng.int(0, data.systems.length), 0, rng.chance(0.3) ? s : clone(s))
  },
  'many-systems'(rng, data) {
    const systems = systemsOf(data)
    if (systems.length === 0 || systems.length > 12) return
    const copies = rng.chance(0.1) ? rng.int(20, 60) : rng.int(2, 12)
    for (let i = 0; i < copies; i++) {
      for (const s of systems) {
        const c = clone(s)
        if (typeof c.id === 'string') c.id = `${c.id.slice(0, 50)}-c${i}`
        if (Array.isArray(c.dependencies)) c.dependencies = c.dependencies.map((d) => (typeof d === 'string' && !d.includes('/') ? `${d.slice(0, 50)}-c${i}` : d && typeof d === 'object' && typeof d.system === 'string' && !d.system.includes('/') ? {...d, system: `${d.system.slice(0, 50)}-c${i}`} : d))
        data.systems.push(c)
      }
    }
  },
  dependencies(rng, data) {
    const systems = systemsOf(data)
    if (systems.length === 0) return
    const ids = systems.map((s) => s.id)
    const dept = data.department && typeof data.department === 'object' ? data.department.id : 'x'
    const s = rng.pick(systems)
    const deps = []
    for (let n = rng.int(0, 5); n > 0; n--) {
      const r = rng.next()
      if (r < 0.5) deps.push(rng.pick(ids))
      else if (r < 0.6) deps.push(s.id)
      else if (r < 0.7) deps.push(`${dept}/${rng.pick(ids)}`)
      else if (r < 0.8) deps.push(`${rng.pick(['dwp', 'hmrc', 'home-office', 'other'])}/${rng.pick(['x', 'cesa', 'pnc', 'ucs'])}`)
      else deps.push(rng.pick(WEIRD_REFS))
    }
    s.dependencies = rng.chance(0.1) ? deps.join(', ') : deps
  },
  cycle(rng, data) {
    const systems = systemsOf(data).filter((s) => typeof s.id === 'string')
    if (systems.length < 2) return
    const k = rng.int(2, Math.min(systems.length, 12))
    const start = rng.int(0, systems.length - k)
    for (let i = 0; i < k; i++) {
      const s = systems[start + i]
      const next = systems[start + ((i + 1) % k)].id
      s.dependencies = [...new Set([...(Array.isArray(s.dependencies) ? s.dependencies : []), next])]
    }
  },
  nest(rng, data) {
    const depth = rng.pick([3, 20, 60, 63, 64, 65, 66, 200])
    const systems = systemsOf(data)
    const target = systems.length > 0 && rng.chance(0.7) ? rng.pick(systems) : data
    if (!target || typeof target !== 'object' || Array.isArray(target)) return
    setOwn(target, rng.chance(0.7) ? 'x-nested' : 'platform', nest(rng, depth, rng.pick(['leaf', 1, null])))
  },
  'huge-number'(rng, data) {
    const numbers = entries(data).filter(([c, k]) => typeof c[k] === 'number')
    if (numbers.length === 0) return
    const [c, k] = rng.pick(numbers)
    c[k] = rng.pick([1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -0, 5e-324, 2 ** 31, 2 ** 32 + 1, 1e21, 123456789.12345679, Infinity, NaN])
  },
  dates(rng, data) {
    const dates = entries(data).filter(([c, k]) => typeof c[k] === 'string' && /^\d{4}-\d\d-\d\d$/.test(c[k]))
    if (dates.length === 0) return
    const [c, k] = rng.pick(dates)
    c[k] = rng.chance(0.6)
      ? `${rng.int(1900, 2200)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`
      : rng.pick(['2023-02-29', '2024-13-01', '0000-00-00', '9999-12-31', '0001-01-01', '2024-02-29', '1970-01-01', '2023-1-1', '2023-01-01T00:00:00Z', '20230101', ' 2023-01-01'])
  },
  'empty-systems'(rng, data) {
    data.systems = rng.pick([[], null, {}, ''])
  },
  enums(rng, data) {
    const hits = entries(data).filter(([, k]) => typeof k === 'string' && k in ENUMS)
    for (let n = rng.int(1, 6); n > 0 && hits.length > 0; n--) {
      const [c, k] = rng.pick(hits)
      c[k] = rng.pick(ENUMS[k])
    }
  },
  products(rng, data) {
    const systems = systemsOf(data)
    if (systems.length === 0) return
    const s = rng.pick(systems)
    const platform = s.platform && typeof s.platform === 'object' && !Array.isArray(s.platform) ? s.platform : (s.platform = {})
    const [name, versions] = rng.pick(PRODUCTS)
    platform[rng.pick(['os', 'database', 'runtime'])] = rng.chance(0.1) ? {name} : {name, version: rng.pick(versions)}
  },
  migration(rng, data) {
    const systems = systemsOf(data)
    if (systems.length === 0) return
    const s = rng.pick(systems)
    const m = {status: rng.pick(ENUMS.status)}
    if (rng.chance(0.6)) m.strategy = rng.pick(ENUMS.strategy)
    if (rng.chance(0.6)) m.target = rng.pick(ENUMS.target)
    if (rng.chance(0.6)) m.target_date = `${rng.int(2015, 2040)}-${String(rng.int(1, 12)).padStart(2, '0')}-01`
    s.migration = m
  },
}

// ---------------------------------------------------------------------------------------------
// Serialising: the styles people (and tools) write YAML in

function serialize(rng, data, ops) {
  const r = rng.next()
  try {
    if (r < 0.25) {
      ops.push('write:generate-estate')
      return toYaml(data)
    }
    if (r < 0.4) {
      ops.push('write:json')
      return JSON.stringify(data, null, rng.pick([0, 1, 2]))
    }
  } catch {
    // Not plain JSON-like data (NaN, a key the writer refuses): the yaml library writes anything.
    ops.push('write:fallback')
  }
  const options = {
    indent: rng.pick([1, 2, 2, 3, 4]),
    indentSeq: rng.chance(0.5),
    lineWidth: rng.pick([0, 30, 80]),
    defaultStringType: rng.pick(['PLAIN', 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED']),
    defaultKeyType: rng.pick([null, null, 'PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE']),
    collectionStyle: rng.pick(['any', 'block', 'block', 'flow']),
    doubleQuotedAsJSON: rng.chance(0.3),
    aliasDuplicateObjects: rng.chance(0.7),
    directives: rng.chance(0.1),
    version: rng.chance(0.1) ? '1.1' : '1.2',
  }
  ops.push(`write:yaml(${options.collectionStyle},${options.defaultStringType})`)
  return stringify(data, options)
}

// ---------------------------------------------------------------------------------------------
// Text- and byte-level mutations

const INDICATORS = [':', ': ', '- ', '? ', '[', ']', '{', '}', ',', '#', ' #', '&a ', '*a', '!', '!!str ', '!!binary ', '!!set ', '!!python/object ', '!<tag:x> ', '|', '>', '|-', '>+9', "'", '"', '%', '@', '`', '---', '...', '<<: *a', '\n---\n', '\n...\n', '\\', '\t', '  ', '\n', '\n  ', '\n- ']
const RAW_BYTES = [0x00, 0x01, 0x08, 0x0b, 0x0c, 0x1b, 0x7f, 0x80, 0x85, 0x9b, 0xa0, 0xc0, 0xc3, 0xe2, 0xef, 0xf0, 0xf8, 0xfe, 0xff]
const SEQUENCES = [[0xef, 0xbb, 0xbf], [0xe2, 0x80, 0xae], [0xe2, 0x80, 0xa8], [0xc2, 0x85], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x9a, 0x80], [0xc0, 0xaf], [0x0d]]
const ESCAPES = ['\\e', '\\0', '\\a', '\\x1b', '\\x9b', '\\u202e', '\\u2028', '\\U0001F680', '\\uD800', '\\U00110000', '\\q', '\\x', '\\u12', '\\N', '\\_', '\\\n', '\\ ']

const lines = (text) => text.split('\n')

const TEXT_MUTATORS = {
  indicator(rng, text) {
    const at = rng.int(0, text.length)
    return text.slice(0, at) + rng.pick(INDICATORS) + text.slice(at)
  },
  indent(rng, text) {
    const ls = lines(text)
    const i = rng.int(0, ls.length - 1)
    const r = rng.next()
    if (r < 0.4) ls[i] = ' '.repeat(rng.int(1, 4)) + ls[i]
    else if (r < 0.8) ls[i] = ls[i].replace(new RegExp(`^ {1,${rng.int(1, 4)}}`), '')
    else ls[i] = ls[i].replace(/^ +/, (m) => '\t'.repeat(Math.max(1, m.length >> 1)))
    return ls.join('\n')
  },
  truncate(rng, text) {
    return text.slice(0, rng.int(0, text.length))
  },
  'delete-line'(rng, text) {
    const ls = lines(text)
    ls.splice(rng.int(0, ls.length - 1), 1)
    return ls.join('\n')
  },
  'duplicate-line'(rng, text) {
    const ls = lines(text)
    const i = rng.int(0, ls.length - 1)
    ls.splice(i, 0, ls[i])
    return ls.join('\n')
  },
  'swap-lines'(rng, text) {
    const ls = lines(text)
    const i = rng.int(0, ls.length - 1)
    const j = rng.int(0, ls.length - 1)
    ;[ls[i], ls[j]] = [ls[j], ls[i]]
    return ls.join('\n')
  },
  'long-line'(rng, text) {
    const ls = lines(text)
    const i = rng.int(0, ls.length - 1)
    // At most ~16 MB, however many long lines are stacked: big enough to hurt, far from the size limit.
    const times = Math.min(rng.pick([10, 100, 2000]), Math.floor(16_000_000 / (text.length + 1)))
    ls[i] = ls[i] + ` ${ls[i].trim()}`.repeat(times)
    return ls.join('\n')
  },
  'deep-text'(rng, text) {
    const n = rng.pick([10, 63, 64, 65, 1000, 5000])
    const at = rng.int(0, text.length)
    const open = rng.pick(['[', '{a: ', '- ', '{"k": ['])
    const close = open === '[' ? ']' : open === '{a: ' ? '}' : open === '- ' ? '' : ']}'
    const deep = open.repeat(n) + 'x' + (rng.chance(0.7) ? close.repeat(n) : '')
    return text.slice(0, at) + deep + text.slice(at)
  },
  'number-text'(rng, text) {
    const m = [...text.matchAll(/\b\d+\b/g)]
    if (m.length === 0) return text
    const hit = rng.pick(m)
    const repl = rng.pick(['1e999', '-1e999', `0x${'f'.repeat(40)}`, '9'.repeat(400), '.nan', '-.inf', '0o777', '1_000', '0b101', '+12', '012', '1.', '.5', '1e-999', '-0'])
    return text.slice(0, hit.index) + repl + text.slice(hit.index + hit[0].length)
  },
  directive(rng, text) {
    const r = rng.int(0, 6)
    if (r === 0) return `%YAML 1.1\n---\n${text}`
    if (r === 1) return `%TAG ! tag:example.com,2000:\n---\n${text}`
    if (r === 2) return `--- ${text}`
    if (r === 3) return `${text}\n...\n`
    if (r === 4) return `${text}\n---\n${text}`
    if (r === 5) return `%YAML 1.3\n${text}`
    return `...\n${text}`
  },
  'break-quote'(rng, text) {
    const m = [...text.matchAll(/["']/g)]
    if (m.length === 0) return text
    const hit = rng.pick(m)
    return text.slice(0, hit.index) + text.slice(hit.index + 1)
  },
  escape(rng, text) {
    const m = [...text.matchAll(/"/g)]
    if (m.length === 0) return `${text}\nx-e: "${rng.pick(ESCAPES)}"\n`
    const hit = rng.pick(m)
    return text.slice(0, hit.index + 1) + rng.pick(ESCAPES) + text.slice(hit.index + 1)
  },
  alias(rng, text) {
    const ls = lines(text)
    const values = ls.map((l, i) => [l, i]).filter(([l]) => /^\s*[\w-]+: \S/.test(l))
    if (values.length < 2) return text
    const [first, fi] = rng.pick(values)
    ls[fi] = first.replace(/: /, ': &a ')
    for (let n = rng.int(1, 4); n > 0; n--) {
      const [l, i] = rng.pick(values)
      if (i !== fi) ls[i] = l.replace(/: .*/, ': *a')
    }
    return ls.join('\n')
  },
  'line-endings'(rng, text) {
    const r = rng.int(0, 2)
    if (r === 0) return text.replace(/\n/g, '\r\n')
    if (r === 1) return text.replace(/\n/g, '\r')
    const ls = lines(text)
    const i = rng.int(0, ls.length - 1)
    ls[i] += '\r'
    return ls.join('\n')
  },
  'splice'(rng, text, seeds) {
    const other = rng.pick(seeds.all).text
    const a = lines(text)
    const b = lines(other)
    return [...a.slice(0, rng.int(0, a.length)), ...b.slice(rng.int(0, b.length))].join('\n')
  },
}

const BYTE_MUTATORS = {
  'flip-bits'(rng, bytes) {
    const out = Buffer.from(bytes)
    for (let n = rng.int(1, 4); n > 0 && out.length > 0; n--) out[rng.int(0, out.length - 1)] ^= 1 << rng.int(0, 7)
    return out
  },
  'insert-bytes'(rng, bytes) {
    const at = rng.int(0, bytes.length)
    const ins = rng.chance(0.5) ? Buffer.from([rng.pick(RAW_BYTES)]) : Buffer.from(rng.pick(SEQUENCES))
    return Buffer.concat([bytes.subarray(0, at), ins, bytes.subarray(at)])
  },
  bom(rng, bytes) {
    if (rng.chance(0.7)) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
    const body = Buffer.from(bytes.toString('utf8'), 'utf16le')
    return Buffer.concat([Buffer.from(rng.chance(0.8) ? [0xff, 0xfe] : []), body])
  },
}

function randomBytes(rng) {
  const n = rng.pick([0, 1, 2, 3, 16, 100, 1000, 4096])
  const out = Buffer.alloc(n)
  for (let i = 0; i < n; i++) out[i] = rng.int(0, 255)
  return out
}

const YAMLISH = 'abcxyz01-_:. \n\n  - []{},#&*!|>\'"%@`?\t\\/'

function randomYamlish(rng) {
  const n = rng.pick([1, 10, 100, 1000, 3000])
  let s = rng.chance(0.5) ? 'apiVersion: cloudready/v1\nkind: Inventory\n' : ''
  for (let i = 0; i < n; i++) s += YAMLISH[rng.int(0, YAMLISH.length - 1)]
  return Buffer.from(s)
}

export const MUTATOR_NAMES = [...Object.keys(DATA_MUTATORS), ...Object.keys(TEXT_MUTATORS), ...Object.keys(BYTE_MUTATORS)]

/**
 * Case `index` of `seed`: `{bytes, ops}`, `ops` naming the seed and every mutation applied, in order.
 */
export function makeCase(seed, index, root) {
  const seeds = seedPool(root)
  const rng = new Rng(mixSeed(seed, index))
  const ops = []
  const roll = rng.next()
  if (roll < 0.03) return {bytes: randomBytes(rng), ops: ['random-bytes']}
  if (roll < 0.06) return {bytes: randomYamlish(rng), ops: ['random-yamlish']}
  let data = pickSeed(rng, seeds, ops)
  const dataNames = Object.keys(DATA_MUTATORS)
  for (let n = rng.pick([0, 1, 1, 1, 2, 2, 3]); n > 0; n--) {
    const name = rng.pick(dataNames)
    DATA_MUTATORS[name](rng, data)
    ops.push(name)
  }
  let text = serialize(rng, data, ops)
  const textNames = Object.keys(TEXT_MUTATORS)
  for (let n = rng.pick([0, 0, 0, 0, 1, 1, 2, 3]); n > 0; n--) {
    const name = rng.pick(textNames)
    text = TEXT_MUTATORS[name](rng, text, seeds)
    ops.push(name)
  }
  let bytes = Buffer.from(text, 'utf8')
  const byteNames = Object.keys(BYTE_MUTATORS)
  if (rng.chance(0.08)) {
    const name = rng.pick(byteNames)
    bytes = BYTE_MUTATORS[name](rng, bytes)
    ops.push(name)
  }
  return {bytes, ops}
}
