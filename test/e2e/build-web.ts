import { execFileSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

const repo = resolve(import.meta.dirname, '../..')
/** Where `npm run build:web` writes the app. */
export const DIST_WEB = join(repo, 'dist/web')

function newestSource(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs)
  }
  return newest
}

function builtAt(): number {
  try {
    return statSync(join(DIST_WEB, 'index.html')).mtimeMs
  } catch {
    return 0
  }
}

/** Builds the web app unless dist/web is newer than every file in src/web. */
export function ensureWebBuilt(): void {
  if (builtAt() > newestSource(join(repo, 'src/web'))) return
  execFileSync('npm', ['run', 'build:web', '--silent'], { cwd: repo, stdio: 'inherit' })
}
