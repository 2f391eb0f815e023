import {rule} from '../../src/rules/data-classification-missing.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'OFFICIAL', system: {data: {classification: 'OFFICIAL'}}},
    {name: 'SECRET', system: {data: {classification: 'SECRET', personal_data: false}}},
    {name: 'retired without classification', system: {migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'no data block: points at the system', system: {}, errors: [{message: /no security classification/, pointer: ''}]},
    {name: 'data block without classification', system: {data: {personal_data: true}}, errors: [{message: /set data\.classification/, pointer: '/data'}]},
    {name: 'migrated systems still need one', system: {data: {volume_gb: 10}, migration: {status: 'migrated'}}, errors: [{message: /no security classification/, pointer: '/data'}]},
  ],
})
