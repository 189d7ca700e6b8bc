/**
 * What every part of building a world shares: the problems found so far (data, never thrown), the
 * accounts seen, and parsing a policy with its problems placed at its path in the world.
 */
import { normalizePolicy } from '../policy/normalize.js';
import type { PolicyRef } from '../policy/ref.js';
import type { NormalizedPolicy, PolicyKind } from '../policy/types.js';
import type { WorldProblem } from '../types.js';

export type WorldPath = (string | number)[];

export class WorldReader {
  readonly problems: WorldProblem[] = [];
  constructor(readonly accounts: Set<string>) {}

  /** One policy document, parsed; what is wrong with it becomes a problem at `path`. */
  policy(doc: unknown, ref: PolicyRef, kind: PolicyKind, path: WorldPath): NormalizedPolicy {
    const { policy, problems } = normalizePolicy(doc, ref, kind);
    for (const problem of problems) {
      this.problems.push({ ...problem, policy: ref, path: [...path, ...problem.path], severity: 'error' });
    }
    return policy;
  }

  /** A list of policy documents, each named by `ref(i)`. */
  policies(
    docs: unknown[] | undefined,
    ref: (index: number) => PolicyRef,
    kind: PolicyKind,
    path: WorldPath,
  ): NormalizedPolicy[] {
    return (docs ?? []).map((doc, i) => this.policy(doc, ref(i), kind, [...path, i]));
  }
}
