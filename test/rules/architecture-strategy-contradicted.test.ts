import {rule} from '../../src/rules/architecture-strategy-contradicted.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'replatform a mainframe', system: {platform: {hardware: 'mainframe'}, migration: {strategy: 'replatform'}}},
    {name: 'rehost x86', system: {platform: {hardware: 'x86'}, migration: {strategy: 'rehost', target: 'public-cloud'}}},
    {name: 'SECRET retained', system: {data: {classification: 'SECRET'}, migration: {strategy: 'retain'}}},
    {name: 'SECRET rehosted to Crown Hosting', system: {data: {classification: 'SECRET'}, migration: {strategy: 'rehost', target: 'crown-hosting'}}},
    {name: 'SECRET refactored for public cloud (the refactor is how it is made fit)', system: {data: {classification: 'SECRET'}, migration: {strategy: 'refactor', target: 'public-cloud'}}},
    {name: 'retire a critical system with fewer users than the option', system: {criticality: 'critical', users: 999, migration: {strategy: 'retire'}}},
    {name: 'retire a critical system whose users are not stated', system: {criticality: 'critical', migration: {strategy: 'retire'}}},
    {name: 'mainframe rehosted, already migrated', system: {platform: {hardware: 'mainframe'}, migration: {strategy: 'rehost', status: 'migrated'}}},
    {name: 'no declared strategy', system: {platform: {hardware: 'mainframe'}}},
  ],
  invalid: [
    {name: 'rehost a mainframe', system: {platform: {hardware: 'mainframe'}, migration: {strategy: 'rehost'}}, errors: [{message: /^Declared strategy rehost cannot work on mainframe hardware/, pointer: '/migration/strategy'}]},
    {name: 'relocate AS/400', system: {platform: {hardware: 'as400'}, migration: {strategy: 'relocate'}}, errors: [{message: /relocate cannot work on as400/, pointer: '/migration/strategy'}]},
    {name: 'repurchase SaaS for TOP-SECRET data', system: {data: {classification: 'TOP-SECRET'}, migration: {strategy: 'repurchase', target: 'saas'}}, errors: [{message: /repurchase to saas contradicts the data's TOP-SECRET classification/, pointer: '/migration/strategy'}]},
    {name: 'retire a critical system used by exactly the option', system: {criticality: 'critical', users: 1000, migration: {strategy: 'retire'}}, errors: [{message: /retire for a critical system with 1,000 users/, pointer: '/migration/strategy'}]},
    {name: 'a lower threshold from the config', options: {manyUsers: 50}, system: {criticality: 'critical', users: 60, migration: {strategy: 'retire'}}, errors: [{message: /60 users/, pointer: '/migration/strategy'}]},
    {
      name: 'several contradictions, one finding each',
      system: {platform: {hardware: 'sparc'}, data: {classification: 'SECRET'}, migration: {strategy: 'rehost', target: 'public-cloud'}},
      errors: [{message: /sparc hardware/, pointer: '/migration/strategy'}, {message: /SECRET classification/, pointer: '/migration/strategy'}],
    },
  ],
})
