/** The files `cloudready init` writes: a starter inventory with one commented system, and a config. */

export function starterInventory(department: {id: string; name: string}): string {
  return `# yaml-language-server: $schema=https://cloudready.dev/schemas/inventory.schema.json
# One department's estate. Only id, name, criticality and hosting are required per system;
# everything else may be left out (it lowers the confidence of the assessment, never guessed).
# Check it with:  npx cloudready validate inventory/
apiVersion: cloudready/v1
kind: Inventory
department: {id: ${department.id}, name: ${JSON.stringify(department.name)}}
systems:
  - id: example-system            # unique in the department: lowercase, digits and hyphens
    name: Example Case Management System
    owner: Digital Services team  # who is accountable for the system and its migration
    criticality: high             # critical | high | medium | low
    users: 2500
    hosting: on-premises          # on-premises | co-location | crown-hosting | private-cloud | public-cloud | saas
    platform:
      os: {name: windows-server, version: "2012"}     # versions are always quoted strings
      database: {name: mssqlserver, version: "2014"}
      runtime: {name: dotnetfx, version: "4.8"}
      hardware: x86               # x86 | mainframe | sparc | power | as400 | appliance | other
      virtualised: true
      architecture: n-tier        # monolith | n-tier | microservices | batch | desktop | other
    data:
      classification: OFFICIAL    # OFFICIAL | OFFICIAL-SENSITIVE | SECRET | TOP-SECRET
      personal_data: true
      dpia_completed: true
      residency: uk               # uk | uk-eea | any
      volume_gb: 300
    security:
      last_health_check: 2026-03-31   # the last IT Health Check (penetration test)
      critical_vulnerabilities: 0
    resilience: {rto_hours: 8, dr_tested: 2026-01-20}
    contracts:
      - {supplier: Example Supplier Ltd, ends: 2027-03-31, break_clause: true}
    licensing: {model: subscription, cloud_portable: true}
    skills: {scarce: [], in_house: adequate}
    dependencies: []              # ids in this department, or department/id in another
    costs: {annual_run_gbp: 180000}
    migration:
      status: planned             # not-started | planned | in-progress | migrated | retired
      strategy: replatform        # optional: retire | retain | rehost | relocate | replatform | repurchase | refactor
      target: public-cloud        # public-cloud | private-cloud | crown-hosting | saas
      target_date: 2027-09-30
`
}

export const STARTER_CONFIG = `# cloudready configuration: data only, nothing here is ever executed.
# Schema: https://cloudready.dev/schemas/config.schema.json — see 'cloudready rules' for rule ids.
deadline: 2023-12-31        # the cloud-by-2023 deadline; change it to judge against a new one
failOn: high                # audit exits 1 on findings at or above this severity
rules:
  platform-support-ending: low
  # cost-retire-candidate: {severity: medium, options: {maxUsers: 50}}
  # people-no-owner: off
customRules: []
  # - id: no-windows-2008
  #   category: platform
  #   severity: high
  #   message: Windows Server 2008 must be gone by the end of the financial year
  #   pointer: /platform/os
  #   when:
  #     required: [platform]
  #     properties: {platform: {required: [os], properties: {os: {properties: {name: {const: windows-server}, version: {pattern: "^2008"}}}}}}
planning:
  capacity: 10              # systems per wave
  waveLengthMonths: 3
`
