import {rule} from '../../src/rules/commercial-licence-not-portable.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'portable', system: {licensing: {model: 'subscription', cloud_portable: true}}},
    {name: 'portability not stated', system: {licensing: {model: 'perpetual'}}},
    {name: 'migrated', system: {licensing: {model: 'perpetual', cloud_portable: false}, migration: {status: 'migrated'}}},
  ],
  invalid: [
    {name: 'perpetual, not portable', system: {licensing: {model: 'perpetual', cloud_portable: false}}, errors: [{message: /^The perpetual licence is not portable to cloud/, pointer: '/licensing/cloud_portable'}]},
    {name: 'model not stated', system: {licensing: {cloud_portable: false}}, errors: [{message: /^The licence is not portable/, pointer: '/licensing/cloud_portable'}]},
    {name: 'planned move', system: {licensing: {model: 'core-based', cloud_portable: false}, migration: {status: 'planned', strategy: 'rehost'}}, errors: [{message: /core-based licence/, pointer: '/licensing/cloud_portable'}]},
  ],
})
