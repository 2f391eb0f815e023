import {describe, expect, it} from 'vitest'

import {rule} from '../../src/rules/platform-end-of-support.js'
import {contextFor, testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'supported release', system: {platform: {os: {name: 'rhel', version: '9'}}}},
    {name: 'on the last day of security support', asOf: '2020-11-30', system: {platform: {os: {name: 'rhel', version: '6'}}}},
    {name: 'past security end but extended support running (another rule)', system: {platform: {os: {name: 'rhel', version: '7'}}}},
    {name: 'unknown product (another rule)', system: {platform: {os: {name: 'zos', version: '2.5'}}}},
    {name: 'no platform', system: {}},
    {name: 'no end of security support announced', system: {platform: {runtime: {name: 'dotnetfx', version: '4.8'}}}},
  ],
  invalid: [
    {
      name: 'RHEL 6, extended support over too',
      system: {platform: {os: {name: 'rhel', version: '6'}}},
      errors: [{message: /^The operating system Red Hat Enterprise Linux 6 has had no security support since 2020-11-30 \(2,188 days\), and its extended support also ended on 2024-06-30$/, pointer: '/platform/os/version'}],
    },
    {
      name: 'one finding per layer',
      system: {platform: {os: {name: 'rhel', version: '6'}, database: {name: 'oracle-database', version: '11.2'}, runtime: {name: 'java', version: '17'}}},
      errors: [
        {message: /operating system Red Hat Enterprise Linux 6/, pointer: '/platform/os/version'},
        {message: /database Oracle Database 11\.2 has had no security support since 2015-01-31/, pointer: '/platform/database/version'},
      ],
    },
    {name: 'version written into the name: points at the name', system: {platform: {os: {name: 'rhel5'}}}, errors: [{message: /Red Hat Enterprise Linux 5/, pointer: '/platform/os/name'}]},
    {name: 'no extended support in the table', system: {platform: {os: {name: 'windows-server', version: '2003'}}}, errors: [{message: /no extended support is listed/, pointer: '/platform/os/version'}]},
    {name: 'security end known only as ended', system: {platform: {os: {name: 'solaris', version: '11.1'}}}, errors: [{message: /Oracle Solaris 11\.1 has had no security support \(end date not published\)/, pointer: '/platform/os/version'}]},
    {name: 'the day extended support has ended', asOf: '2029-06-01', system: {platform: {os: {name: 'rhel', version: '7'}}}, errors: [{message: /extended support also ended on 2029-05-31/, pointer: '/platform/os/version'}]},
  ],
})

describe('platform-end-of-support hasData', () => {
  it('judges the share of the named products the table knows, with their versions', () => {
    const has = (system: object) => {
      const c = contextFor(rule, {name: '', system})
      return rule.hasData!(c.system, c.ctx)
    }
    expect(has({platform: {os: {name: 'rhel', version: '6'}}})).toBe(1)
    // z/OS is unknown to the table: Db2 11.1 is judged, and confidence counts half of the rule.
    expect(has({platform: {os: {name: 'zos'}, database: {name: 'db2', version: '11.1'}}})).toBe(0.5)
    expect(has({platform: {os: {name: 'zos'}, database: {name: 'db2', version: '99.9'}}})).toBe(0)
    expect(has({platform: {os: {name: 'rhel'}}})).toBe(0)
    expect(has({platform: {hardware: 'x86'}})).toBe(0)
  })
})
