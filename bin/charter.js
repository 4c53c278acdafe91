#!/usr/bin/env node
// Entry point of the `charter` command. Charter runs its TypeScript sources directly, which needs
// Node's type stripping (Node >= 22.18). A fresh machine may have an older Node on its PATH (20),
// so in that case re-run this file with the Node that `npm ci` installed from the `node`
// devDependency, instead of asking anyone to install a runtime by hand.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const [major, minor] = process.versions.node.split('.').map(Number)
const canStripTypes = major > 22 || (major === 22 && minor >= 18)

if (!canStripTypes) {
  const projectNode = join(
    dirname(fileURLToPath(import.meta.url)),
    '..',
    'node_modules',
    'node',
    'bin',
    'node',
  )
  if (!existsSync(projectNode)) {
    console.error(`charter needs Node.js 22.18 or newer (this is ${process.version}). Run \`npm ci\` first.`)
    process.exit(1)
  }
  const result = spawnSync(projectNode, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
  })
  process.exit(result.status ?? 1)
} else {
  await import('../src/cli/main.ts')
}
