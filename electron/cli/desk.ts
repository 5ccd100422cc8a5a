import path from 'node:path';
import { parseArgs } from 'node:util';
import { DeskError } from '../contract';
import { readVersion } from '../services/desk';
import { defaultDataDir } from '../services/paths';
import { UsageError, type Command } from './command';
import { benchCommand } from './commands/bench';
import { infoCommand } from './commands/info';
import { seedCommand } from './commands/seed';
import { cccdCommand } from './commands/cccd';
import { dueCommand } from './commands/due';
import { feeCommand } from './commands/fee';
import { postageCommand } from './commands/postage';
import { holidaysCommand } from './commands/holidays';
import { importCommand } from './commands/import';
import { exportCommand } from './commands/export';
import { slipCommand } from './commands/slip';

/** `desk`: the administrator's command line. Every command takes --json and --data-dir; bad input exits non-zero. */
// The bundle (dist/cli/desk.cjs) and the source run through tsx (electron/cli/desk.ts) both sit two folders below
// the project: from __dirname in the bundle, from the script's path under tsx (no __dirname there), so `desk` works
// from any folder.
const script = process.argv[1] ?? '';
const root =
  typeof __dirname === 'string'
    ? path.resolve(__dirname, '..', '..')
    : /desk\.(ts|cjs)$/.test(script)
      ? path.resolve(path.dirname(script), '..', '..')
      : process.cwd();

const COMMANDS: readonly Command[] = [
  seedCommand,
  infoCommand,
  importCommand,
  exportCommand,
  slipCommand,
  dueCommand,
  holidaysCommand,
  cccdCommand,
  feeCommand,
  postageCommand,
  benchCommand,
];

const USAGE = `Cách dùng: desk <lệnh> [tùy chọn]

Lệnh:
${COMMANDS.map((c) => `  ${c.usage}`).join('\n')}

Tùy chọn chung:
  --data-dir D   thư mục dữ liệu (mặc định: DESK_DATA_DIR hoặc thư mục dữ liệu của ứng dụng)
  --json         in kết quả dạng JSON
  -h, --help     trợ giúp`;

const COMMON = {
  json: { type: 'boolean', default: false },
  'data-dir': { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

async function run(argv: string[]): Promise<number> {
  const name = argv.find((a) => !a.startsWith('-'));
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    if (argv.includes('--help') || argv.includes('-h')) {
      console.log(USAGE);
      return 0;
    }
    if (name === undefined) {
      console.log(USAGE);
      return 2;
    }
    throw new UsageError(`Không có lệnh "${name}"`);
  }
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { ...COMMON, ...command.options },
  });
  if (values.help) {
    console.log(`Cách dùng: desk ${command.usage}`);
    return 0;
  }
  const args = positionals.slice(1);
  if (args.length > (command.positionals ?? 0)) throw new UsageError(`Thừa tham số: ${args.join(' ')}`);
  const json = values.json === true;
  const dataDir = typeof values['data-dir'] === 'string' ? path.resolve(values['data-dir']) : defaultDataDir();
  return command.run({
    values,
    args,
    dataDir,
    resourcesDir: path.join(root, 'resources'),
    version: readVersion(root),
    json,
    out: (data, text) => console.log(json ? JSON.stringify(data, null, 2) : text),
  });
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      const usage = err instanceof UsageError && !err.showUsage ? '' : `\n\n${USAGE}`;
      console.error(`Lỗi: ${(err as Error).message}${usage}`);
      process.exit(2);
    }
    console.error(`Lỗi: ${err instanceof DeskError ? err.message : (err as Error).message}`);
    process.exit(1);
  },
);
