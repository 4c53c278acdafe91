import { type Command, InvalidArgumentError, Option } from 'commander'
import { COUNTING_METHOD_IDS } from '../core/counting/counting-method.ts'
import { ELECTION_STATES } from '../core/elections/list-elections.ts'
import { runCommand } from './runtime.ts'

/** `post` or `post:seats` (seats default to 1), collected over repeated --post options. */
function collectPost(value: string, previous: { post: string; seats: number }[]) {
  const match = /^([a-z][a-z0-9-]*)(?::(\d+))?$/.exec(value)
  if (!match) throw new InvalidArgumentError('give a post as POST or POST:SEATS, e.g. unit-bureau-member:2')
  return [...previous, { post: match[1] as string, seats: match[2] === undefined ? 1 : Number(match[2]) }]
}

/**
 * An instant on the organisation's clock: ISO 8601 with an offset, or without one (read as UTC),
 * or a bare date (its midnight, UTC).
 */
export function parseInstant(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(value)
  if (!match) {
    throw new InvalidArgumentError('give YYYY-MM-DD, YYYY-MM-DDTHH:MM (UTC) or a full ISO 8601 instant')
  }
  const [, date, time, seconds, offset] = match
  return `${date}T${time ?? '00:00'}${seconds ?? ':00'}${offset ?? 'Z'}`
}

/**
 * `charter election …` (call, show, list, cancel) and `charter scheduler run`. Registered from
 * main.ts; each action imports its handler only when it runs.
 */
export function registerElectionCommands(
  program: Command,
  shared: { readonly dataOption: Option; readonly positiveInt: (value: string) => number },
): void {
  const { dataOption, positiveInt } = shared
  const election = program
    .command('election')
    .description('elections: call one, read it, list a body’s, cancel one (transitions run on their own)')

  election
    .command('call')
    .description('call an election in a body; nominations and voting then open and close at their times')
    .requiredOption('--body <id>', 'the body holding the election', positiveInt)
    .requiredOption(
      '--post <post[:seats]>',
      'a post to fill, with its seats (repeat for each post)',
      collectPost,
      [],
    )
    .addOption(
      new Option('--method <method>', 'counting method (plurality: one seat per post)')
        .choices([...COUNTING_METHOD_IDS])
        .makeOptionMandatory(),
    )
    .requiredOption('--nominations-open <instant>', 'when nominations open', parseInstant)
    .requiredOption('--nominations-close <instant>', 'when nominations close', parseInstant)
    .requiredOption(
      '--voting-open <instant>',
      'when voting opens (the electorate is frozen then)',
      parseInstant,
    )
    .requiredOption('--voting-close <instant>', 'when voting closes and the count runs', parseInstant)
    .option('--title <title>', 'the election’s title (default: "Elections in BODY")')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { callElectionCommand } = await import('./commands/elections.ts')
        await callElectionCommand(options)
      }),
    )

  election
    .command('show')
    .description('an election: state, windows, candidates, electorate and turnout')
    .argument('<id>', 'the election', positiveInt)
    .option('--json', 'print JSON')
    .addOption(dataOption)
    .action((id: number, options) =>
      runCommand(async () => {
        const { showElectionCommand } = await import('./commands/elections.ts')
        await showElectionCommand(id, options)
      }),
    )

  election
    .command('list')
    .description('a body’s elections, latest voting close first')
    .requiredOption('--body <id>', 'the body', positiveInt)
    .option('--subtree', 'include every body below')
    .addOption(new Option('--state <state>', 'only elections in this state').choices([...ELECTION_STATES]))
    .option('--json', 'print JSON')
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { listElectionsCommand } = await import('./commands/elections.ts')
        await listElectionsCommand(options)
      }),
    )

  election
    .command('cancel')
    .description('cancel an election that is not closed, with a reason (ballots cast are discarded)')
    .argument('<id>', 'the election', positiveInt)
    .requiredOption('--reason <reason>', 'why, in words members will read')
    .addOption(dataOption)
    .action((id: number, options) =>
      runCommand(async () => {
        const { cancelElectionCommand } = await import('./commands/elections.ts')
        await cancelElectionCommand(id, options)
      }),
    )

  program
    .command('scheduler')
    .description('the scheduler of timed transitions (the server runs it in the background)')
    .command('run')
    .description('run every job that is due now on the organisation’s clock, once')
    .option('--limit <n>', 'jobs to attempt at most', positiveInt, 1000)
    .addOption(dataOption)
    .action((options) =>
      runCommand(async () => {
        const { runSchedulerCommand } = await import('./commands/elections.ts')
        await runSchedulerCommand(options)
      }),
    )
}
