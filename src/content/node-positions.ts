/**
 * Positions recorded while js-yaml reads a file. Its `listener` sees every node open and close, so
 * the one parse that gives the data also gives, per node, where it starts and what it holds; when a
 * problem needs a line and column, its path is followed through those nodes (no second parse). The
 * offsets are the ones `yaml` reports for the same node (test/content/node-positions.test.ts).
 *
 * The nodes are paired with the data they built and checked against it: a form whose nodes cannot be
 * matched with certainty (an explicit `? key`, a `key: value` pair inside a flow list, a key that is a
 * list or a mapping, an anchor, an alias or a tag) gives no positions, and the caller reads the file
 * with `yaml` instead, which also bounds alias expansion.
 */
import type { LoadOptions } from 'js-yaml';
import type { Position, Positions } from './positions.js';

/** What a node held when it closed (js-yaml's `state.kind`). */
const EMPTY = 0;
const SCALAR = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const NONE = -1;

/** The parts of js-yaml's parser state the listener reads (its types do not declare them all). */
interface ParserState {
  position: number;
  kind: 'scalar' | 'sequence' | 'mapping' | null;
  result: unknown;
}

/** A recorder for one parse: pass `listener` to js-yaml's `load`, then call `positions`. */
export interface PositionRecorder {
  listener: NonNullable<LoadOptions['listener']>;
  /** The lookup for the data `load` returned, or undefined when its nodes cannot be trusted. */
  positions(data: unknown): Positions | undefined;
}

export function recordPositions(text: string): PositionRecorder {
  // Per node, in the order they open: where the parser stood, where it stopped, what it held, its
  // first child, next sibling and (for a key) its name. Plain arrays of small integers stay packed.
  const opened: number[] = [];
  const closed: number[] = [];
  const kind: number[] = [];
  const firstChild: number[] = [];
  const lastChild: number[] = [];
  const next: number[] = [];
  const keyName = new Map<number, string>();
  const stack: number[] = [];
  /** Each collection node's data, while parsing (a wrapping node closes with its child's). */
  const collections = new Map<number, object>();
  let trusted = true;

  function open(state: ParserState): void {
    const id = opened.length;
    opened.push(state.position);
    closed.push(NONE);
    kind.push(EMPTY);
    firstChild.push(NONE);
    lastChild.push(NONE);
    next.push(NONE);
    const parent = stack.length > 0 ? stack[stack.length - 1]! : NONE;
    if (parent !== NONE) {
      if (lastChild[parent] === NONE) firstChild[parent] = id;
      else next[lastChild[parent]!] = id;
      lastChild[parent] = id;
    }
    stack.push(id);
  }

  function close(state: ParserState): void {
    const id = stack.pop();
    if (id === undefined) {
      trusted = false;
      return;
    }
    closed[id] = state.position;
    // An alias (`*name`), an anchor (`&name`) or a tag (`!tag`): the slow path bounds what an alias
    // expands to, and js-yaml reads a node with an anchor or a tag by trying a key first and going
    // back, which leaves the nodes of the attempt in the record.
    const first = text.charCodeAt(skipSeparation(text, opened[id]!));
    if (first === 42 || first === 38 || first === 33) trusted = false;
    const result = state.result;
    if (state.kind === 'mapping' || state.kind === 'sequence') {
      kind[id] = state.kind === 'mapping' ? MAPPING : SEQUENCE;
      const only = firstChild[id]!;
      if (only !== NONE && next[only] === NONE && collections.get(only) === result) {
        // a list item or document that js-yaml read by trying a key first: the inner node is the collection
        firstChild[id] = firstChild[only]!;
      } else if (trusted) {
        trusted = state.kind === 'mapping' ? pairsMatch(id, result) : itemsMatch(id, result);
      }
      collections.set(id, result as object);
    } else if (state.kind === 'scalar') {
      kind[id] = SCALAR;
      if (isKey(state.position)) keyName.set(id, String(result));
    } else if (isKey(state.position)) {
      // an empty key (`: value`)
      trusted = false;
    }
  }

  /** A node is a mapping key when a `:` follows it on its line. */
  function isKey(end: number): boolean {
    let i = end;
    while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i++;
    return text.charCodeAt(i) === 58;
  }

  /** Every key node names a key of the mapping, each once, and no value stands without its key. */
  function pairsMatch(id: number, result: unknown): boolean {
    let keys = 0;
    let afterKey = false;
    for (let c = firstChild[id]!; c !== NONE; c = next[c]!) {
      if (keyName.has(c)) {
        keys++;
        afterKey = true;
      } else if (afterKey) afterKey = false;
      else return false;
    }
    return result !== null && typeof result === 'object' && Object.keys(result as object).length === keys;
  }

  function itemsMatch(id: number, result: unknown): boolean {
    let items = 0;
    for (let c = firstChild[id]!; c !== NONE; c = next[c]!) {
      if (keyName.has(c)) return false;
      items++;
    }
    return Array.isArray(result) && result.length === items;
  }

  return {
    listener(event, state) {
      if (event === 'open') open(state as unknown as ParserState);
      else close(state as unknown as ParserState);
    },
    positions(data) {
      collections.clear();
      if (!trusted || stack.length > 0 || opened.length === 0 || data === undefined) return undefined;
      return lookup(text, { opened, closed, kind, firstChild, next, keyName });
    },
  };
}

interface Nodes {
  opened: readonly number[];
  closed: readonly number[];
  kind: readonly number[];
  firstChild: readonly number[];
  next: readonly number[];
  keyName: ReadonlyMap<number, string>;
}

/** A node reached by a path: the node, where its value starts, where its key starts (entries). */
interface Step {
  node: number;
  value: number;
  key?: number;
}

function lookup(text: string, nodes: Nodes): Positions {
  const { opened, closed, kind, firstChild, next, keyName } = nodes;
  let starts: number[] | undefined;
  const position = (offset: number): Position => {
    starts ??= lineStarts(text);
    return toPosition(starts, offset);
  };
  /** Where a node's text starts: past the spaces, line breaks and comments before it. */
  const startOf = (node: number): number =>
    kind[node] === EMPTY ? opened[node]! : skipSeparation(text, opened[node]!);
  const root = 0;

  const entry = (map: number, name: string): Step | undefined => {
    for (let c = firstChild[map]!; c !== NONE; c = next[c]!) {
      if (keyName.get(c) !== name) continue;
      const key = startOf(c);
      const value = next[c]!;
      if (value !== NONE && !keyName.has(value) && kind[value] !== EMPTY)
        return { node: value, key, value: startOf(value) };
      // an empty value (`key:`) is where `yaml` puts it: just after the colon
      const after = text.indexOf(':', closed[c]!) + 1;
      return { node: value !== NONE && !keyName.has(value) ? value : NONE, key, value: after };
    }
    return undefined;
  };
  const item = (seq: number, at: string | number): Step | undefined => {
    // as `yaml`'s lookup: only a number indexes a list
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) return undefined;
    let c = firstChild[seq]!;
    for (let i = 0; i < at && c !== NONE; i++) c = next[c]!;
    return c === NONE ? undefined : { node: c, value: startOf(c) };
  };

  return {
    at(path, options = {}) {
      let at: Step = { node: root, value: startOf(root) };
      for (const segment of path) {
        const k = at.node === NONE ? EMPTY : kind[at.node];
        const found =
          k === MAPPING
            ? entry(at.node, String(segment))
            : k === SEQUENCE
              ? item(at.node, segment)
              : undefined;
        // a path that does not exist: its nearest existing ancestor's value
        if (!found) return position(at.value);
        at = found;
      }
      return position(options.key && at.key !== undefined ? at.key : at.value);
    },
  };
}

/** The offset of the first character at or after `from` that is not a space, line break or comment. */
function skipSeparation(text: string, from: number): number {
  let i = from;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 && (i === 0 || isSpace(text.charCodeAt(i - 1)))) {
      while (i < text.length && text.charCodeAt(i) !== 10) i++;
    } else return i;
  }
}

const isSpace = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13;

/** Line starts of `text`, for offset → line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function toPosition(starts: readonly number[], offset: number): Position {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, col: offset - starts[lo]! + 1 };
}
