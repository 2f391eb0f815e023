/**
 * Lifecycle facts for the platform a product runs on: a vendor that dates a database separately on
 * z/OS (Db2 for z/OS) is never judged with the distributed product's dates.
 */
import {describe, expect, it} from 'vitest'

import {defaultLifecycle, lookup, parseLifecycle, platformOf} from '../../../src/core/lifecycle/index.js'

const table = defaultLifecycle()

describe('platform-aware lifecycle', () => {
  it('tells the platform from the OS and the hardware', () => {
    expect(platformOf({platform: {os: {name: 'zos'}}})).toBe('zos')
    expect(platformOf({platform: {hardware: 'mainframe'}})).toBe('zos')
    expect(platformOf({platform: {os: {name: 'ibm-i'}}})).toBe('ibm-i')
    expect(platformOf({platform: {hardware: 'as400'}})).toBe('ibm-i')
    expect(platformOf({platform: {os: {name: 'rhel'}, hardware: 'x86'}})).toBe('distributed')
    expect(platformOf({})).toBe('distributed')
  })

  it('matches Db2 11.5 on Linux, and leaves Db2 on z/OS unknown, naming why', () => {
    expect(lookup(table, {name: 'db2', version: '11.5'}).status).toBe('known')
    const onZ = lookup(table, {name: 'db2', version: '11.5'}, 'zos')
    expect(onZ).toMatchObject({status: 'unknown-product', product: 'db2', otherPlatform: {title: 'IBM Db2', platform: 'zos'}})
  })

  it('uses dates a table gives for z/OS, and refuses an unknown platform name', () => {
    const text = JSON.stringify({
      ...JSON.parse(JSON.stringify(table)),
      products: {...JSON.parse(JSON.stringify(table)).products, 'db2-zos': {title: 'Db2 for z/OS', category: 'database', aliases: ['db2-for-zos'], platforms: ['zos'], cycles: [['13', '2022-05-31', null, false, false]]}},
    })
    const custom = parseLifecycle(text, 'custom.json')
    expect(lookup(custom, {name: 'db2-for-zos', version: '13'}, 'zos').status).toBe('known')
    expect(lookup(custom, {name: 'db2-for-zos', version: '13'}).status).toBe('unknown-product')
    const bad = text.replace('"platforms":["zos"]', '"platforms":["os2"]')
    expect(() => parseLifecycle(bad, 'bad.json')).toThrow(/platforms: expected a list of distributed, zos, ibm-i/)
  })
})
