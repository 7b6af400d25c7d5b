import { parseArgs } from 'node:util';
import { AAF_USAGE, runAafBench } from './aaf-bench.js';

/** `npm run bench -- --scenario <name> …`: the import benchmarks. */
export async function runImportScenario(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { scenario: { type: 'string' } }, strict: false });
  if (values.scenario === 'aaf-import') return runAafBench(argv);
  console.error(`Unknown scenario ${String(values.scenario)}.\n\n${AAF_USAGE}`);
  return 2;
}
