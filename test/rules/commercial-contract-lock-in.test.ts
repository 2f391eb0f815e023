import {rule} from '../../src/rules/commercial-contract-lock-in.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'break clause', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: true}]}},
    {name: 'break clause not recorded (unknown, not absent)', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31'}]}},
    {name: 'ends on the deadline', asOf: '2023-06-01', system: {contracts: [{supplier: 'Capita', ends: '2023-12-31', break_clause: false}]}},
    {name: 'ended already (after the deadline, before asOf)', system: {contracts: [{supplier: 'Atos', ends: '2025-03-31', break_clause: false}]}},
    {name: 'ends today', system: {contracts: [{supplier: 'Atos', ends: '2026-11-27', break_clause: false}]}},
    {name: 'no end date', system: {contracts: [{supplier: 'Atos', break_clause: false}]}},
    {name: 'migrated', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: false}], migration: {status: 'migrated'}}},
  ],
  invalid: [
    {
      name: 'runs past the deadline and today',
      system: {contracts: [{supplier: 'Fujitsu', ends: '2027-03-31', break_clause: false}]},
      errors: [{message: /^The Fujitsu contract runs to 2027-03-31 \(124 days from now, 1,186 days past the 2023-12-31 deadline\) with no break clause$/, pointer: '/contracts/0/ends'}],
    },
    {
      name: 'one finding per contract, at its own index',
      system: {contracts: [{supplier: 'A', ends: '2027-01-31', break_clause: true}, {supplier: 'B', ends: '2027-06-30', break_clause: false}, {supplier: 'C', ends: '2030-01-31', break_clause: false}]},
      errors: [{message: /The B contract/, pointer: '/contracts/1/ends'}, {message: /The C contract/, pointer: '/contracts/2/ends'}],
    },
    {name: 'before the deadline, ending after it', asOf: '2023-06-01', system: {contracts: [{supplier: 'Capita', ends: '2024-01-01', break_clause: false}]}, errors: [{message: /1 day past the 2023-12-31 deadline/, pointer: '/contracts/0/ends'}]},
    {name: 'ends tomorrow', system: {contracts: [{supplier: 'Atos', ends: '2026-11-28', break_clause: false}]}, errors: [{message: /\(1 day from now/, pointer: '/contracts/0/ends'}]},
  ],
})
