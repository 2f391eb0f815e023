import {rule, transferDays} from '../../src/rules/data-large-volume.js'
import {expect, it} from 'vitest'
import {testRule} from './tester.js'

it('a terabyte takes about 2.8 hours over 1 Gbit/s at 80% use', () => {
  expect(transferDays(1000) * 24).toBeCloseTo(2.78, 2)
})

testRule(rule, {
  valid: [
    {name: 'under 10 TB', system: {data: {volume_gb: 9999}}},
    {name: 'no volume recorded', system: {}},
    {name: 'a raised threshold', options: {largeGb: 100_000}, system: {data: {volume_gb: 48_000}}},
    {name: 'retired', system: {data: {volume_gb: 48_000}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: '48 TB: days to copy', system: {data: {volume_gb: 48_000}}, errors: [{message: /^data\.volume_gb = 48,000 GB: about 5\.6 days to copy over a 1 Gbit\/s link at 80% use, and egress/, pointer: '/data/volume_gb'}]},
    {name: 'exactly 10 TB', system: {data: {volume_gb: 10_000}}, errors: [{message: /about 1\.2 days/, pointer: '/data/volume_gb'}]},
  ],
})
