import { Command, InvalidArgumentError, Option } from 'commander'
import { COUNTING_METHOD_IDS } from '../core/counting/counting-method.ts'
import { registerCharterCommands } from './commands/charter-commands.ts'
import { registerElectionCommands } from './election-commands.ts'
import { registerMandateCommands } from './mandate-commands.ts'
import { runCommand } from './runtime.ts'

/** Parses a positive whole number for an option, or explains what was wrong. */
function positiveInt(value: string): number {
  const parsed = Number(value)
  if (!Number.isSafeInteger(parsed) || parsed < 1)
    throw new InvalidArgumentError('must be a positive whole number')
  return parsed
}

const dataOption = new Option('--data <dir>', 'data folder of the embedded database (or CHARTER_DATA)').env(
  'CHARTER_DATA',
)

const program = new Command('charter')
  .description('Charter: an organisation’s rulebook as code, its democratic life, and an audit of practice.')
  .showHelpAfterError()

program
  .command('start')
  .description('serve the API and the web app; loads the demo into an empty database unless --no-demo')
  .option('--port <n>', 'HTTP port (or PORT)', positiveInt)
  .addOption(dataOption)
  .option('--no-demo', 'do not load the demo organisation into an empty database')
  .action((options) =>
    runCommand(async () => {
      const { startCommand } = await import('./commands/start.ts')
      await startCommand(options)
    }),
  )

program
  .command('demo')
  .description('create the 1923 demo organisation in an empty database')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { demoCommand } = await import('./commands/demo.ts')
      await demoCommand(options)
    }),
  )

program
  .command('init')
  .description('set up a real organisation: its name, levels, root body and first administrator')
  .requiredOption('--name <name>', 'the organisation’s name')
  .option('--levels <list>', 'comma-separated level names, top first', 'central,region,district,unit')
  .requiredOption('--admin-email <email>', 'e-mail of the first administrator')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { initCommand } = await import('./commands/init.ts')
      await initCommand(options)
    }),
  )

program
  .command('import')
  .description('import members from a CSV file, all or nothing (see docs for the columns)')
  .argument('<file>', 'CSV file with a header row')
  .addOption(dataOption)
  .action((file, options) =>
    runCommand(async () => {
      const { importCommand } = await import('./commands/import.ts')
      await importCommand(file, options)
    }),
  )

program
  .command('export')
  .description('export the members of a body’s subtree as CSV')
  .requiredOption('--body <id>', 'id of the body whose subtree to export', positiveInt)
  .option('--out <file>', 'write to a file instead of standard output')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { exportCommand } = await import('./commands/export.ts')
      await exportCommand(options)
    }),
  )

program
  .command('generate')
  .description('create a synthetic organisation in an empty database, for benchmarks')
  .requiredOption('--members <n>', 'number of members', positiveInt)
  .requiredOption('--units <n>', 'number of base units', positiveInt)
  .option('--seed <n>', 'random seed', positiveInt, 1923)
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { generateCommand } = await import('./commands/generate.ts')
      await generateCommand(options)
    }),
  )

program
  .command('seal')
  .description('seal every committed event now (the server also does this in the background)')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { sealCommand } = await import('./commands/verify-log.ts')
      await sealCommand(options)
    }),
  )

program
  .command('verify-log')
  .description('recompute every seal and name the first event edited, removed or inserted')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { verifyLogCommand } = await import('./commands/verify-log.ts')
      await verifyLogCommand(options)
    }),
  )

program
  .command('eligible')
  .description('who may hold a post in a body: one member’s verdict with rule ids, or the eligible list')
  .requiredOption('--post <post>', 'the post, as the charter names it (e.g. region-secretary)')
  .requiredOption('--body <id>', 'id of the body the post belongs to', positiveInt)
  .option('--member <id>', 'check this member only, with every reason', positiveInt)
  .option('--date <date>', 'YYYY-MM-DD (default: the organisation’s today)')
  .option('--limit <n>', 'members per page', positiveInt, 50)
  .option('--cursor <cursor>', 'the next page, as printed after a page')
  .option('--json', 'print JSON')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { eligibleCommand } = await import('./commands/eligible.ts')
      await eligibleCommand(options)
    }),
  )

program
  .command('count')
  .description('count a BLT ballot file (ERS/OpenSTV format) with a counting method; no database needed')
  .argument('<file>', 'the .blt file')
  .addOption(
    new Option('--method <method>', 'counting method')
      .choices([...COUNTING_METHOD_IDS])
      .makeOptionMandatory(),
  )
  .option('--seats <n>', 'seats to fill (default: as the file says)', positiveInt)
  .option('--seed <seed>', 'seed of the tie-break lot (default: the SHA-256 of the file)')
  .option('--json', 'print JSON: method, seats, elected, rounds (and ranking for Schulze)')
  .action((file, options) =>
    runCommand(async () => {
      const { countCommand } = await import('./commands/count.ts')
      await countCommand(file, options)
    }),
  )

program
  .command('audit')
  .description('the audit of a body’s subtree as of a date: findings, ratios, its children side by side')
  .option('--body <id>', 'id of the body whose subtree to audit (default: the root)', positiveInt)
  .option('--as-of <date>', 'YYYY-MM-DD, not in the future (default: the organisation’s today)')
  .option('--all', 'list every finding (default: the first 5 of each kind)')
  .option('--verbose', 'print each finding’s rule, evidence (event ids) and id')
  .option('--json', 'print JSON: { asOf, summary, findings }, every finding')
  .addOption(dataOption)
  .action((options) =>
    runCommand(async () => {
      const { auditCommand } = await import('./commands/audit.ts')
      await auditCommand(options)
    }),
  )

registerMandateCommands(program, { dataOption, positiveInt })
registerCharterCommands(program, dataOption)
registerElectionCommands(program, { dataOption, positiveInt })

await program.parseAsync(process.argv)
