import {rule} from '../../src/rules/architecture-dependency-cycle.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'not in a cycle', system: {dependencies: ['payments-gw']}},
    {name: 'no dependencies', system: {}},
    {name: 'in a cycle but migrated', cycle: ['dept/sys', 'dept/a'], system: {dependencies: ['a'], migration: {status: 'migrated'}}},
  ],
  invalid: [
    {name: 'two-system cycle', cycle: ['dept/sys', 'dept/payments-gw'], system: {dependencies: ['payments-gw']}, errors: [{message: /^Part of a dependency cycle: must move together with payments-gw$/, pointer: '/dependencies/0'}]},
    {
      name: 'members sorted, other departments written in full, pointer at the first edge in the cycle',
      cycle: ['dept/zeta', 'dwp/benefits-core', 'dept/sys', 'dept/alpha'],
      system: {dependencies: ['outside', 'dwp/benefits-core', 'zeta']},
      errors: [{message: /must move together with alpha, zeta, dwp\/benefits-core$/, pointer: '/dependencies/1'}],
    },
    {name: 'same-department ref written in full', department: 'hmrc', cycle: ['hmrc/sys', 'hmrc/b'], system: {dependencies: ['hmrc/b']}, errors: [{message: /together with b$/, pointer: '/dependencies/0'}]},
  ],
})
