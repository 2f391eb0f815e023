import {expect, it} from 'vitest'

import {rule} from '../../src/rules/architecture-depends-on-not-ready.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'dependencies ready or conditional', system: {dependencies: ['a', 'dwp/b']}, readiness: {'dept/a': 'ready', 'dwp/b': 'ready-with-conditions'}},
    {name: 'dependency unknown', system: {dependencies: ['a']}, readiness: {'dept/a': 'unknown'}},
    {name: 'dependency outside the estate', system: {dependencies: ['hmrc/tax-calc']}},
    {name: 'no dependencies', system: {}},
    {name: 'this system already migrated', system: {dependencies: ['a'], migration: {status: 'migrated'}}, readiness: {'dept/a': 'not-ready'}},
    {name: 'the same id in another department is not this one', system: {dependencies: ['a']}, readiness: {'dwp/a': 'not-ready'}},
  ],
  invalid: [
    {name: 'same-department dependency', system: {dependencies: ['ready-one', 'ledger']}, readiness: {'dept/ready-one': 'ready', 'dept/ledger': 'not-ready'}, errors: [{message: /^Depends on ledger, which is not ready to move/, pointer: '/dependencies/1'}]},
    {name: 'cross-department dependency', system: {dependencies: ['dwp/benefits-core']}, readiness: {'dwp/benefits-core': 'not-ready'}, errors: [{message: /Depends on dwp\/benefits-core/, pointer: '/dependencies/0'}]},
    {
      name: 'one finding per blocked dependency, own department written in full',
      department: 'hmrc',
      system: {dependencies: ['a', 'hmrc/b']},
      readiness: {'hmrc/a': 'not-ready', 'hmrc/b': 'not-ready'},
      errors: [{message: /Depends on a,/, pointer: '/dependencies/0'}, {message: /Depends on b,/, pointer: '/dependencies/1'}],
    },
  ],
})

it('runs in the second pass', () => {
  expect(rule.secondPass).toBe(true)
})
