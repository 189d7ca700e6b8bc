/**
 * Positions from js-yaml's parse events. The fast path parses a file into events and builds the
 * data from them; it keeps the events, and when a problem needs a line and column its path is
 * followed through them (no second parse of the file). Offsets match what `yaml` reports for the
 * same node.
 */
import {
  EVENT_ID,
  getScalarValue,
  SCALAR_STYLE,
  type ChompingMode,
  type Event,
  type ScalarStyle,
} from 'js-yaml';
import type { Position, Positions } from './positions.js';

const NONE = -1;

/** Where a node starts: its tag or anchor when it has one, a quoted or block scalar's opening mark. */
function startOf(e: Event, text: string): number {
  if ('tagStart' in e && e.tagStart !== NONE) return e.tagStart;
  if ('anchorStart' in e && e.anchorStart !== NONE) return e.anchorStart;
  if (e.type === EVENT_ID.SCALAR) {
    if (e.valueStart === NONE) return NONE;
    if (e.style === SCALAR_STYLE.SINGLE_QUOTED || e.style === SCALAR_STYLE.DOUBLE_QUOTED)
      return e.valueStart - 1;
    if (e.style === SCALAR_STYLE.LITERAL_BLOCK || e.style === SCALAR_STYLE.FOLDED_BLOCK) {
      // the nearest `|` or `>` before the text: a step back over the header's end and any blank lines
      // (`lastIndexOf` scanned back to the start of the file for whichever of the two was missing)
      let i = Math.min(e.valueStart, text.length - 1);
      while (i >= 0 && text[i] !== '|' && text[i] !== '>') i--;
      return i;
    }
    return e.valueStart;
  }
  return 'start' in e ? e.start : NONE;
}

/**
 * The parse events, kept for positions in typed arrays: a few numbers per node instead of an object,
 * so a run that holds every file's positions until its last check (validate) keeps little for the
 * garbage collector to trace. Per event, STRIDE numbers: its type, with a scalar's style, chomping,
 * `fast` flag and indent packed in (what `getScalarValue` needs to name a key); where the node starts
 * (startOf); the index of the event after its subtree, so a lookup steps over a sibling at once; a
 * scalar's value range.
 */
const STRIDE = 5;
const [KIND, START, END, VALUE_START, VALUE_END] = [0, 1, 2, 3, 4];

function compact(events: readonly Event[], text: string): Int32Array {
  const index = new Int32Array(events.length * STRIDE + STRIDE);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const at = i * STRIDE;
    index[at + START] = startOf(e, text);
    index[at + END] = i + 1;
    index[at + VALUE_START] = NONE;
    index[at + VALUE_END] = NONE;
    if (e.type === EVENT_ID.SCALAR) {
      index[at + KIND] =
        e.type | (e.style << 3) | (e.chomping << 6) | (e.fast ? 1 << 8 : 0) | ((e.indent + 1) << 9);
      index[at + VALUE_START] = e.valueStart;
      index[at + VALUE_END] = e.valueEnd;
      continue;
    }
    index[at + KIND] = e.type;
    if (e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE) open.push(i);
    else if (e.type === EVENT_ID.POP) {
      const start = open.pop();
      if (start !== undefined) index[start * STRIDE + END] = i + 1;
    }
  }
  // past the last event: a POP, so that a walk off the end stops
  index[events.length * STRIDE + KIND] = EVENT_ID.POP;
  return index;
}

/** A node reached by a path: its event, where it starts, and where its key starts (mapping entries). */
interface Step {
  node: number;
  value: number;
  key?: number;
}

/** The lookup over a parsed file's events (which it does not keep). */
export function eventPositions(events: readonly Event[], text: string): Positions {
  const index = compact(events, text);
  const root = events.findIndex((e) => e.type !== EVENT_ID.DOCUMENT);
  let starts: number[] | undefined;
  const type = (i: number) => index[i * STRIDE + KIND]! & 7;
  const field = (i: number, f: number) => index[i * STRIDE + f]!;
  const keyName = (i: number): string => {
    const kind = index[i * STRIDE + KIND]!;
    // a key that is itself a list or mapping is addressed as '' (as `yaml`'s lookup does)
    if ((kind & 7) !== EVENT_ID.SCALAR) return '';
    return getScalarValue(text, {
      type: EVENT_ID.SCALAR,
      valueStart: field(i, VALUE_START),
      valueEnd: field(i, VALUE_END),
      anchorStart: NONE,
      anchorEnd: NONE,
      tagStart: NONE,
      tagEnd: NONE,
      style: ((kind >> 3) & 7) as ScalarStyle,
      chomping: ((kind >> 6) & 3) as ChompingMode,
      fast: (kind & (1 << 8)) !== 0,
      indent: (kind >> 9) - 1,
    });
  };
  const position = (offset: number | undefined): Position => {
    starts ??= lineStarts(text);
    return offset === undefined || offset < 0 ? { line: 1, col: 1 } : toPosition(starts, offset);
  };
  /** The entry `name` of the mapping at event `map`: its value's event, and where key and value start. */
  const entry = (map: number, name: string): Step | undefined => {
    for (let k = map + 1; type(k) !== EVENT_ID.POP; k = field(field(k, END), END)) {
      if (keyName(k) !== name) continue;
      const node = field(k, END);
      const key = field(k, START);
      const value = field(node, START);
      if (value !== NONE) return { node, key, value };
      // an empty value (`key:`) is where `yaml` puts it: just after the colon
      const keyEnd = field(k, VALUE_END);
      return { node, key, value: keyEnd === NONE ? key : text.indexOf(':', keyEnd) + 1 };
    }
    return undefined;
  };
  /** Item `index` of the sequence at event `seq`. */
  const item = (seq: number, at: string | number): Step | undefined => {
    // as `yaml`'s lookup: only a number indexes a list
    if (typeof at !== 'number' || !Number.isInteger(at) || at < 0) return undefined;
    let node = seq + 1;
    for (let i = 0; i < at && type(node) !== EVENT_ID.POP; i++) node = field(node, END);
    return type(node) === EVENT_ID.POP ? undefined : { node, value: field(node, START) };
  };
  return {
    at(path, options = {}) {
      if (root < 0) return position(undefined);
      let at: Step = { node: root, value: field(root, START) };
      for (const segment of path) {
        const kind = type(at.node);
        const next =
          kind === EVENT_ID.MAPPING
            ? entry(at.node, String(segment))
            : kind === EVENT_ID.SEQUENCE
              ? item(at.node, segment)
              : undefined;
        // a path that does not exist: its nearest existing ancestor's value
        if (!next) return position(at.value);
        at = next;
      }
      return position(options.key && at.key !== undefined ? at.key : at.value);
    },
  };
}

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
