/**
 * Who the window works as (`session.get`): on the register file, the officer named in
 * Settings, who may write; on a server, the login the server knows, who may write only
 * when the server grants it (a viewer's login may not, asked of PostgreSQL itself) and
 * when the server's schema is this build's.
 */
import { basename } from 'node:path'
import type { Ctx } from '../context.ts'
import { canWrite } from '../db/dialect/postgres/roles.ts'
import type { Register } from '../db/register.ts'
import type { SessionInfo } from '../../shared/domain/office.ts'

export async function sessionInfo(register: Register, ctx: Ctx): Promise<SessionInfo> {
  if (register.dialect === 'sqlite') {
    return { mode: 'file', where: basename(register.where), host: null, database: null, login: ctx.actor, mayWrite: true, readOnly: null }
  }
  const granted = await canWrite(register.db)
  const [hostPort = '', database = ''] = register.where.split('/')
  const host = hostPort.replace(/:\d+$/, '')
  const readOnly = !granted ? 'viewer' : register.readOnly ? 'schema' : null
  return { mode: 'server', where: register.where, host, database, login: register.login ?? ctx.actor, mayWrite: readOnly === null, readOnly }
}
