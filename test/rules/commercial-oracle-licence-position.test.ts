import {rule} from '../../src/rules/commercial-oracle-licence-position.js'
import {testRule} from './tester.js'

const ORACLE = {database: {name: 'oracle-database', version: '19'}}

testRule(rule, {
  valid: [
    {name: 'a position recorded', system: {platform: ORACLE, licensing: {cloud_position: 'authorised-cloud'}, migration: {target: 'public-cloud'}}},
    {name: 'bound for private cloud', system: {platform: ORACLE, migration: {target: 'private-cloud'}}},
    {name: 'no target recorded', system: {platform: ORACLE}},
    {name: 'PostgreSQL', system: {platform: {database: {name: 'postgresql', version: '17'}}, migration: {target: 'public-cloud'}}},
    {name: 'migrated', system: {platform: ORACLE, migration: {status: 'migrated', target: 'public-cloud'}}},
  ],
  invalid: [
    {name: 'no position', system: {platform: ORACLE, migration: {target: 'public-cloud'}}, errors: [{message: /^platform\.database = oracle-database 19 bound for migration\.target = public-cloud with no licensing\.cloud_position/, pointer: '/platform/database/name'}]},
    {name: 'not assessed', system: {platform: ORACLE, licensing: {cloud_position: 'not-assessed'}, migration: {target: 'saas'}}, errors: [{message: /licensing\.cloud_position = not-assessed/, pointer: '/licensing/cloud_position'}]},
  ],
})
