/**
 * Positions from js-yaml's parse events. The fast path parses a file into events and builds the
 * data from them; it keeps the events, and when a problem needs a line and column its path is
 * followed through them (no second parse of the file). Offsets match what `yaml` reports for the
 * same node.
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

/**
 * `end[i]`: the index of the event after the node that starts at event `i` (a scalar is one event;
 * a collection runs to its POP), so a lookup steps over a sibling's whole subtree at once. One pass,
 * no strings: a file with warnings pays little for it.
 */
function subtreeEnds(events: readonly Event[]): Int32Array {
  const end = new Int32Array(events.length + 1);
  const open: number[] = [];
  for (let i = 0; i < events.length; i++) {
    const type = events[i]!.type;
    if (type === EVENT_ID.MAPPING || type === EVENT_ID.SEQUENCE) open.push(i);
    else if (type === EVENT_ID.POP) {
      const start = open.pop();
      if (start !== undefined) end[start] = i + 1;
    } else end[i] = i + 1;
  }
  return end;
}

/** A node reached by a path: its event, where it starts, and where its key starts (mapping entries). */
interface Step {
  node: number;
  value: number;
  key?: number;
}

/** The lookup over a parsed file's events, its index built on first use. */
export function eventPositions(events: readonly Event[], text: string): Positions {
  let end: Int32Array | undefined;
  let starts: number[] | undefined;
  const root = events.findIndex((e) => e.type !== EVENT_ID.DOCUMENT);
  const position = (offset: number | undefined): Position => {
    starts ??= lineStarts(text);
    return offset === undefined || offset < 0 ? { line: 1, col: 1 } : toPosition(starts, offset);
  };
  /** The entry `name` of the mapping at event `map`: its value's event, and where key and value start. */
  const entry = (map: number, name: string): Step | undefined => {
    for (let k = map + 1; events[k]!.type !== EVENT_ID.POP; k = end![end![k]!]!) {
      const key = events[k]!;
      // a key that is itself a list or mapping is addressed as '' (as `yaml`'s lookup does)
      if ((key.type === EVENT_ID.SCALAR ? getScalarValue(text, key) : '') !== name) continue;
      const node = end![k]!;
      const at = startOf(key, text);
      const value = startOf(events[node]!, text);
      if (value !== NONE) return { node, key: at, value };
      // an empty value (`key:`) is where `yaml` puts it: just after the colon
      const keyEnd = key.type === EVENT_ID.SCALAR ? key.valueEnd : NONE;
      return { node, key: at, value: keyEnd === NONE ? at : text.indexOf(':', keyEnd) + 1 };
    }
    return undefined;
  };
  /** Item `index` of the sequence at event `seq`. */
  const item = (seq: number, index: string | number): Step | undefined => {
    // as `yaml`'s lookup: only a number indexes a list
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0) return undefined;
    let node = seq + 1;
    for (let i = 0; i < index && events[node]!.type !== EVENT_ID.POP; i++) node = end![node]!;
    return events[node]!.type === EVENT_ID.POP ? undefined : { node, value: startOf(events[node]!, text) };
  };
  return {
    at(path, options = {}) {
      if (root < 0) return position(undefined);
      end ??= subtreeEnds(events);
      let at: Step = { node: root, value: startOf(events[root]!, text) };
      for (const segment of path) {
        const type = events[at.node]!.type;
        const next =
          type === EVENT_ID.MAPPING
            ? entry(at.node, String(segment))
            : type === EVENT_ID.SEQUENCE
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
