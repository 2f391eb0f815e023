import {rule} from '../../src/rules/data-quality-gaps.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'all three recorded', system: {owner: 'Team', users: 10, costs: {annual_run_gbp: 1000}}},
    {name: 'retired', system: {migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'none recorded: one finding naming all three', system: {}, errors: [{message: /^Not recorded: owner, costs\.annual_run_gbp, users$/, pointer: ''}]},
    {name: 'a blank owner counts as none', system: {owner: '  ', users: 5, costs: {annual_run_gbp: 1}}, errors: [{message: /^Not recorded: owner$/, pointer: ''}]},
  ],
})
