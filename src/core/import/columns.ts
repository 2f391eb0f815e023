/**
 * The inventory fields an imported column can fill, with the column headers that mean each one in
 * the exports departments have (ServiceNow's cmdb_ci_server and cmdb_ci_business_app, Azure Migrate,
 * AWS Application Discovery and Google Migration Center CSVs, hand-kept spreadsheets), and the cell
 * values that mean each allowed value. A header or value not listed here is never guessed: the
 * column goes under an `x-` key, the value is reported, and a mapping file (`--map`) says what they mean.
 */

export type FieldKind = 'id' | 'string' | 'enum' | 'boolean' | 'integer' | 'number' | 'date' | 'list' | 'product' | 'version'

export interface FieldSpec {
  path: string
  kind: FieldKind
  /** Headers, compared by `headerKey` (lower case, letters and digits only, single spaces). */
  headers: string[]
  /** Allowed value → the cell texts (compared by `headerKey`) that mean it. */
  values?: Record<string, string[]>
}

/** "Business Criticality" → "business criticality"; "OS_Version" → "os version"; "Memory (MB)" → "memory mb". */
export function headerKey(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
}

const CLOUD_TARGETS = {
  'public-cloud': ['public cloud', 'public', 'aws', 'amazon web services', 'azure', 'microsoft azure', 'gcp', 'google cloud', 'google cloud platform', 'oracle cloud', 'oci'],
  'private-cloud': ['private cloud', 'private'],
  'crown-hosting': ['crown hosting', 'crown hosting data centres', 'crown hosting data centers', 'chdc'],
  saas: ['saas', 'software as a service'],
}

export const FIELDS: FieldSpec[] = [
  {path: 'id', kind: 'id', headers: ['id', 'system id', 'sys id', 'ci id', 'asset id', 'asset tag', 'application id', 'app id', 'identifier', 'system identifier', 'ci number', 'number', 'u number', 'machine id']},
  {path: 'name', kind: 'string', headers: ['name', 'system name', 'system', 'application name', 'application', 'app name', 'display name', 'ci name', 'server name', 'server', 'machine name', 'machine', 'vm name', 'host name', 'hostname', 'service name', 'service']},
  {path: 'owner', kind: 'string', headers: ['owner', 'owned by', 'managed by', 'support group', 'supported by', 'assignment group', 'business owner', 'it owner', 'application owner', 'service owner', 'technical owner', 'owning team', 'team']},
  {
    path: 'criticality',
    kind: 'enum',
    headers: ['criticality', 'business criticality', 'criticality rating', 'business impact', 'tier', 'service tier', 'importance'],
    values: {
      critical: ['critical', '1', '1 most critical', 'most critical', 'tier 1', 'tier1', 'p1', 'mission critical', 'very high'],
      high: ['high', '2', '2 somewhat critical', 'somewhat critical', 'tier 2', 'tier2', 'p2'],
      medium: ['medium', 'med', '3', '3 less critical', 'less critical', 'tier 3', 'tier3', 'p3', 'moderate'],
      low: ['low', '4', '4 not critical', 'not critical', 'tier 4', 'tier4', 'p4', 'minimal'],
    },
  },
  {path: 'users', kind: 'integer', headers: ['users', 'number of users', 'no of users', 'user count', 'user base', 'users count']},
  {
    path: 'hosting',
    kind: 'enum',
    headers: ['hosting', 'hosting model', 'hosted', 'hosted in', 'hosted on', 'hosting type', 'location type', 'deployment model'],
    values: {
      'on-premises': ['on premises', 'on premise', 'on prem', 'onprem', 'on site', 'data centre', 'data center', 'datacentre', 'datacenter', 'in house', 'own data centre'],
      'co-location': ['co location', 'colocation', 'colo'],
      ...CLOUD_TARGETS,
    },
  },
  {path: 'platform.os.name', kind: 'product', headers: ['operating system', 'os', 'os name', 'operating system name', 'os type', 'guest os']},
  {path: 'platform.os.version', kind: 'version', headers: ['os version', 'operating system version', 'os release']},
  {path: 'platform.database.name', kind: 'product', headers: ['database', 'database type', 'db', 'dbms', 'database engine', 'database product']},
  {path: 'platform.database.version', kind: 'version', headers: ['database version', 'db version', 'dbms version']},
  {path: 'platform.runtime.name', kind: 'product', headers: ['runtime', 'language', 'framework', 'middleware']},
  {path: 'platform.runtime.version', kind: 'version', headers: ['runtime version', 'framework version', 'language version']},
  {
    path: 'platform.hardware',
    kind: 'enum',
    headers: ['hardware', 'hardware type', 'server type', 'platform type'],
    values: {
      x86: ['x86', 'x64', 'x86 64', 'amd64', 'intel', 'intel x86'],
      mainframe: ['mainframe', 'z series', 'zseries', 'ibm z', 'system z'],
      sparc: ['sparc', 'sun sparc'],
      power: ['power', 'ibm power', 'powerpc', 'ppc64'],
      as400: ['as400', 'as 400', 'iseries', 'ibm i'],
      appliance: ['appliance'],
      other: ['other'],
    },
  },
  {path: 'platform.virtualised', kind: 'boolean', headers: ['virtual', 'is virtual', 'virtualised', 'virtualized', 'vm']},
  {
    path: 'platform.hypervisor',
    kind: 'enum',
    headers: ['hypervisor', 'virtualisation platform', 'virtualization platform'],
    values: {vmware: ['vmware', 'vsphere', 'esxi', 'vmware esxi', 'vmware vsphere'], 'hyper-v': ['hyper v', 'hyperv', 'microsoft hyper v'], kvm: ['kvm'], nutanix: ['nutanix', 'ahv', 'nutanix ahv'], xen: ['xen', 'xenserver', 'citrix hypervisor'], other: ['other']},
  },
  {
    path: 'platform.architecture',
    kind: 'enum',
    headers: ['architecture', 'application architecture', 'application type'],
    values: {monolith: ['monolith', 'monolithic'], 'n-tier': ['n tier', '3 tier', 'three tier', 'multi tier', '2 tier', 'two tier'], microservices: ['microservices', 'micro services'], batch: ['batch'], desktop: ['desktop', 'thick client'], other: ['other']},
  },
  {
    path: 'data.classification',
    kind: 'enum',
    headers: ['classification', 'data classification', 'security classification', 'government security classification', 'gsc', 'protective marking'],
    values: {OFFICIAL: ['official'], 'OFFICIAL-SENSITIVE': ['official sensitive'], SECRET: ['secret'], 'TOP-SECRET': ['top secret']},
  },
  {path: 'data.personal_data', kind: 'boolean', headers: ['personal data', 'pii', 'contains personal data', 'holds personal data']},
  {path: 'data.dpia_completed', kind: 'boolean', headers: ['dpia', 'dpia completed', 'dpia done']},
  {path: 'data.residency', kind: 'enum', headers: ['residency', 'data residency'], values: {uk: ['uk', 'united kingdom', 'gb'], 'uk-eea': ['uk eea', 'uk and eea', 'uk or eea', 'eea'], any: ['any', 'global', 'none']}},
  {path: 'data.volume_gb', kind: 'number', headers: ['data volume gb', 'volume gb', 'data gb', 'data volume', 'data size gb']},
  {path: 'security.last_health_check', kind: 'date', headers: ['last health check', 'it health check', 'ithc', 'last ithc', 'last pen test', 'last penetration test']},
  {path: 'security.critical_vulnerabilities', kind: 'integer', headers: ['critical vulnerabilities', 'critical vulns']},
  {path: 'resilience.rto_hours', kind: 'number', headers: ['rto', 'rto hours', 'recovery time objective', 'recovery time objective hours']},
  {path: 'resilience.dr_tested', kind: 'date', headers: ['dr tested', 'last dr test', 'dr test date']},
  {
    path: 'licensing.model',
    kind: 'enum',
    headers: ['licence model', 'license model', 'licensing', 'licensing model'],
    values: {perpetual: ['perpetual'], subscription: ['subscription'], 'open-source': ['open source', 'oss'], 'core-based': ['core based', 'per core', 'processor'], 'user-based': ['user based', 'per user', 'named user'], other: ['other']},
  },
  {path: 'licensing.cloud_portable', kind: 'boolean', headers: ['cloud portable', 'licence portable', 'license portable', 'byol']},
  {path: 'costs.annual_run_gbp', kind: 'number', headers: ['annual run cost', 'annual run cost gbp', 'annual cost', 'annual cost gbp', 'run cost', 'annual run gbp', 'cost per year', 'yearly cost', 'annual running cost', 'tco']},
  {
    path: 'migration.status',
    kind: 'enum',
    headers: ['migration status'],
    values: {'not-started': ['not started', 'to do', 'todo', 'backlog'], planned: ['planned', 'scheduled'], 'in-progress': ['in progress', 'migrating', 'underway', 'under way'], migrated: ['migrated'], retired: ['retired', 'decommissioned']},
  },
  {
    path: 'migration.strategy',
    kind: 'enum',
    headers: ['strategy', 'migration strategy', 'disposition', 'treatment', '6r', '7r', 'recommended strategy'],
    values: {
      rehost: ['rehost', 're host', 'lift and shift', 'lift shift'],
      relocate: ['relocate'],
      replatform: ['replatform', 're platform', 'lift tinker and shift', 'lift and reshape'],
      repurchase: ['repurchase', 're purchase', 'replace', 'drop and shop'],
      refactor: ['refactor', 're factor', 'rearchitect', 're architect', 'rebuild', 'rewrite'],
      retire: ['retire', 'decommission'],
      retain: ['retain', 'keep', 'revisit'],
    },
  },
  {path: 'migration.target', kind: 'enum', headers: ['target', 'target platform', 'target environment', 'target hosting', 'migration target'], values: CLOUD_TARGETS},
  {path: 'migration.target_date', kind: 'date', headers: ['target date', 'migration date', 'planned migration date', 'target migration date', 'migration target date']},
  {path: 'migration.completed', kind: 'date', headers: ['completed', 'migration completed', 'completion date', 'migrated on', 'date migrated', 'decommissioned on']},
  {path: 'dependencies', kind: 'list', headers: ['dependencies', 'depends on']},
]

/**
 * Columns with a meaning that fills no field by itself: ServiceNow's Install Status fills
 * migration.status only when it says Retired (installed, in stock… say nothing of a migration), and
 * Environment (Production, Test…) has no inventory field; both are kept under their `x-` key.
 */
export const INSTALL_STATUS = ['install status', 'installation status']

export const BY_HEADER = new Map<string, FieldSpec>()
for (const f of FIELDS) for (const h of f.headers) BY_HEADER.set(h, f)
export const BY_PATH = new Map(FIELDS.map((f) => [f.path, f]))

/** A column's x- key: "Memory (MB)" → x-memory-mb. */
export function extraKey(header: string): string {
  return `x-${headerKey(header).replace(/ /g, '-') || 'column'}`
}
