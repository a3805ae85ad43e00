/**
 * How a core learns that someone else changed the register: another officer on the
 * office's server (PostgreSQL's LISTEN/NOTIFY, delivered when their transaction commits),
 * or another program on the same SQLite file (a second window, the CLI: SQLite's
 * `data_version`, looked at every second). The core's own writes it knows already.
 */
import type { Db } from '../../context.ts'

export interface ChangeSource {
  /** Said inside a write's transaction, before it commits (a server tells the others on commit). */
  announce(trx: Db): Promise<void>
  /** Calls `changed` whenever someone else's write has committed; returns the stop. */
  watch(changed: () => void): Promise<() => Promise<void>>
}
