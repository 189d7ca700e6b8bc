/**
 * Positions from js-yaml's parse events. The fast path parses a file into events and builds the
 * data from them; it keeps the events, and when a problem needs a line and column they are walked
 * once (no second parse of the file). Offsets match what `yaml` reports for the same node.
 */
import { EVENT_ID, getScalarValue, SCALAR_STYLE, type Event } from 'js-yaml';
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

interface Located {
  value: number;
  key?: number;
}

interface Frame {
  path: string;
  seq: boolean;
  index: number;
  /** Mapping: the key just read (its value is the next node); undefined when a key comes next. */
  key?: { name: string; at: number; end: number };
}

const SEP = '\u0000';
const join = (path: string, segment: string | number) =>
  path === '' ? String(segment) : `${path}${SEP}${String(segment)}`;

/** Every node of the first document by path (segments joined with NUL), in one pass. */
function locate(events: readonly Event[], text: string): Map<string, Located> {
  const nodes = new Map<string, Located>();
  const stack: (Frame | undefined)[] = [];
  let seenRoot = false;
  for (const e of events) {
    if (e.type === EVENT_ID.DOCUMENT) continue;
    if (e.type === EVENT_ID.POP) {
      stack.pop();
      if (stack.length === 0 && seenRoot) break;
      continue;
    }
    const collection = e.type === EVENT_ID.MAPPING || e.type === EVENT_ID.SEQUENCE;
    const parent = stack.at(-1);
    let path: string | undefined;
    let located: Located | undefined;
    if (stack.length === 0) {
      seenRoot = true;
      path = '';
      located = { value: startOf(e, text) };
    } else if (parent === undefined) {
      // inside a complex key: nothing there is addressed by a path
    } else if (parent.seq) {
      path = join(parent.path, parent.index++);
      located = { value: startOf(e, text) };
    } else if (parent.key === undefined) {
      const scalar = e.type === EVENT_ID.SCALAR;
      parent.key = {
        name: scalar ? getScalarValue(text, e) : '',
        at: startOf(e, text),
        end: scalar ? e.valueEnd : NONE,
      };
      if (collection) stack.push(undefined);
      continue;
    } else {
      path = join(parent.path, parent.key.name);
      const value = startOf(e, text);
      // an empty value (`key:`) is where `yaml` puts it: just after the colon
      const empty = parent.key.end === NONE ? parent.key.at : text.indexOf(':', parent.key.end) + 1;
      located = { value: value === NONE ? empty : value, key: parent.key.at };
      parent.key = undefined;
    }
    if (path !== undefined && located && !nodes.has(path)) nodes.set(path, located);
    if (collection)
      stack.push(path === undefined ? undefined : { path, seq: e.type === EVENT_ID.SEQUENCE, index: 0 });
  }
  return nodes;
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

/** The lookup over a parsed file's events, built on first use. */
export function eventPositions(events: readonly Event[], text: string): Positions {
  let nodes: Map<string, Located> | undefined;
  let starts: number[] | undefined;
  return {
    at(path, options = {}) {
      nodes ??= locate(events, text);
      starts ??= lineStarts(text);
      let best = nodes.get('');
      let key: number | undefined;
      let prefix = '';
      for (const segment of path) {
        prefix = join(prefix, segment);
        const found = nodes.get(prefix);
        if (!found) {
          key = undefined;
          break;
        }
        best = found;
        key = found.key;
      }
      const offset = options.key && key !== undefined ? key : best?.value;
      return offset === undefined || offset < 0 ? { line: 1, col: 1 } : toPosition(starts, offset);
    },
  };
}
