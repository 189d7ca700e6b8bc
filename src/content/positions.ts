/**
 * Maps paths into a parsed YAML document (`['steps', 2, 'expect']`) back to
 * line and column, so every problem can point at the node that caused it.
 */
import type { Document, LineCounter, Node } from 'yaml';
import { yamlLib } from './yaml-lib.js';

/** A position in a file, 1-based. */
export interface Position {
  line: number;
  col: number;
}

/** A path into a content document: object keys and list indexes. */
export type ContentPath = readonly (string | number)[];

/** Line/column lookup over one parsed document. */
export interface Positions {
  /**
   * The position of the value at `path`, or of its key when `key` is set (the
   * key is where an unknown field or a `step:` reference is best shown). When
   * the path does not exist, the nearest existing ancestor.
   */
  at(path: ContentPath, options?: { key?: boolean }): Position;
}

const START: Position = { line: 1, col: 1 };

/** The lookup for a file that was not parsed (unreadable, too big): everything is at 1:1. */
export const NO_POSITIONS: Positions = { at: () => START };

/** Builds the lookup for a document parsed with `lineCounter`. */
export function positionsOf(doc: Document | undefined, lineCounter: LineCounter): Positions {
  const toPos = (offset: number | undefined): Position =>
    offset === undefined ? START : lineCounter.linePos(offset);
  return {
    at(path, options = {}) {
      if (!doc) return START;
      let node: unknown = doc.contents;
      let keyNode: unknown;
      let best: Position = toPos((doc.contents as Node | null)?.range?.[0]);
      for (const segment of path) {
        const found = child(node, segment);
        if (!found) return best;
        node = found.value;
        keyNode = found.key;
        const nodeStart = (node as Node | null)?.range?.[0];
        const keyStart = (keyNode as Node | null)?.range?.[0];
        best = toPos(nodeStart ?? keyStart);
      }
      if (options.key && keyNode) return toPos((keyNode as Node).range?.[0]);
      return best;
    },
  };
}

function child(node: unknown, segment: string | number): { key?: unknown; value: unknown } | undefined {
  const { isMap, isPair, isScalar, isSeq } = yamlLib();
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = isScalar(pair.key) ? pair.key.value : pair.key;
      if (String(k) === String(segment)) return { key: pair.key, value: pair.value ?? pair.key };
    }
    return undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { value: item };
  }
  return undefined;
}
