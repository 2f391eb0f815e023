import {rule} from '../../src/rules/commercial-contract-lock-in.js'
import {testRule} from './tester.js'

// Measured against the system's own move (migration.target_date), not against the policy deadline.
const MOVE = {migration: {status: 'planned' as const, target_date: '2027-06-30'}}

testRule(rule, {
  valid: [
    {name: 'break clause, no move date', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: true}]}},
    {name: 'break clause, running on after the move', system: {...MOVE, contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: true}]}},
    {name: 'break clause not recorded (unknown, not absent)', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31'}]}},
    {name: 'ends on the move date', system: {...MOVE, contracts: [{supplier: 'Capita', ends: '2027-06-30', break_clause: false}]}},
    {name: 'ends within a month of the move: no double running to speak of', system: {...MOVE, contracts: [{supplier: 'Capita', ends: '2027-07-10', break_clause: false}]}},
    {name: 'ended already (before asOf)', system: {contracts: [{supplier: 'Atos', ends: '2025-03-31', break_clause: false}]}},
    {name: 'ends today', system: {contracts: [{supplier: 'Atos', ends: '2026-11-27', break_clause: false}]}},
    {name: 'no end date', system: {contracts: [{supplier: 'Atos', break_clause: false}]}},
    {name: 'migrated', system: {contracts: [{supplier: 'Fujitsu', ends: '2028-03-31', break_clause: false}], migration: {status: 'migrated'}}},
  ],
  invalid: [
    {
      name: 'runs on after the move with no break clause: months of double running',
      system: {...MOVE, contracts: [{supplier: 'Fujitsu', ends: '2028-06-30', break_clause: false}]},
      errors: [{message: /^The Fujitsu contract runs to 2028-06-30 with no break clause: 12 months of double running after the move \(migration\.target_date = 2027-06-30\)$/, pointer: '/contracts/0/ends'}],
    },
    {
      name: 'ends before the move: a renewal falls due first, break clause or not',
      system: {...MOVE, contracts: [{supplier: 'Capita', ends: '2027-03-31', break_clause: true}]},
      errors: [{message: /^The Capita contract ends on 2027-03-31, before the move \(migration\.target_date = 2027-06-30\): it must be renewed/, pointer: '/contracts/0/ends'}],
    },
    {
      name: 'no move date: said so',
      system: {contracts: [{supplier: 'Fujitsu', ends: '2027-03-31', break_clause: false}]},
      errors: [{message: /^The Fujitsu contract runs to 2027-03-31 \(124 days from now\) with no break clause, and no migration\.target_date/, pointer: '/contracts/0/ends'}],
    },
    {
      name: 'one finding per contract, at its own index',
      system: {...MOVE, contracts: [{supplier: 'A', ends: '2028-01-31', break_clause: true}, {supplier: 'B', ends: '2027-05-31', break_clause: false}, {supplier: 'C', ends: '2030-01-31', break_clause: false}]},
      errors: [{message: /The B contract ends on 2027-05-31, before the move/, pointer: '/contracts/1/ends'}, {message: /The C contract runs to 2030-01-31 .* 31 months of double running/, pointer: '/contracts/2/ends'}],
    },
    {name: 'ends tomorrow, no move date', system: {contracts: [{supplier: 'Atos', ends: '2026-11-28', break_clause: false}]}, errors: [{message: /\(1 day from now/, pointer: '/contracts/0/ends'}]},
  ],
})
