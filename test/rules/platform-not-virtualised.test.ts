import {rule} from '../../src/rules/platform-not-virtualised.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'virtualised x86', system: {platform: {hardware: 'x86', virtualised: true}}},
    {name: 'virtualisation not stated', system: {platform: {hardware: 'x86'}}},
    {name: 'physical mainframe (platform-specialist-hardware)', system: {platform: {hardware: 'mainframe', virtualised: false}}},
    {name: 'physical x86 already migrated', system: {platform: {hardware: 'x86', virtualised: false}, migration: {status: 'migrated'}}},
  ],
  invalid: [
    {name: 'physical x86', system: {platform: {hardware: 'x86', virtualised: false}}, errors: [{message: /^Runs on physical x86 servers, not virtualised/, pointer: '/platform/virtualised'}]},
    {name: 'physical, hardware not given', system: {platform: {virtualised: false}}, errors: [{message: /^Runs on physical servers, not virtualised/, pointer: '/platform/virtualised'}]},
    {name: 'physical other hardware', system: {platform: {hardware: 'other', virtualised: false}}, errors: [{message: /physical servers \(hardware: other\)/, pointer: '/platform/virtualised'}]},
  ],
})
