import { type Command, InvalidArgumentError, Option } from 'commander'
import { runCommand } from '../runtime.ts'

function bodyId(value: string): number {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive whole number')
  return parsed
}

/**
 * `charter charter …`: validate, adopt and read charter versions. Registered apart from main.ts so
 * the group stays in one place; each action imports its handler only when it runs.
 */
export function registerCharterCommands(program: Command, dataOption: Option): void {
  const group = program
    .command('charter')
    .description('the charter as code: validate a document, adopt a version, read the rules in force')

  group
    .command('validate')
    .description('check a charter document (YAML or JSON); lists every problem as FILE:LINE:COLUMN')
    .argument('<file>', 'the charter document')
    .action((file: string) =>
      runCommand(async () => {
        const { validateCharterCommand } = await import('./charter.ts')
        await validateCharterCommand(file)
      }),
    )

  group
    .command('adopt')
    .description('record a new charter version, adopted by a decision and in force from a date')
    .argument('<file>', 'the charter document')
    .requiredOption('--decision <title>', 'the deciding meeting, e.g. "Twelfth Congress"')
    .addOption(
      new Option('--kind <kind>', 'what decided it')
        .choices(['congress', 'conference', 'committee'])
        .makeOptionMandatory(),
    )
    .requiredOption('--decided-on <date>', 'the date of the decision, YYYY-MM-DD')
    .option('--effective-from <date>', 'when the version takes effect (default: the decision date)')
    .option('--body <id>', 'id of the deciding body (default: the root body)', bodyId)
    .addOption(dataOption)
    .action((file: string, options) =>
      runCommand(async () => {
        const { adoptCharterCommand } = await import('./charter.ts')
        await adoptCharterCommand(file, options)
      }),
    )

  group
    .command('show')
    .description('the rules in force on a date (today on the organisation’s clock by default)')
    .option('--date <date>', 'YYYY-MM-DD')
    .option('--json', 'print the version and its document as JSON')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { showCharterCommand } = await import('./charter.ts')
        await showCharterCommand(options)
      }),
    )

  group
    .command('versions')
    .description('every adopted version, newest effective date first')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { charterVersionsCommand } = await import('./charter.ts')
        await charterVersionsCommand(options)
      }),
    )

  group
    .command('schema')
    .description('print the JSON Schema of a charter document (for editors)')
    .action(() =>
      runCommand(async () => {
        const { charterSchemaCommand } = await import('./charter.ts')
        charterSchemaCommand()
      }),
    )
}
