/**
 * The policies, principles and guidance the rules cite, named once so every rule cites them the
 * same way. A URL is given only where it is the publication's stable GOV.UK, NCSC, ICO or
 * legislation.gov.uk address.
 */
import type {RuleSource} from './types.js'

export const SOURCES = {
  betterDigitalGovernment: {title: 'Commission for Smart Government, "Better Digital Government": move all services to the cloud by 2023'},
  cloudFirst: {title: 'Government Cloud First policy (2013)', url: 'https://www.gov.uk/guidance/government-cloud-first-policy'},
  tcopCloud: {title: 'Technology Code of Practice, point 5: Use cloud first', url: 'https://www.gov.uk/guidance/use-cloud-first'},
  tcopSecure: {title: 'Technology Code of Practice, point 6: Make things secure', url: 'https://www.gov.uk/guidance/make-things-secure'},
  tcopData: {title: 'Technology Code of Practice, point 10: Make better use of data', url: 'https://www.gov.uk/guidance/make-better-use-of-data'},
  tcopPurchasing: {title: 'Technology Code of Practice, point 11: Define your purchasing strategy', url: 'https://www.gov.uk/guidance/define-your-purchasing-strategy'},
  legacy: {title: 'CDDO: Managing legacy technology', url: 'https://www.gov.uk/guidance/managing-legacy-technology'},
  preventLegacy: {title: 'CDDO: Prevent technical debt and legacy', url: 'https://www.gov.uk/guidance/prevent-technical-debt-and-legacy'},
  mitigateLegacy: {title: 'Cabinet Office: How to mitigate and prevent legacy IT', url: 'https://www.gov.uk/government/publications/how-to-mitigate-and-prevent-legacy-it'},
  lockIn: {title: 'GDS: Managing technical lock-in in the cloud'},
  ddatPlaybook: {title: 'The Digital, Data and Technology Playbook (Cabinet Office)', url: 'https://www.gov.uk/government/publications/the-digital-data-and-technology-playbook'},
  govs005: {title: 'Government Functional Standard GovS 005: Digital', url: 'https://www.gov.uk/government/publications/government-functional-standard-govs-005-digital'},
  govs007: {title: 'Government Functional Standard GovS 007: Security', url: 'https://www.gov.uk/government/publications/government-functional-standard-govs-007-security'},
  ithc: {title: 'IT Health Check (ITHC): supporting guidance (Cabinet Office)', url: 'https://www.gov.uk/government/publications/it-health-check-ithc-supporting-guidance'},
  classifications: {title: 'Government Security Classifications Policy (Cabinet Office)', url: 'https://www.gov.uk/government/publications/government-security-classifications'},
  ncsc2: {title: 'NCSC Cloud Security Principles, principle 2: Asset protection and resilience', url: 'https://www.ncsc.gov.uk/collection/cloud/the-cloud-security-principles'},
  ncsc5: {title: 'NCSC Cloud Security Principles, principle 5: Operational security', url: 'https://www.ncsc.gov.uk/collection/cloud/the-cloud-security-principles'},
  gdpr35: {title: 'UK GDPR Article 35: Data protection impact assessment', url: 'https://www.legislation.gov.uk/eur/2016/679/article/35'},
  icoDpia: {title: 'ICO guidance: Data protection impact assessments', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/accountability-and-governance/guide-to-accountability-and-governance/data-protection-impact-assessments/'},
  gdprChapterV: {title: 'UK GDPR Chapter V: Transfers of personal data to third countries or international organisations', url: 'https://www.legislation.gov.uk/eur/2016/679/chapter/V'},
  icoTransfers: {title: 'ICO guidance: International transfers', url: 'https://ico.org.uk/for-organisations/uk-gdpr-guidance-and-resources/international-transfers/'},
  oracleCloud: {title: 'Oracle: Licensing Oracle Software in the Cloud Computing Environment (the authorised cloud environments and how their vCPUs count)'},
  dataTransfer: {title: 'Cloud providers\' data transfer guidance: online transfer for terabytes, offline appliances (AWS Snowball, Azure Data Box, Google Transfer Appliance) for tens of terabytes and more; data out of a cloud (egress) is charged per gigabyte'},
  hybrid: {title: 'NCSC Cloud Security Principles, principle 11: External interface protection (a hybrid link is an external interface)', url: 'https://www.ncsc.gov.uk/collection/cloud/the-cloud-security-principles'},
} satisfies Record<string, RuleSource>
