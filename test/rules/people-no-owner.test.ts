import {rule} from '../../src/rules/people-no-owner.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'owner named', system: {owner: 'Digital Tax Platform team'}},
    {name: 'retired without owner', system: {migration: {status: 'retired'}}},
    {name: 'owner with surrounding spaces', system: {owner: ' J. Smith '}},
  ],
  invalid: [
    {name: 'no owner: points at the system', system: {}, errors: [{message: /^No owner is named/, pointer: ''}]},
    {name: 'blank owner: points at it', system: {owner: '   '}, errors: [{message: /nobody is accountable/, pointer: '/owner'}]},
    {name: 'migrated without owner', system: {migration: {status: 'migrated'}}, errors: [{message: /No owner/, pointer: ''}]},
  ],
})
