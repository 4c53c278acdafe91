import { existsSync, readFileSync } from 'node:fs'
import { adoptCharter } from '../../core/charter/adopt-charter.ts'
import { charterInForce } from '../../core/charter/charter-in-force.ts'
import { charterJsonSchemaText } from '../../core/charter/charter-json-schema.ts'
import type { RuleFamily } from '../../core/charter/document-schema.ts'
import { listCharterVersions } from '../../core/charter/list-charter-versions.ts'
import { countRules, presentCharterVersion } from '../../core/charter/rule-summary.ts'
import {
  type CharterIssue,
  describeIssues,
  validateCharterSource,
} from '../../core/charter/validate-charter-document.ts'
import { isoDateSchema, parseInput } from '../../core/members/schemas.ts'
import { cliActor } from '../../core/shared/actor.ts'
import { toIsoDate } from '../../core/shared/clock.ts'
import { AppError } from '../../core/shared/errors.ts'
import { type DataOptions, openRuntime } from '../runtime.ts'

/** How each family is headed when the rules are printed for people. */
const FAMILY_TITLES: Record<RuleFamily, string> = {
  posts: 'Levels and posts',
  standing: 'Standing',
  elections: 'Election required',
  votingRights: 'Voting rights',
  deliberation: 'Deliberation',
  information: 'Information',
  conferences: 'Conferences',
  enterprises: 'Enterprises',
  admission: 'Admission',
  publicElections: 'Public elections',
  education: 'Education and reach',
}

function readSource(file: string): string {
  if (!existsSync(file)) throw new AppError('NOT_FOUND', `No such file: ${file}`, { file })
  return readFileSync(file, 'utf8')
}

function printIssues(file: string, issues: readonly CharterIssue[], outcome: string): void {
  for (const line of describeIssues(file, issues)) console.error(line)
  console.error(`${issues.length} problem(s); ${outcome}`)
  process.exitCode = 1
}

/** `charter charter validate FILE`: a one-line summary, or every problem and exit code 1. */
export async function validateCharterCommand(file: string): Promise<void> {
  const result = validateCharterSource(readSource(file), file)
  if (!result.ok) {
    printIssues(file, result.issues, 'the charter is not valid')
    return
  }
  const { byFamily, total } = countRules(result.document)
  const families = Object.entries(byFamily)
    .filter(([, n]) => n > 0)
    .map(([family, n]) => `${family} ${n}`)
    .join(', ')
  console.log(
    `${file}: valid charter "${result.document.name}" (${result.document.levels.join(' → ')}); ${total} rules: ${families}`,
  )
}

/** `charter charter adopt FILE --decision … --kind … --decided-on …`: records a version, or nothing. */
export async function adoptCharterCommand(
  file: string,
  options: DataOptions & {
    decision: string
    kind: 'congress' | 'conference' | 'committee'
    decidedOn: string
    effectiveFrom?: string
    body?: number
  },
): Promise<void> {
  const source = readSource(file)
  const { database, clock } = await openRuntime(options)
  try {
    const effectiveFrom = options.effectiveFrom ?? options.decidedOn
    const version = await database.db.transaction().execute((trx) =>
      adoptCharter(
        { db: trx, clock, actor: cliActor },
        {
          source,
          fileName: file,
          decision: {
            kind: options.kind,
            title: options.decision,
            decidedOn: options.decidedOn,
            ...(options.body ? { bodyId: options.body } : {}),
          },
          effectiveFrom,
        },
      ),
    )
    const today = toIsoDate(clock.now())
    const inForce = await charterInForce(database.db, today).catch(() => null)
    const standing =
      effectiveFrom > today
        ? `takes effect on ${effectiveFrom}`
        : inForce?.versionId === version.versionId
          ? `in force from ${effectiveFrom}`
          : `in force from ${effectiveFrom} until a later version (version ${inForce?.versionId} is in force today)`
    console.log(
      `adopted version ${version.versionId} "${version.name}" (${countRules(version.document).total} rules), ` +
        `${standing}; decided by ${options.kind} "${options.decision}" on ${options.decidedOn}`,
    )
  } catch (error) {
    if (error instanceof AppError && error.code === 'CHARTER_INVALID') {
      printIssues(file, (error.details as { issues: CharterIssue[] }).issues, 'nothing was adopted')
      return
    }
    throw error
  } finally {
    await database.close()
  }
}

/** `charter charter show [--date D] [--json]`: the rules in force, by family, as members read them. */
export async function showCharterCommand(
  options: DataOptions & { date?: string; json?: boolean },
): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const date =
      options.date === undefined ? toIsoDate(clock.now()) : parseInput(isoDateSchema, options.date, 'date')
    const presented = presentCharterVersion(await charterInForce(database.db, date))
    if (options.json) {
      console.log(JSON.stringify({ date, ...presented }, null, 2))
      return
    }
    const { decision } = presented
    console.log(`${presented.name}: version ${presented.versionId}, in force on ${date}`)
    console.log(
      `Adopted by ${decision.kind} "${decision.title}" on ${decision.decidedOn}, effective from ${presented.effectiveFrom}`,
    )
    console.log(`Levels: ${presented.levels.join(' → ')}`)
    for (const { family, rules } of presented.families) {
      if (rules.length === 0) continue
      console.log(`\n${FAMILY_TITLES[family]} (${rules.length})`)
      for (const rule of rules) console.log(`  ${rule.id}\n    ${rule.text}`)
    }
  } finally {
    await database.close()
  }
}

/** `charter charter versions`: every version, newest effective first, with where it stands today. */
export async function charterVersionsCommand(options: DataOptions): Promise<void> {
  const { database, clock } = await openRuntime(options)
  try {
    const { today, items } = await listCharterVersions({ db: database.db, clock })
    if (items.length === 0) {
      console.log('no charter version adopted yet; adopt one with `charter charter adopt FILE --decision …`')
      return
    }
    console.log(`charter versions (today is ${today}):`)
    for (const v of items) {
      console.log(
        `  #${v.versionId}  ${v.effectiveFrom}  ${v.status.padEnd(10)}  ${v.name}: ${v.decision.kind} ` +
          `"${v.decision.title}" of ${v.decision.decidedOn}, ${v.ruleCount} rules`,
      )
    }
  } finally {
    await database.close()
  }
}

/** `charter charter schema`: the JSON Schema, as committed in charter/charter.schema.json. */
export function charterSchemaCommand(): void {
  process.stdout.write(charterJsonSchemaText())
}
