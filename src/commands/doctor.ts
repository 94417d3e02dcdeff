import { resolve } from 'node:path';
import { runDoctor } from '../doctor/run-doctor.js';
import { renderDoctor } from '../doctor/render.js';
import { findProjectRoot } from './init.js';
import { flagsLayer, type ConfigFlags } from './options.js';

/** Options of `tandem doctor`. */
export interface DoctorOptions extends ConfigFlags {
  json?: boolean;
}

/** `tandem doctor`: checks config, key, gateway, models, the editor's pin and context; exit 0 only when all pass. */
export async function doctorCommand(options: DoctorOptions, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const flags = flagsLayer(options);
  const report = await runDoctor({
    root: findProjectRoot(resolve(options.cwd ?? process.cwd())),
    env,
    // No flags, no layer: the config line then lists only where values really came from.
    flags: Object.keys(flags).length > 0 ? flags : undefined,
    configFile: options.config ? resolve(options.config) : undefined,
  });
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderDoctor(report));
  return report.exitCode;
}
