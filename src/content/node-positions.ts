/**
 * Positions recorded while js-yaml reads a file. Its `listener` sees every node open and close, so
 * the one parse that gives the data also gives, per node, where it starts and whether it is a key;
 * when a problem needs a line and column, its path is followed through those nodes (no second
 * parse). The offsets are the ones `yaml` reports for the same node
 * (test/content/node-positions.test.ts).
 *
 * Recording is kept cheap because most files never need a position. The nodes on a path are checked
 * against the data they built when the path is looked up (one key node per key of a mapping, one node
 * per item of a list); a form that does not pair up (an explicit `? key`, a `key: value` pair inside
 * a flow list, a key that is a list or a mapping) is looked up with `yaml` instead. A file with an
 * anchor, an alias or a tag gives no positions at all: the caller reads it with `yaml`, which bounds
 * what an alias expands to (js-yaml also reads such a node by trying a key first and going back,
 * which would leave the nodes of the attempt in the record).
 */
import type { LoadOptions } from 'js-yaml';
import type { Position, Positions } from './positions.js';

/** What a node held when it closed (js-yaml's `state.kind`). */
const EMPTY = 0;
const SCALAR = 1;
const SEQUENCE = 2;
const MAPPING = 3;
const NONE = -1;

/** A node's fields in the recorder's flat array: where it opened (offset 0), then these. */
const CLOSED = 1;
const KIND = 2;
const FIRST = 3;
const NEXT = 4;
const LAST = 5;
const FIELDS = 6;

/** The parts of js-yaml's parser state the listener reads (its types do not declare them all). */
interface ParserState {
  position: number;
  kind: 'scalar' | 'sequence' | 'mapping' | null;
  result: unknown;
}

/** A recorder for one parse: pass `listener` to js-yaml's `load`, then call `positions`. */
export interface PositionRecorder {
  listener: NonNullable<LoadOptions['listener']>;
  /**
   * The lookup for the data `load` returned, or undefined when the file holds an anchor, alias or tag
   * (or nothing). A path whose nodes do not pair up with `data` is looked up in `fallback()`.
   */
  positions(data: unknown, fallback: () => Positions): Positions | undefined;
  /**
   * Whether a key or value read was longer than the `maxText` given or exactly `__proto__`: the
   * texts guards.ts refuses. When not, the data needs no walk to look for them.
   */
  sawGuardedText(): boolean;
}

/**
 * The text has an anchor (`&`), alias (`*`) or tag (`!`) mark where a node could start: at a line's
 * start or after a space or a flow indicator. Text without one (`sts:*`, `"*"`, "don't!") skips the
 * check per node. (A scan with indexOf: a multiline regular expression took longer than the parse.)
 */
function mayHoldProperties(text: string): boolean {
  for (const mark of ['&', '*', '!']) {
    for (let i = text.indexOf(mark); i !== -1; i = text.indexOf(mark, i + 1)) {
      const before = i === 0 ? 10 : text.charCodeAt(i - 1);
      // space, tab, CR, LF, `[`, `{`, `,`
      if (
        before === 32 ||
        before === 9 ||
        before === 13 ||
        before === 10 ||
        before === 91 ||
        before === 123 ||
        before === 44
      )
        return true;
    }
  }
  return false;
}

export function recordPositions(text: string, maxText = Infinity): PositionRecorder {
  // Per node, in the order they open, in one flat array of small integers (FIELDS per node): where
  // the parser stood, where it stopped, what it held, its first child and next sibling, and (while
  // it is open) its last child. One array written in place costs less than six growing arrays and
  // two maps did: recording added 25-30% to js-yaml's parse of a quiz file, now 15-20% (paired runs).
  let nodes = new Int32Array(1024);
  let count = 0;
  /** Per node: the key it names when it is a mapping key, else undefined. */
  const keyName: (string | undefined)[] = [];
  const stack: number[] = [];
  // The last collection that closed and its data: a node wrapping one collection closes right after it.
  let lastCollection = NONE;
  let lastResult: unknown;
  const checkProperties = mayHoldProperties(text);
  let usable = true;
  let guardedText = false;

  function open(position: number): void {
    const id = count++;
    let at = id * FIELDS;
    if (at + FIELDS > nodes.length) {
      const bigger = new Int32Array(nodes.length * 2);
      bigger.set(nodes);
      nodes = bigger;
    }
    nodes[at] = position;
    nodes[at + CLOSED] = NONE;
    nodes[at + KIND] = EMPTY;
    nodes[at + FIRST] = NONE;
    nodes[at + NEXT] = NONE;
    nodes[at + LAST] = NONE;
    keyName.push(undefined);
    const depth = stack.length;
    if (depth > 0) {
      at = stack[depth - 1]! * FIELDS;
      const last = nodes[at + LAST]!;
      if (last === NONE) nodes[at + FIRST] = id;
      else nodes[last * FIELDS + NEXT] = id;
      nodes[at + LAST] = id;
    }
    stack.push(id);
  }

  function close(state: ParserState): void {
    const id = stack.pop();
    if (id === undefined) {
      usable = false;
      return;
    }
    const at = id * FIELDS;
    const end = state.position;
    nodes[at + CLOSED] = end;
    if (checkProperties) {
      const first = text.charCodeAt(skipSeparation(text, nodes[at]!));
      if (first === 42 || first === 38 || first === 33) usable = false;
    }
    const k = state.kind;
    if (k === 'scalar') {
      nodes[at + KIND] = SCALAR;
      const r = state.result;
      if (typeof r === 'string' && (r.length > maxText || r === '__proto__')) guardedText = true;
      if (isKey(text, end)) keyName[id] = String(r);
    } else if (k === 'mapping' || k === 'sequence') {
      nodes[at + KIND] = k === 'mapping' ? MAPPING : SEQUENCE;
      // A list item or a document that js-yaml read by trying a key first holds the collection it
      // read as its only child: the node stands for that child's content. That child is the last
      // collection to close before this node.
      const only = nodes[at + FIRST]!;
      if (
        only !== NONE &&
        only === lastCollection &&
        lastResult === state.result &&
        only === nodes[at + LAST]
      )
        nodes[at + FIRST] = nodes[only * FIELDS + FIRST]!;
      lastCollection = id;
      lastResult = state.result;
      // a list or mapping as a key becomes one text (`[a, b]: x` is the key `a,b`), which no scalar shows
      if (isKey(text, end)) guardedText = true;
    } else if (isKey(text, end)) {
      // an empty key (`: value`)
      usable = false;
    }
  }

  return {
    listener(event, state) {
      if (event === 'open') open(state.position);
      else close(state as unknown as ParserState);
    },
    positions(data, fallback) {
      lastResult = undefined;
      if (!usable || stack.length > 0 || count === 0 || data === undefined) return undefined;
      return lookup(text, data, { nodes, keyName }, fallback);
    },
    sawGuardedText: () => guardedText,
  };
}

/** A node is a mapping key when a `:` follows it on its line. */
function isKey(text: string, end: number): boolean {
  let i = end;
  let c = text.charCodeAt(i);
  while (c === 32 || c === 9) c = text.charCodeAt(++i);
  return c === 58;
}

interface Nodes {
  /** FIELDS integers per node (see recordPositions). */
  nodes: Int32Array;
  keyName: readonly (string | undefined)[];
}

/** A node reached by a path: the node (NONE for an empty value), where its value and key start. */
interface Step {
  node: number;
  value: number;
  key?: number;
}

/** Signals a path whose nodes do not pair up with the data: the fallback answers for it. */
const UNPAIRED = Symbol('unpaired');

function lookup(text: string, data: unknown, nodes: Nodes, fallback: () => Positions): Positions {
  const { nodes: n, keyName } = nodes;
  const opened = (node: number): number => n[node * FIELDS]!;
  const closed = (node: number): number => n[node * FIELDS + CLOSED]!;
  const kind = (node: number): number => n[node * FIELDS + KIND]!;
  const firstChild = (node: number): number => n[node * FIELDS + FIRST]!;
  const next = (node: number): number => n[node * FIELDS + NEXT]!;
  const isKeyNode = (node: number): boolean => keyName[node] !== undefined;
  let starts: number[] | undefined;
  const position = (offset: number): Position => {
    starts ??= lineStarts(text);
    return toPosition(starts, offset);
  };
  /** Where a node's text starts: past the spaces, line breaks and comments before it. */
  const startOf = (node: number): number =>
    kind(node) === EMPTY ? opened(node) : skipSeparation(text, opened(node));

  /** A mapping node pairs up with `value` when every key node names one of its keys and none is missing. */
  const pairsUp = (map: number, value: unknown): boolean => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
    let keys = 0;
    let afterKey = false;
    for (let c = firstChild(map); c !== NONE; c = next(c)) {
      if (isKeyNode(c)) {
        if (!Object.hasOwn(value, keyName[c]!)) return false;
        keys++;
        afterKey = true;
      } else if (afterKey) afterKey = false;
      else return false;
    }
    return Object.keys(value).length === keys;
  };
  const itemsUp = (seq: number, value: unknown): boolean => {
    if (!Array.isArray(value)) return false;
    let items = 0;
    for (let c = firstChild(seq); c !== NONE; c = next(c)) {
      if (isKeyNode(c)) return false;
      items++;
    }
    return items === value.length;
  };

  const entry = (map: number, name: string): Step | undefined => {
    for (let c = firstChild(map); c !== NONE; c = next(c)) {
      if (keyName[c] !== name) continue;
      const key = startOf(c);
      const value = next(c);
      const hasValue = value !== NONE && !isKeyNode(value);
      if (hasValue && kind(value) !== EMPTY) return { node: value, key, value: startOf(value) };
      // an empty value (`key:`) is where `yaml` puts it: just after the colon
      return { node: hasValue ? value : NONE, key, value: text.indexOf(':', closed(c)) + 1 };
    }
    return undefined;
  };
  const item = (seq: number, at: string | number): Step | undefined => {
    // as `yaml`'s lookup: only a number indexes a list
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) return undefined;
    let c = firstChild(seq);
    for (let i = 0; i < at && c !== NONE; i++) c = next(c);
    return c === NONE ? undefined : { node: c, value: startOf(c) };
  };

  /** Collection nodes already found to pair up (a file's warnings look up many paths through each). */
  const paired = new Set<number>();
  const find = (
    path: readonly (string | number)[],
    options: { key?: boolean },
  ): Position | typeof UNPAIRED => {
    let at: Step = { node: 0, value: startOf(0) };
    let value: unknown = data;
    for (const segment of path) {
      const k = at.node === NONE ? EMPTY : kind(at.node);
      let found: Step | undefined;
      if (k === MAPPING) {
        if (!paired.has(at.node)) {
          if (!pairsUp(at.node, value)) return UNPAIRED;
          paired.add(at.node);
        }
        found = entry(at.node, String(segment));
      } else if (k === SEQUENCE) {
        if (!paired.has(at.node)) {
          if (!itemsUp(at.node, value)) return UNPAIRED;
          paired.add(at.node);
        }
        found = item(at.node, segment);
      }
      // a path that does not exist: its nearest existing ancestor's value
      if (!found) return position(at.value);
      at = found;
      value = (value as Record<string | number, unknown>)[segment];
    }
    return position(options.key && at.key !== undefined ? at.key : at.value);
  };

  return {
    at(path, options = {}) {
      const found = find(path, options);
      return found === UNPAIRED ? fallback().at(path, options) : found;
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
