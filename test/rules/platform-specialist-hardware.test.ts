import {rule} from '../../src/rules/platform-specialist-hardware.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'x86', system: {platform: {hardware: 'x86'}}},
    {name: 'other hardware', system: {platform: {hardware: 'other'}}},
    {name: 'hardware not given', system: {platform: {virtualised: false}}},
    {name: 'mainframe already migrated', system: {platform: {hardware: 'mainframe'}, migration: {status: 'migrated'}}},
    {name: 'mainframe retired', system: {platform: {hardware: 'mainframe'}, migration: {status: 'retired'}}},
  ],
  invalid: [
    {name: 'mainframe', system: {platform: {hardware: 'mainframe'}}, errors: [{message: /^Runs on a mainframe, which no commodity cloud can rehost/, pointer: '/platform/hardware'}]},
    {name: 'SPARC', system: {platform: {hardware: 'sparc', virtualised: true}}, errors: [{message: /SPARC servers/, pointer: '/platform/hardware'}]},
    {name: 'IBM Power', system: {platform: {hardware: 'power'}, migration: {status: 'planned'}}, errors: [{message: /IBM Power servers/, pointer: '/platform/hardware'}]},
    {name: 'AS/400', system: {platform: {hardware: 'as400'}}, errors: [{message: /AS\/400/, pointer: '/platform/hardware'}]},
    {name: 'appliance', system: {platform: {hardware: 'appliance'}}, errors: [{message: /vendor appliance/, pointer: '/platform/hardware'}]},
  ],
})
