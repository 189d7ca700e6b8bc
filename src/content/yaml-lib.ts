/**
 * The `yaml` library, loaded on first use. Well-formed content is read with js-yaml; only a file
 * with a YAML problem or aliases takes `yaml`'s slower, precise path, so a run that has none (and
 * each worker thread of a parallel `validate`) never loads it. Node resolves `yaml` to the same
 * CommonJS build for `require` and `import`: one copy, whichever loads it first.
 */
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let lib: typeof Yaml | undefined;

export const yamlLib = (): typeof Yaml => (lib ??= createRequire(import.meta.url)('yaml') as typeof Yaml);
