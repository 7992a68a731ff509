import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

// A throwaway PostgreSQL on loopback for the test run, started with the machine's own initdb and
// pg_ctl. PostgreSQL refuses to run as root, so as root it runs as the `postgres` user.

export type PgServer = { url: (database: string) => string; stop: () => void }

function findPgBin(): string {
  const candidates = [
    ...(process.env.PATH ?? '').split(':'),
    ...(existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort()
          .reverse()
          .map((v) => `/usr/lib/postgresql/${v}/bin`)
      : []),
  ]
  for (const dir of candidates)
    if (dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) return dir
  throw new Error(
    'PostgreSQL server binaries (initdb, pg_ctl) not found. Install them (Debian: apt-get install postgresql) — `npm test` does this itself when run as root.',
  )
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

export async function startThrowawayPostgres(): Promise<PgServer> {
  const bin = findPgBin()
  const isRoot = process.getuid?.() === 0
  const root = mkdtempSync(path.join(tmpdir(), 'partnine-pg-'))
  chmodSync(root, 0o755)
  const asOwner = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd)
    const result = isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8' })
      : spawnSync(full, args, { encoding: 'utf8' })
    if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr || result.stdout || result.error}`)
  }
  if (isRoot) chownSync(root, uidOf('postgres'), gidOf('postgres'))
  const dataDir = path.join(root, 'data')
  asOwner('initdb', ['-D', dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync'])
  const port = await freePort()
  const options = [
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${root}`,
    '-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200',
  ].join(' ')
  asOwner('pg_ctl', ['-D', dataDir, '-l', path.join(root, 'server.log'), '-w', '-t', '30', '-o', options, 'start'])
  let stopped = false
  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop: () => {
      if (stopped) return
      stopped = true
      try {
        asOwner('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    },
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim())
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim())
}
