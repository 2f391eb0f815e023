/**
 * The data a YAML test suite case describes, built from its expected parse events (`test.event`),
 * for the cases that have no JSON form of it. Plain scalars resolve by YAML 1.2's core schema. A
 * mapping key that is not text (a null, a list, a mapping) has no JSON form: `unrepresentable`.
 */
export const UNREPRESENTABLE = Symbol('unrepresentable')

function unescape(s: string): string {
  return s.replace(/\\(.)/g, (_, c: string) => ({n: '\n', t: '\t', b: '\b', r: '\r', '\\': '\\', '0': '\0', f: '\f', v: '\v'})[c] ?? c)
}

function core(plain: string): unknown {
  if (/^(|~|null|Null|NULL)$/.test(plain)) return null
  if (/^(true|True|TRUE)$/.test(plain)) return true
  if (/^(false|False|FALSE)$/.test(plain)) return false
  if (/^[-+]?[0-9]+$/.test(plain)) return Number(plain)
  if (/^0o[0-7]+$/.test(plain)) return parseInt(plain.slice(2), 8)
  if (/^0x[0-9a-fA-F]+$/.test(plain)) return parseInt(plain.slice(2), 16)
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return Number(plain)
  if (/^[-+]?\.(inf|Inf|INF)$/.test(plain)) return plain.startsWith('-') ? -Infinity : Infinity
  if (/^\.(nan|NaN|NAN)$/.test(plain)) return NaN
  return plain
}

/** The documents of an event stream (each a value, or UNREPRESENTABLE). */
export function documentsFromEvents(events: string): unknown[] {
  const docs: unknown[] = []
  const anchors = new Map<string, unknown>()
  type Frame = {kind: 'map' | 'seq'; value: Record<string, unknown> | unknown[]; key?: {v: unknown}; anchor?: string; bad: boolean}
  const stack: Frame[] = []
  let root: unknown
  let bad = false
  const put = (v: unknown) => {
    const top = stack[stack.length - 1]
    if (!top) {
      root = v
      return
    }
    if (top.kind === 'seq') (top.value as unknown[]).push(v)
    else if (top.key === undefined) {
      if (typeof v === 'string') top.key = {v}
      else if (typeof v === 'number' || typeof v === 'boolean') top.key = {v: String(v)}
      else {
        bad = true
        top.key = {v: '?'}
      }
    } else {
      ;(top.value as Record<string, unknown>)[top.key.v as string] = v
      top.key = undefined
    }
  }
  for (const line of events.split('\n')) {
    const [ev] = line.split(' ')
    const anchor = / &(\S+)/.exec(line)?.[1]
    if (ev === '+DOC') {
      root = undefined
      bad = false
    } else if (ev === '-DOC') {
      docs.push(bad ? UNREPRESENTABLE : root)
    } else if (ev === '+MAP' || ev === '+SEQ') {
      const value = ev === '+MAP' ? {} : []
      stack.push({kind: ev === '+MAP' ? 'map' : 'seq', value, anchor, bad: false})
    } else if (ev === '-MAP' || ev === '-SEQ') {
      const f = stack.pop()!
      if (f.anchor) anchors.set(f.anchor, f.value)
      put(f.value)
    } else if (ev === '=VAL') {
      const m = /^=VAL(?: &\S+)?(?: <([^>]*)>)? ([:'"|>])(.*)$/.exec(line)!
      const text = unescape(m[3])
      const v = m[2] === ':' && m[1] === undefined ? core(text) : text
      if (anchor) anchors.set(anchor, v)
      put(v)
    } else if (ev === '=ALI') {
      put(structuredClone(anchors.get(line.slice(6))))
    }
  }
  return docs
}
