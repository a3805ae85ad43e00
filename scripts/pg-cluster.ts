/**
 * A throwaway PostgreSQL cluster for the tests, the bench and CI: initdb in a temp folder,
 * listening on 127.0.0.1 (and a unix socket in the folder) with trust authentication for
 * one superuser, stopped and removed at the end.
 *
 *   node scripts/pg-cluster.ts start [--dir DIR] [--port N]   prints {"url","dir","pid"}
 *   node scripts/pg-cluster.ts stop --dir DIR
 *
 * initdb refuses to run as root: as root the cluster belongs to the `postgres` user
 * (Debian's package creates it), and its folder is handed to that user.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'

export const TEST_ROLE = 'hanh_trang_test'

export interface Cluster {
  url: string
  dir: string
  port: number
  stop(): void
}

/** The folder of PostgreSQL's server binaries (the newest Debian version), or null where none is installed. */
export function serverBinaries(): string | null {
  const fromEnv = process.env.HANH_TRANG_PG_BIN
  if (fromEnv && existsSync(join(fromEnv, 'initdb'))) return fromEnv
  const root = '/usr/lib/postgresql'
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a))
    if (versions[0]) return join(root, versions[0], 'bin')
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' })
  const path = which.stdout.trim()
  return which.status === 0 && path ? path.replace(/\/initdb$/, '') : null
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

const isRoot = () => process.getuid?.() === 0

/** Runs a server binary as the cluster's owner. */
function asOwner(bin: string, args: string[]): void {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
  execFileSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'] })
}

export async function startCluster(options: { dir?: string; port?: number; maxConnections?: number } = {}): Promise<Cluster> {
  const bin = serverBinaries()
  if (!bin) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql)')
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'hanh-trang-pg-'))
  const port = options.port ?? (await freePort())
  if (isRoot()) {
    const pg = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' })
    const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' })
    chownSync(dir, Number(pg.stdout.trim()), Number(gid.stdout.trim()))
  }
  chmodSync(dir, 0o700)
  const data = join(dir, 'data')
  asOwner(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', TEST_ROLE, '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  asOwner(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-w',
    '-l',
    join(dir, 'server.log'),
    '-o',
    // fsync off: a throwaway cluster; what is tested is the app's transactions, not the disk's.
    `-k ${dir} -c listen_addresses=127.0.0.1 -p ${port} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=${options.maxConnections ?? 200}`,
    'start',
  ])
  const stop = () => stopCluster(dir)
  return { url: `postgres://${TEST_ROLE}@127.0.0.1:${port}/postgres`, dir, port, stop }
}

export function stopCluster(dir: string): void {
  const bin = serverBinaries()
  const data = join(dir, 'data')
  if (bin && existsSync(join(data, 'postmaster.pid'))) {
    try {
      asOwner(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'])
    } catch {
      // Already stopped.
    }
  }
  rmSync(dir, { recursive: true, force: true })
}

if (import.meta.main) {
  const { positionals, values } = parseArgs({ allowPositionals: true, options: { dir: { type: 'string' }, port: { type: 'string' } } })
  const command = positionals[0]
  if (command === 'start') {
    const cluster = await startCluster({ ...(values.dir && { dir: values.dir }), ...(values.port && { port: Number(values.port) }) })
    process.stdout.write(`${JSON.stringify({ url: cluster.url, dir: cluster.dir, port: cluster.port })}\n`)
  } else if (command === 'stop' && values.dir) {
    stopCluster(values.dir)
  } else {
    process.stderr.write('usage: pg-cluster.ts start [--dir DIR] [--port N] | stop --dir DIR\n')
    process.exit(2)
  }
}
