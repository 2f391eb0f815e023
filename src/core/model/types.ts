/**
 * The plain data that flows between stages: load → validate → assess → plan → compare/format.
 * Types only: no behaviour lives here.
 */
import type {Dependency} from './dependencies.js'


export type Criticality = 'critical' | 'high' | 'medium' | 'low'
export type Hosting = 'on-premises' | 'co-location' | 'crown-hosting' | 'private-cloud' | 'public-cloud' | 'saas'
export type Hardware = 'x86' | 'mainframe' | 'sparc' | 'power' | 'as400' | 'appliance' | 'other'
export type Architecture = 'monolith' | 'n-tier' | 'microservices' | 'batch' | 'desktop' | 'other'
export type Classification = 'OFFICIAL' | 'OFFICIAL-SENSITIVE' | 'SECRET' | 'TOP-SECRET'
export type Residency = 'uk' | 'uk-eea' | 'any'
export type LicenceModel = 'perpetual' | 'subscription' | 'open-source' | 'core-based' | 'user-based' | 'other'
export type SkillsInHouse = 'none' | 'limited' | 'adequate'
export type MigrationStatus = 'not-started' | 'planned' | 'in-progress' | 'migrated' | 'retired'
export type Strategy = 'retire' | 'retain' | 'rehost' | 'relocate' | 'replatform' | 'repurchase' | 'refactor'
export type Target = 'public-cloud' | 'private-cloud' | 'crown-hosting' | 'saas'

export const STRATEGIES: readonly Strategy[] = ['retire', 'retain', 'rehost', 'relocate', 'replatform', 'repurchase', 'refactor']
export const CRITICALITIES: readonly Criticality[] = ['critical', 'high', 'medium', 'low']

export interface Product {
  name: string
  version?: string
}

export interface System {
  id: string
  name: string
  owner?: string
  criticality: Criticality
  users?: number
  hosting: Hosting
  platform?: {
    os?: Product
    database?: Product
    runtime?: Product
    hardware?: Hardware
    virtualised?: boolean
    hypervisor?: 'vmware' | 'hyper-v' | 'kvm' | 'nutanix' | 'xen' | 'other'
    architecture?: Architecture
  }
  data?: {
    classification?: Classification
    personal_data?: boolean
    dpia_completed?: boolean
    residency?: Residency
    volume_gb?: number
  }
  security?: {
    last_health_check?: string
    critical_vulnerabilities?: number
  }
  resilience?: {rto_hours?: number; dr_tested?: string}
  contracts?: Array<{supplier: string; ends?: string; break_clause?: boolean}>
  licensing?: {model?: LicenceModel; cloud_portable?: boolean; cloud_position?: 'authorised-cloud' | 'licence-included' | 'negotiated' | 'not-assessed'}
  skills?: {scarce?: string[]; in_house?: SkillsInHouse}
  dependencies?: Dependency[]
  costs?: {annual_run_gbp?: number}
  migration?: {
    status?: MigrationStatus
    strategy?: Strategy
    target?: Target
    target_date?: string
    /** When a migrated or retired system got there. */
    completed?: string
  }
  [extension: `x-${string}`]: unknown
}

export interface Department {
  id: string
  name: string
}

export interface Inventory {
  apiVersion: 'cloudready/v1'
  kind: 'Inventory'
  department: Department
  systems: System[]
}

/** A 1-based line and column, as editors show them. */
export interface Position {
  line: number
  column: number
}

/** Where a value came from: the file, its line and column, and the JSON pointer within the document. */
export interface SourceLocation extends Position {
  file: string
  pointer: string
}

/** One parsed YAML document with a way back from any JSON pointer to its place in the source. */
export interface SourceDocument {
  /** The path as the user gave it (relative to the working directory where possible), `-` for stdin. */
  file: string
  data: unknown
  /** Position of the value at `pointer`; for a pointer that does not exist, its nearest existing ancestor. */
  locate(pointer: string): Position
  /** `locate(base + suffix)`, faster for a run of suffixes under the same base (a system's findings). */
  locateIn(base: string, suffix: string): Position
  /** Position of the key of the member at `pointer` (the value's own position for array items and the root). */
  locateKey(pointer: string): Position
  /**
   * The raw source text of the scalar at `pointer`, when it is one (for messages such as "8.10 was
   * read as 8.1"); undefined once `releaseText` has been called.
   */
  sourceText(pointer: string): string | undefined
  /** The source line holding the key at `pointer` (a message may quote what was written), or undefined. */
  keyLine(pointer: string): string | undefined
  /** Lets the source text go once nothing needs `sourceText`; locating goes on working. */
  releaseText(): void
  /** Lets the positions go once nothing locates (after the assessment); locating then throws. */
  releasePositions(): void
}

export type DiagnosticSeverity = 'error' | 'warning'

/** A problem with the input itself (syntax, schema, references), as `validate` reports it. */
export interface Diagnostic extends SourceLocation {
  severity: DiagnosticSeverity
  /** A stable kebab-case code: yaml-syntax, schema, duplicate-id, unknown-dependency, … */
  code: string
  message: string
}

/** An inventory that passed the schema, with the document it came from. */
export interface LoadedInventory {
  file: string
  inventory: Inventory
  doc: SourceDocument
}

/** Every inventory given to a command, with its systems indexed by `department/id`. */
export interface Estate {
  inventories: LoadedInventory[]
  /** `department/id` → where the system lives. */
  systems: Map<string, EstateSystem>
}

export interface EstateSystem {
  ref: string
  department: Department
  system: System
  file: string
  doc: SourceDocument
  /** Pointer of the system within its document, e.g. `/systems/3`. */
  pointer: string
}

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info'
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info']

export type Category = 'deadline' | 'platform' | 'data' | 'security' | 'commercial' | 'people' | 'architecture' | 'cost'
export const CATEGORIES: readonly Category[] = ['deadline', 'platform', 'data', 'security', 'commercial', 'people', 'architecture', 'cost']

export type Readiness = 'ready' | 'ready-with-conditions' | 'not-ready' | 'unknown'
export type DeadlineStatus = 'met' | 'met-late' | 'on-track' | 'at-risk' | 'missed' | 'exempt'

export interface Finding extends SourceLocation {
  rule: string
  category: Category
  severity: Severity
  message: string
  /** `department/id` of the system the finding is about. */
  ref: string
}
