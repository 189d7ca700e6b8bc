/**
 * What every part of building a world shares: the problems found so far (data, never thrown), the
 * accounts seen, and parsing a policy with its problems placed at its path in the world.
 */
import { normalizePolicy } from '../policy/normalize.js';
import type { NormalizedPolicy, PolicyKind } from '../policy/types.js';
import type { WorldProblem } from '../types.js';

export type WorldPath = (string | number)[];

export class WorldReader {
  readonly problems: WorldProblem[] = [];
  constructor(readonly accounts: Set<string>) {}

  /** One policy document, parsed; what is wrong with it becomes a problem at `path`. */
  policy(doc: unknown, label: string, kind: PolicyKind, path: WorldPath): NormalizedPolicy {
    const { policy, problems } = normalizePolicy(doc, label, kind);
    for (const problem of problems) {
      this.problems.push({
        path: [...path, ...problem.path],
        message: `${label}: ${problem.message}`,
        hint: problem.hint,
        severity: 'error',
      });
    }
    return policy;
  }

  /** A list of policy documents, labelled `<label> policy N`. */
  policies(
    docs: unknown[] | undefined,
    label: string,
    kind: PolicyKind,
    path: WorldPath,
  ): NormalizedPolicy[] {
    return (docs ?? []).map((doc, i) => this.policy(doc, `${label} policy ${i + 1}`, kind, [...path, i]));
  }
}
