import {rule} from '../../src/rules/data-secret-public-cloud.js'
import {testRule} from './tester.js'

testRule(rule, {
  valid: [
    {name: 'OFFICIAL bound for public cloud', system: {data: {classification: 'OFFICIAL'}, migration: {target: 'public-cloud'}}},
    {name: 'SECRET kept on-premises', system: {data: {classification: 'SECRET'}, migration: {strategy: 'retain'}}},
    {name: 'SECRET bound for Crown Hosting', system: {data: {classification: 'SECRET'}, migration: {target: 'crown-hosting'}}},
    {name: 'no classification (another rule reports it)', system: {hosting: 'public-cloud'}},
  ],
  invalid: [
    {name: 'SECRET bound for public cloud', system: {data: {classification: 'SECRET'}, migration: {target: 'public-cloud'}}, errors: [{message: /SECRET data cannot move to public-cloud/, pointer: '/migration/target'}]},
    {name: 'TOP-SECRET already on SaaS', system: {hosting: 'saas', data: {classification: 'TOP-SECRET'}}, errors: [{message: /TOP-SECRET data is hosted on saas/, pointer: '/hosting'}]},
    {
      name: 'SECRET on public cloud and targeting SaaS',
      system: {hosting: 'public-cloud', data: {classification: 'SECRET'}, migration: {target: 'saas', status: 'planned'}},
      errors: [
        {message: /hosted on public-cloud/, pointer: '/hosting'},
        {message: /cannot move to saas/, pointer: '/migration/target'},
      ],
    },
  ],
})
