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
  # An example system that has moved (replace it with your own): \`cloudready audit\` finds it ready,
  # with one condition of medium severity to show what a finding looks like.
  - id: example-system            # unique in the department: lowercase, digits and hyphens
    name: Example Case Management System
    owner: Digital Services team  # who is accountable for the system and its migration
    criticality: medium           # critical | high | medium | low
    users: 2500
    hosting: public-cloud         # on-premises | co-location | crown-hosting | private-cloud | public-cloud | saas
    platform:
      os: {name: rhel, version: "9"}                  # versions are always quoted strings
      database: {name: postgresql, version: "16"}
      runtime: {name: eclipse-temurin, version: "21"}
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
    licensing: {model: open-source, cloud_portable: true}
    skills: {scarce: [], in_house: adequate}
    dependencies: []              # ids in this department, or department/id in another
    costs: {annual_run_gbp: 180000}
    migration:
      status: migrated            # not-started | planned | in-progress | migrated | retired
      strategy: replatform        # retire | retain | rehost | relocate | replatform | repurchase | refactor
      target: public-cloud        # public-cloud | private-cloud | crown-hosting | saas
      target_date: 2023-09-30
      completed: 2023-11-30       # when it got there: counts as done by the deadline
  #
  # A system still to move looks like this (uncomment and fill in); after the 2023 deadline the audit
  # reports it as late (high), with its own target date:
  # - id: legacy-payments
  #   name: Legacy Payments System
  #   criticality: high
  #   hosting: on-premises
  #   platform:
  #     os: {name: windows-server, version: "2012"}
  #     database: {name: mssqlserver, version: "2014"}
  #   contracts:
  #     - {supplier: Example Supplier Ltd, ends: 2027-03-31, break_clause: true}
  #   migration: {status: planned, strategy: replatform, target: public-cloud, target_date: 2027-09-30}
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
