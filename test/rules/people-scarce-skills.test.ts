import {rule} from '../../src/rules/people-scarce-skills.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'none scarce', system: {skills: {scarce: [], in_house: 'adequate'}}},
    {name: 'not stated', system: {skills: {in_house: 'limited'}}},
    {name: 'retired', system: {skills: {scarce: ['cobol']}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'one', system: {skills: {scarce: ['cobol']}}, errors: [{message: /^Depends on scarce skills: cobol$/, pointer: '/skills/scarce'}]},
    {name: 'several, named in order', system: {skills: {scarce: ['cobol', 'natural', 'adabas']}}, errors: [{message: /cobol, natural, adabas/, pointer: '/skills/scarce'}]},
    {name: 'migrated systems still need them', system: {skills: {scarce: ['pl/1']}, migration: {status: 'migrated'}}, errors: [{message: /pl\/1/, pointer: '/skills/scarce'}]},
  ],
})
