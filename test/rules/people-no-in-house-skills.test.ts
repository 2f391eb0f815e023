import {rule} from '../../src/rules/people-no-in-house-skills.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'limited', system: {skills: {in_house: 'limited'}}},
    {name: 'adequate', system: {skills: {in_house: 'adequate'}}},
    {name: 'not stated', system: {skills: {scarce: ['cobol']}}},
    {name: 'retired', system: {skills: {in_house: 'none'}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'none, no contracts', system: {skills: {in_house: 'none'}}, errors: [{message: /^No in-house skills to run or migrate the system: it depends wholly on its suppliers$/, pointer: '/skills/in_house'}]},
    {
      name: 'none, names the suppliers once each',
      system: {skills: {in_house: 'none'}, contracts: [{supplier: 'Fujitsu'}, {supplier: 'Capita'}, {supplier: 'Fujitsu'}]},
      errors: [{message: /suppliers \(Fujitsu, Capita\)$/, pointer: '/skills/in_house'}],
    },
    {name: 'migrated', system: {skills: {in_house: 'none'}, migration: {status: 'migrated'}}, errors: [{message: /No in-house skills/, pointer: '/skills/in_house'}]},
  ],
})
