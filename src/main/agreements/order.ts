/**
 * The register in Vietnamese order of its titles or of its parties. SQLite compares bytes
 * ("Đà Nẵng" after "Yên Bái") and a collation cannot be added to it from here, so the
 * order is worked out in code with the house collator (compareVi) and kept until the
 * database changes: a register of 100,000 agreements is sorted once, then every page and
 * every filter reuses it.
 *
 * "Changes" is SQLite's own account: `total_changes()` counts this connection's writes and
 * `PRAGMA data_version` moves when another connection (the command line, a worker) commits.
 */
import { sql } from 'kysely'
import { compareVi } from '../../shared/text/collate.ts'
import type { Db } from '../context.ts'
import { successorsOf, withLineage } from '../partners/lineage.ts'

export type TextOrderKey = 'title' | 'parties'

interface Order {
  fingerprint: string
  /** Every agreement id, in ascending order of the key. */
  ids: string[]
}

async function fingerprint(db: Db): Promise<string> {
  const { rows } = await sql<{ c: number; v: number }>`SELECT total_changes() AS c, (SELECT data_version FROM pragma_data_version) AS v`.execute(db)
  return `${rows[0]!.c}:${rows[0]!.v}`
}

/** Party names as the list shows them ("Hà Nam (nay thuộc tỉnh Ninh Bình) – Gunma"), for every agreement. */
async function allPartiesText(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('agreementParty as p')
    .leftJoin('locality as l', 'l.id', 'p.localityId')
    .leftJoin('organization as o', 'o.id', 'p.organizationId')
    .select(['p.agreementId', 'p.localityId', 'l.nameVi as lName', 'l.validTo', 'o.nameVi as oName', 'o.abbreviation'])
    .orderBy('p.agreementId')
    .orderBy('p.position')
    .execute()
  const successors = await successorsOf(db, [...new Set(rows.filter((r) => r.validTo && r.localityId).map((r) => r.localityId!))])
  const text = new Map<string, string>()
  for (const r of rows) {
    const name = r.localityId ? withLineage({ nameVi: r.lName ?? '', validTo: r.validTo }, successors.get(r.localityId)) : (r.abbreviation ?? r.oName ?? '')
    const before = text.get(r.agreementId)
    text.set(r.agreementId, before === undefined ? name : `${before} – ${name}`)
  }
  return text
}

async function build(db: Db, key: TextOrderKey): Promise<string[]> {
  const agreements = await db.selectFrom('agreement').select(['id', 'titleVi']).execute()
  const parties = key === 'parties' ? await allPartiesText(db) : null
  const keyed = agreements.map((a) => ({ id: a.id, text: parties ? (parties.get(a.id) ?? '') : a.titleVi }))
  keyed.sort((a, b) => compareVi(a.text, b.text) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0) || (a.id < b.id ? -1 : 1))
  return keyed.map((k) => k.id)
}

/** One per core (the handlers own it): orders kept per database connection. */
export class AgreementOrder {
  private readonly orders = new WeakMap<object, Map<TextOrderKey, Order>>()

  /** Every agreement id in ascending order of `key`. */
  async ids(db: Db, key: TextOrderKey): Promise<string[]> {
    const fp = await fingerprint(db)
    let byKey = this.orders.get(db)
    if (!byKey) this.orders.set(db, (byKey = new Map()))
    const kept = byKey.get(key)
    if (kept?.fingerprint === fp) return kept.ids
    const ids = await build(db, key)
    byKey.set(key, { fingerprint: fp, ids })
    return ids
  }
}
