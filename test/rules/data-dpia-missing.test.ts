import {rule} from '../../src/rules/data-dpia-missing.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'personal data with a DPIA', system: {data: {personal_data: true, dpia_completed: true}}},
    {name: 'no personal data', system: {data: {personal_data: false, dpia_completed: false}}},
    {name: 'personal data not stated', system: {data: {classification: 'OFFICIAL'}}},
    {name: 'retired', system: {data: {personal_data: true, dpia_completed: false}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'DPIA not completed', system: {data: {personal_data: true, dpia_completed: false}}, errors: [{message: /^Holds personal data but its data protection impact assessment is not completed$/, pointer: '/data/dpia_completed'}]},
    {name: 'DPIA not recorded: points at the data block', system: {data: {personal_data: true}}, errors: [{message: /no data protection impact assessment is recorded/, pointer: '/data'}]},
    {name: 'migrated without one', system: {data: {personal_data: true, dpia_completed: false}, migration: {status: 'migrated'}}, errors: [{message: /not completed/, pointer: '/data/dpia_completed'}]},
  ],
})
