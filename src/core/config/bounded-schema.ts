/**
 * A custom rule's schema runs on every system, and a pull request can change it: its cost must be
 * bounded. JavaScript's regular expressions backtrack, so a pattern with a quantified group that itself
 * repeats or branches — `(a+)+`, `(a|a)*`, `(x*y?)*` — can take exponential time on a short value; such
 * patterns, and back-references, are refused before use. `uniqueItems` compares every pair of a list
 * (20,000 items took 11 s), so it is refused too. Everything else a schema can say is linear in the data.
 */

/** Why a pattern could backtrack without bound, or undefined when it cannot. */
export function unboundedPattern(pattern: string): string | undefined {
  if (/\\[1-9]|\\k</.test(pattern)) return 'a back-reference'
  // Groups, innermost first: a group repeated by a quantifier must hold no quantifier and no alternation.
  const stack: Array<{start: number; risky: boolean}> = []
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]
    if (c === '\\') {
      i++
      continue
    }
    if (c === '[') {
      // A character class is one character, whatever it holds.
      for (i++; i < pattern.length && pattern[i] !== ']'; i++) if (pattern[i] === '\\') i++
      continue
    }
    if (c === '(') {
      stack.push({start: i, risky: false})
      continue
    }
    const top = stack.at(-1)
    if (c === ')') {
      const group = stack.pop()
      const next = pattern[i + 1]
      // `?` is at most once: it does not repeat.
      const repeated = next === '*' || next === '+' || next === '{'
      if (group && repeated && group.risky) return `the group ${pattern.slice(group.start, i + 1)} repeats something that repeats or branches itself`
      // What a group holds counts for the group around it.
      if ((group?.risky || repeated) && stack.length) stack[stack.length - 1].risky = true
      continue
    }
    if (top && (c === '*' || c === '+' || c === '?' || c === '{' || c === '|')) top.risky = true
  }
  return undefined
}

/** Where in a schema something unbounded sits (a JSON pointer) and why, or undefined when nothing does. */
export function unboundedSchema(schema: unknown, at = ''): {pointer: string; why: string} | undefined {
  if (Array.isArray(schema)) {
    for (let i = 0; i < schema.length; i++) {
      const found = unboundedSchema(schema[i], `${at}/${i}`)
      if (found) return found
    }
    return undefined
  }
  if (schema === null || typeof schema !== 'object') return undefined
  for (const [key, value] of Object.entries(schema as Record<string, unknown>)) {
    const here = `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`
    if (key === 'pattern' && typeof value === 'string') {
      const why = unboundedPattern(value)
      if (why) return {pointer: here, why: `the pattern ${JSON.stringify(value)} could take exponential time on a short value (${why}): write it without nested repetition`}
    }
    if (key === 'patternProperties' && value && typeof value === 'object') {
      for (const p of Object.keys(value)) {
        const why = unboundedPattern(p)
        if (why) return {pointer: here, why: `the property pattern ${JSON.stringify(p)} could take exponential time (${why})`}
      }
    }
    if (key === 'uniqueItems' && value === true) return {pointer: here, why: 'uniqueItems compares every pair of a list (its cost grows with the square of the list): it is not allowed in a custom rule'}
    if (key !== 'const' && key !== 'enum') {
      const found = unboundedSchema(value, here)
      if (found) return found
    }
  }
  return undefined
}
