#!/usr/bin/env node
import { AppError } from '../server/errors.ts'
import { commands } from './commands/index.ts'

// Exit codes: 0 ok, 1 unexpected failure, 2 usage error, 3 refused by a rule (AppError).
const [name, ...args] = process.argv.slice(2)

function usage(): string {
  const lines = Object.entries(commands).map(([cmd, c]) => `  ${cmd.padEnd(28)} ${c.summary}`)
  return `Usage: partnine <command> [options]\n\nCommands:\n${lines.join('\n')}\n`
}

const command = name ? commands[name] : undefined
if (!command || name === 'help' || name === '--help') {
  process.stdout.write(usage())
  process.exit(name && name !== 'help' && name !== '--help' ? 2 : 0)
}

try {
  await command.run(args)
} catch (error) {
  if (error instanceof AppError) {
    process.stderr.write(`partnine ${name}: ${error.code}: ${error.message}\n`)
    process.exit(3)
  }
  if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
    process.stderr.write(`partnine ${name}: ${error.message}\n`)
    process.exit(2)
  }
  process.stderr.write(`partnine ${name}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
  process.exit(1)
}
