import {describe, expect, it} from 'vitest'

import {rule} from '../../src/rules/data-residency-any.js'
import {contextFor, testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'personal data kept in the UK', system: {data: {personal_data: true, residency: 'uk'}}},
    {name: 'personal data in the UK and EEA', system: {data: {personal_data: true, residency: 'uk-eea'}}},
    {name: 'no personal data, anywhere', system: {data: {personal_data: false, residency: 'any'}}},
    {name: 'personal data, residency not stated', system: {data: {personal_data: true}}},
    {name: 'retired', system: {data: {personal_data: true, residency: 'any'}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'personal data anywhere', system: {data: {personal_data: true, residency: 'any'}}, errors: [{message: /restricted transfer under UK GDPR/, pointer: '/data/residency'}]},
    {name: 'already on public cloud', system: {hosting: 'public-cloud', data: {classification: 'OFFICIAL', personal_data: true, residency: 'any'}}, errors: [{message: /residency: any/, pointer: '/data/residency'}]},
    {name: 'migrated', system: {data: {personal_data: true, residency: 'any'}, migration: {status: 'migrated'}}, errors: [{message: /no residency constraint/, pointer: '/data/residency'}]},
  ],
})

describe('data-residency-any hasData', () => {
  it('needs residency only for personal data', () => {
    const has = (s: object) => {
      const c = contextFor(rule, {name: '', system: s})
      return rule.hasData!(c.system, c.ctx)
    }
    expect(has({data: {personal_data: false}})).toBe(true)
    expect(has({data: {personal_data: true, residency: 'uk'}})).toBe(true)
    expect(has({data: {personal_data: true}})).toBe(false)
    expect(has({data: {residency: 'uk'}})).toBe(false)
  })
})
