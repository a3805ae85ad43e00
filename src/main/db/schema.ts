/**
 * Kysely's view of the database. Column names are camelCase here and snake_case in SQL
 * (CamelCasePlugin). Booleans are stored as 0/1 integers so the same queries run on
 * SQLite and PostgreSQL.
 */
import type { Generated, Insertable, Selectable, Updateable } from 'kysely'
import type {
  AgreementKind,
  AgreementStatus,
  CommitmentStatus,
  EngagementKind,
  FactScope,
  ItemKind,
  MemberRole,
  LocalityLevel,
  OrganizationKind,
  PartySide,
  TripDirection,
} from '../../shared/domain/labels.ts'

interface Meta {
  id: string
  createdAt: string
  updatedAt: string
  updatedBy: string
  origin: string
}

export interface LocalityTable extends Meta {
  country: string
  level: LocalityLevel
  designationVi: string | null
  nameVi: string
  nameEn: string | null
  nameNative: string | null
  nameKana: string | null
  region: string | null
  capital: string | null
  code: string | null
  population: number | null
  areaKm2: number | null
  gdp: string | null
  leader: string | null
  industries: string | null
  notes: string | null
  validFrom: string | null
  validTo: string | null
  refKey: string | null
}

export interface LocalityLineageTable extends Meta {
  predecessorId: string
  successorId: string
  effectiveDate: string
}

export interface OrganizationTable extends Meta {
  kind: OrganizationKind
  nameVi: string
  nameEn: string | null
  nameNative: string | null
  abbreviation: string | null
  country: string
  localityId: string | null
  website: string | null
  notes: string | null
  refKey: string | null
}

export interface PersonTable extends Meta {
  familyName: string
  givenName: string | null
  familyNameNative: string | null
  givenNameNative: string | null
  nameKana: string | null
  nameVi: string | null
  nameOrder: 'family_first' | 'given_first'
  country: string
  title: string | null
  organizationId: string | null
  localityId: string | null
  termStart: string | null
  termEnd: string | null
  bio: string | null
  languages: string | null
  protocolNotes: string | null
  phone: string | null
  email: string | null
}

export interface SectorTable {
  code: string
  labelVi: string
  labelEn: string
  labelJa: string
  sortOrder: number
}

export interface AgreementTable extends Meta {
  kind: AgreementKind
  titleVi: string
  titleEn: string | null
  titleJa: string | null
  status: AgreementStatus
  signedDate: string | null
  signedPlace: string | null
  summary: string | null
  valueAmount: number | null
  valueCurrency: string | null
  validFrom: string | null
  validUntil: string | null
  renewal: string | null
  sources: string | null
  mofaOpinionNo: string | null
  mofaOpinionDate: string | null
  shortenedProcedure: number
  pmReportSentDate: string | null
  mofaCopySentDate: string | null
  /** The programme item at which it was signed during a trip (0016). */
  itineraryItemId: string | null
}

export interface AgreementPartyTable extends Meta {
  agreementId: string
  side: PartySide
  localityId: string | null
  organizationId: string | null
  position: number
}

export interface AgreementSignatoryTable extends Meta {
  agreementId: string
  personId: string
  side: PartySide
  titleAtSigning: string | null
  position: number
}

export interface AgreementSectorTable {
  agreementId: string
  sectorCode: string
}

export interface CommitmentTable extends Meta {
  /** Null for a commitment arising from a meeting without an agreement (0016). */
  agreementId: string | null
  /** The programme item the commitment arose from (0016). */
  itineraryItemId: string | null
  action: string
  owner: string | null
  dueDate: string | null
  status: CommitmentStatus
  notes: string | null
}

export interface EngagementTable extends Meta {
  kind: EngagementKind
  title: string
  startDate: string
  endDate: string | null
  place: string | null
  summary: string | null
  outcomes: string | null
  sources: string | null
  /** The trip's meeting it was recorded from ("Ghi nhận vào sổ", 0016). */
  itineraryItemId: string | null
}

export interface EngagementParticipantTable extends Meta {
  engagementId: string
  localityId: string | null
  organizationId: string | null
  personId: string | null
  role: string | null
  position: number
}

export interface EngagementAgreementTable {
  engagementId: string
  agreementId: string
}

export interface FactTable extends Meta {
  label: string
  value: string
  unit: string | null
  asOf: string | null
  source: string | null
  scope: FactScope
  country: string | null
  localityId: string | null
  partnerLocalityId: string | null
  notes: string | null
}

export interface AuditLogTable {
  id: string
  entity: string
  entityId: string
  action: string
  before: string | null
  after: string | null
  at: string
  actor: string
  /** A bulk change's source ("pack:…" with the pack's file and sender); null for an edit. */
  source: string | null
}

/** A deleted record, kept so that the deletion travels in data packs. */
export interface TombstoneTable {
  /** The table, as SQL names it (itinerary_item). */
  tbl: string
  id: string
  deletedAt: string
  deletedBy: string
  origin: string
}

export interface AppMetaTable {
  key: string
  value: string
}

/** One row per searchable record; the FTS tables share its rowid. */
export interface SearchDocTable {
  docId: Generated<number>
  kind: string
  entityId: string
  title: string
  subtitle: string
  titleFolded: string
  nativeNames: string
}

/** Records waiting for their search documents (bulk writes), oldest first. */
export interface SearchQueueTable {
  seq: Generated<number>
  kind: string
  entityId: string
  /** 1 for a partner whose dependents (records showing its name) are to be rewritten too. */
  dependents: Generated<number>
}

export interface TripTable extends Meta {
  title: string
  homeLocalityId: string | null
  startDate: string
  endDate: string
  objectives: string | null
  notes: string | null
  /** The post-trip report's proposals to the leadership (0016). */
  reportProposals: string | null
  /** 'out' | 'in' (migration 0014). */
  direction: TripDirection
  /** JSON: [{ personId | name, title, role }], our participants for a visit in. */
  hosts: string
}

export interface TripDestinationTable {
  tripId: string
  localityId: string
  position: number
}

export interface TripMemberTable extends Meta {
  tripId: string
  personId: string | null
  name: string | null
  title: string | null
  role: MemberRole
  position: number
}

export interface ItineraryItemTable extends Meta {
  tripId: string
  kind: ItemKind
  title: string
  start: string
  end: string | null
  place: string | null
  /** JSON: [{ personId | organizationId | localityId }] */
  counterparts: string
  /** JSON: sector codes */
  sectors: string
  attendees: string | null
  purpose: string | null
  talkingPoints: string | null
  asks: string | null
  offers: string | null
  sensitivities: string | null
  logistics: string | null
  /** What was said and agreed (0016). */
  outcomes: string | null
  /** JSON: { en?, ja? } each { title, place, attendees, asks } (migration 0014). */
  translations: string
}

export interface SnippetTable extends Meta {
  title: string
  text: string
  /** JSON: sector codes */
  sectors: string
  localityId: string | null
  organizationId: string | null
}

export interface BriefTable extends Meta {
  tripId: string
  /** JSON, validated by briefSettings (src/shared/domain/briefs.ts). */
  settings: string
}

export interface BriefExportTable {
  id: string
  tripId: string
  at: string
  actor: string
  fileName: string
  sha256: string
  language: string
  /** Which of the trip's documents: 'brief' (the default of older rows) or another kind (issue 14). */
  document: Generated<string>
  /** JSON of the model the file was made from. */
  snapshot: string
}

export interface AttachmentTable extends Meta {
  entity: 'agreement' | 'person'
  entityId: string
  sha256: string
  fileName: string
  mime: string
  bytes: number
}

/** A gift given to or received from a counterpart, with its occasion (0016). */
export interface GiftTable extends Meta {
  personId: string | null
  organizationId: string | null
  localityId: string | null
  direction: 'given' | 'received'
  date: string
  occasion: string | null
  tripId: string | null
  engagementId: string | null
  description: string
  notes: string | null
}

/** The office's rate table for the approval request's estimate (migration 0015). */
export interface TravelRateTable extends Meta {
  country: string
  rank: string
  currency: string
  airfare: number | null
  perDiem: number | null
  lodging: number | null
  notes: string | null
}

export interface LegalBasisTable extends Meta {
  text: string
  position: number
}

export interface ApprovalRequestTable extends Meta {
  tripId: string
  fundingSource: string | null
  /** JSON, validated by approvalSettings (src/shared/domain/approval.ts). */
  settings: string
}

/** A stored file on a server (migration 0017; a SQLite file keeps its files in its data folder). */
export interface StoredFileTable {
  sha256: string
  bytes: number
  parts: number
  createdAt: string
  createdBy: string
}

export interface StoredFilePartTable {
  sha256: string
  part: number
  data: Uint8Array
}

/** Who has a brief open on a server (migration 0017; beside a SQLite file in its data folder). */
export interface PresenceTable {
  session: string
  tripId: string
  login: string
  seenAt: string
}

export interface DB {
  locality: LocalityTable
  localityLineage: LocalityLineageTable
  organization: OrganizationTable
  person: PersonTable
  sector: SectorTable
  agreement: AgreementTable
  agreementParty: AgreementPartyTable
  agreementSignatory: AgreementSignatoryTable
  agreementSector: AgreementSectorTable
  commitment: CommitmentTable
  engagement: EngagementTable
  engagementParticipant: EngagementParticipantTable
  engagementAgreement: EngagementAgreementTable
  fact: FactTable
  auditLog: AuditLogTable
  tombstone: TombstoneTable
  appMeta: AppMetaTable
  searchDoc: SearchDocTable
  searchQueue: SearchQueueTable
  trip: TripTable
  tripDestination: TripDestinationTable
  tripMember: TripMemberTable
  itineraryItem: ItineraryItemTable
  snippet: SnippetTable
  brief: BriefTable
  briefExport: BriefExportTable
  attachment: AttachmentTable
  gift: GiftTable
  travelRate: TravelRateTable
  legalBasis: LegalBasisTable
  approvalRequest: ApprovalRequestTable
  storedFile: StoredFileTable
  storedFilePart: StoredFilePartTable
  presence: PresenceTable
}

export type LocalityRecord = Selectable<LocalityTable>
export type NewLocality = Insertable<LocalityTable>
export type LocalityUpdate = Updateable<LocalityTable>
