import { type Command, InvalidArgumentError, type Option } from 'commander'
import { runCommand } from './runtime.ts'

const END_REASONS = ['term-ended', 'resigned', 'recalled']

function endReason(value: string): string {
  if (!END_REASONS.includes(value)) throw new InvalidArgumentError(`one of ${END_REASONS.join(', ')}`)
  return value
}

/**
 * Posts and mandates: `appoint`, `elect`, `end-mandate`, `mandates`. Registered from main.ts;
 * each loads its implementation only when run, like the other commands.
 */
export function registerMandateCommands(
  program: Command,
  shared: { readonly dataOption: Option; readonly positiveInt: (value: string) => number },
): void {
  const { dataOption, positiveInt } = shared
  program
    .command('appoint')
    .description('appoint a member to a post of a body, as the charter in force allows')
    .requiredOption('--member <id>', 'the member to appoint', positiveInt)
    .requiredOption('--post <post>', 'the post, as the charter names it (e.g. unit-secretary)')
    .requiredOption('--body <id>', 'the body whose post it is', positiveInt)
    .requiredOption('--by <id>', 'the appointing body', positiveInt)
    .option('--justification <id>', 'a justification the charter lists (required for an elective post)')
    .option('--on <date>', 'start date, YYYY-MM-DD (default: today)')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { appointCommand } = await import('./commands/mandates.ts')
        await appointCommand(options)
      }),
    )

  program
    .command('elect')
    .description('record a mandate won in an election held outside Charter (replaces an appointment)')
    .requiredOption('--member <id>', 'the member elected', positiveInt)
    .requiredOption('--post <post>', 'the post, as the charter names it')
    .requiredOption('--body <id>', 'the body whose post it is', positiveInt)
    .option('--on <date>', 'start date, YYYY-MM-DD (default: today)')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { electCommand } = await import('./commands/mandates.ts')
        await electCommand(options)
      }),
    )

  program
    .command('end-mandate')
    .description('end a mandate: term-ended, resigned or recalled')
    .requiredOption('--mandate <id>', 'the mandate', positiveInt)
    .requiredOption('--reason <reason>', END_REASONS.join(' | '), endReason)
    .option('--on <date>', 'end date, YYYY-MM-DD (default: today)')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { endMandateCommand } = await import('./commands/mandates.ts')
        await endMandateCommand(options)
      }),
    )

  program
    .command('mandates')
    .description('the posts of a body, who holds them (elected or appointed) and vacant seats')
    .requiredOption('--body <id>', 'the body', positiveInt)
    .option('--date <date>', 'YYYY-MM-DD (default: today)')
    .option('--json', 'print JSON')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { mandatesCommand } = await import('./commands/mandates.ts')
        await mandatesCommand(options)
      }),
    )
}
