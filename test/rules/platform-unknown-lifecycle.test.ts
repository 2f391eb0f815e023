import {describe, expect, it} from 'vitest'

import type {LifecycleMatch} from '../../src/core/lifecycle/index.js'
import {rule} from '../../src/rules/platform-unknown-lifecycle.js'
import {contextFor, testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'known product and version', system: {platform: {os: {name: 'rhel', version: '6'}}}},
    {name: 'an alias', system: {platform: {database: {name: 'SQL Server', version: '2019'}}}},
    {name: 'no products named', system: {platform: {hardware: 'mainframe'}}},
    {name: 'version written into the name', system: {platform: {os: {name: 'rhel6'}}}},
  ],
  invalid: [
    {name: 'unknown product', system: {platform: {os: {name: 'zos', version: '2.5'}}}, errors: [{message: /^The operating system "zos" is not in the lifecycle table \(snapshot \d{4}-\d{2}-\d{2}\): its end of support is unknown$/, pointer: '/platform/os/name'}]},
    {name: 'known product, no version: points at the product', system: {platform: {os: {name: 'rhel'}}}, errors: [{message: /no version of Red Hat Enterprise Linux is given/, pointer: '/platform/os'}]},
    {name: 'version matching no release', system: {platform: {os: {name: 'rhel', version: '99'}}}, errors: [{message: /Red Hat Enterprise Linux "99" matches no release/, pointer: '/platform/os/version'}]},
    {
      name: 'one finding per layer, known ones skipped',
      system: {platform: {os: {name: 'zos'}, database: {name: 'oracle-database', version: '19'}, runtime: {name: 'cobol', version: '6.3'}}},
      errors: [
        {message: /operating system "zos"/, pointer: '/platform/os/name'},
        {message: /runtime "cobol"/, pointer: '/platform/runtime/name'},
      ],
    },
  ],
})

describe('platform-unknown-lifecycle, beyond the shipped table', () => {
  it('reports a known release whose security end is not published', () => {
    const {system, ctx} = contextFor(rule, {name: '', system: {platform: {database: {name: 'acme-db', version: '3'}}}})
    const match: LifecycleMatch = {status: 'known', productId: 'acme-db', title: 'Acme DB', category: 'database', version: '3', cycle: '3', releaseDate: null, mainstreamEnd: null, securityEnd: null, extendedEnd: null, assumedLatestLevel: false}
    const reports = rule.check(system, {...ctx, lookup: () => match})
    expect(reports).toEqual([{pointer: '/platform/database/version', message: expect.stringMatching(/Acme DB 3 has no published end of security support/)}])
  })

  it('judges only systems that name a product', () => {
    const has = (s: object) => {
      const c = contextFor(rule, {name: '', system: s})
      return rule.hasData!(c.system, c.ctx)
    }
    expect(has({platform: {os: {name: 'zos'}}})).toBe(true)
    expect(has({platform: {hardware: 'x86'}})).toBe(false)
    expect(has({})).toBe(false)
  })
})
