/**
 * What a data pack holds (format 3): `manifest.json`, `data.sqlite` (the scope's rows in
 * the database's own table and column names, and the deletions), and `attachments/<sha256>`
 * files. Formats 1 and 2 (JSON per table) are still read.
 */
import { z } from 'zod'
import { AppError } from '../../errors.ts'

export const PACK_FORMAT = 'hanh-trang-pack'
/** 4: deletions travel (a `tombstone` table). Packs of version 3 read the same, without deletions. */
export const PACK_VERSION = 4
export const DATA_FILE = 'data.sqlite'
export const MANIFEST_FILE = 'manifest.json'
export const ATTACHMENT_ENTRY = /^attachments\/([0-9a-f]{64})$/

/** Tables in the order they can be written (parents first). */
export const ENTITY_TABLES = ['locality', 'organization', 'person', 'agreement', 'commitment', 'engagement', 'fact', 'trip', 'itinerary_item', 'snippet', 'brief', 'attachment', 'gift'] as const
export type EntityTable = (typeof ENTITY_TABLES)[number]

/** Rows that belong to one parent and travel with it. */
export const CHILD_TABLES: ReadonlyArray<{ table: string; parent: EntityTable; key: string }> = [
  { table: 'locality_lineage', parent: 'locality', key: 'successor_id' },
  { table: 'agreement_party', parent: 'agreement', key: 'agreement_id' },
  { table: 'agreement_signatory', parent: 'agreement', key: 'agreement_id' },
  { table: 'agreement_sector', parent: 'agreement', key: 'agreement_id' },
  { table: 'engagement_participant', parent: 'engagement', key: 'engagement_id' },
  { table: 'engagement_agreement', parent: 'engagement', key: 'engagement_id' },
  { table: 'trip_destination', parent: 'trip', key: 'trip_id' },
  { table: 'trip_member', parent: 'trip', key: 'trip_id' },
]
export const TOMBSTONE_TABLE = 'tombstone'
export const ALL_TABLES = [...ENTITY_TABLES, ...CHILD_TABLES.map((c) => c.table), TOMBSTONE_TABLE]

export const manifestSchema = z.object({
  format: z.literal(PACK_FORMAT, { error: 'invalid' }),
  version: z.number().int().positive(),
  createdAt: z.string().max(40),
  origin: z.string().max(100),
  exportedBy: z.string().max(200),
  scope: z.string().max(200),
  counts: z.record(z.string().max(64), z.number()),
})
export type PackManifest = z.infer<typeof manifestSchema>

export type PackScope = { kind: 'all' } | { kind: 'partner'; id: string } | { kind: 'trip'; id: string }

export const quote = (name: string) => `"${name.replace(/"/g, '""')}"`
export const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())
export const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)

export const damaged = (what: string) => new AppError('pack_damaged', { what })
