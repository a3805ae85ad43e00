/**
 * The explicit, ordered list of migrations. Files are bundled, so they are listed here
 * rather than discovered on disk. A landed migration is never edited: add a new file.
 */
import type { Migration } from 'kysely/migration'
import * as m0001 from './0001-create-partners.ts'
import * as m0002 from './0002-create-agreements.ts'
import * as m0003 from './0003-create-engagements.ts'
import * as m0004 from './0004-create-search.ts'
import * as m0005 from './0005-create-trips.ts'
import * as m0006 from './0006-create-attachments.ts'
import * as m0007 from './0007-create-search-queue.ts'
import * as m0008 from './0008-partial-party-indexes.ts'
import * as m0009 from './0009-tombstones.ts'
import * as m0010 from './0010-person-contacts.ts'
import * as m0011 from './0011-search-trips-and-kana.ts'
import * as m0012 from './0012-postgres-server.ts'
import * as m0013 from './0013-document-exports.ts'
import * as m0014 from './0014-trip-direction.ts'
import * as m0015 from './0015-approval-request.ts'
import * as m0016 from './0016-trip-outcomes-and-gifts.ts'
import * as m0017 from './0017-server-files.ts'
import * as m0018 from './0018-search-partner-order.ts'

export const migrations: ReadonlyArray<readonly [name: string, migration: Migration]> = [
  ['0001-create-partners', m0001],
  ['0002-create-agreements', m0002],
  ['0003-create-engagements', m0003],
  ['0004-create-search', m0004],
  ['0005-create-trips', m0005],
  ['0006-create-attachments', m0006],
  ['0007-create-search-queue', m0007],
  ['0008-partial-party-indexes', m0008],
  ['0009-tombstones', m0009],
  ['0010-person-contacts', m0010],
  ['0011-search-trips-and-kana', m0011],
  ['0012-postgres-server', m0012],
  ['0013-document-exports', m0013],
  ['0014-trip-direction', m0014],
  ['0015-approval-request', m0015],
  ['0016-trip-outcomes-and-gifts', m0016],
  ['0017-server-files', m0017],
  ['0018-search-partner-order', m0018],
]

/** The schema version this build writes: the number of migrations it knows. */
export const SCHEMA_VERSION = migrations.length
