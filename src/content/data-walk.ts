/**
 * One walk over the data a content file holds, for the checks that look at every text in it
 * (guards.ts, unsafe-text.ts): each string value and each mapping key, depth first, with its path.
 */
import type { ContentPath } from './positions.js';

export interface DataVisitor {
  /** A string value. `path` is reused as the walk goes on: copy it to keep it. */
  text(value: string, path: ContentPath): void;
  /** A mapping key (`path` ends with it); false skips the value it holds. */
  key(key: string, path: ContentPath): boolean;
  /** True once the visitor has seen enough (a cap on its problems). */
  done(): boolean;
}

export function walkData(data: unknown, visitor: DataVisitor): void {
  const path: (string | number)[] = [];
  const visit = (v: unknown): void => {
    if (visitor.done()) return;
    if (typeof v === 'string') visitor.text(v, path);
    else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        path.push(i);
        visit(v[i]);
        path.pop();
      }
    } else if (v !== null && typeof v === 'object') {
      // for…in sees an own `__proto__` key (YAML parsers define it as a property) and reads its value
      for (const key in v) {
        path.push(key);
        if (visitor.key(key, path)) visit((v as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(data);
}

/** A path as messages name it: `steps.0.call`, or "the file" for the top. */
export function pathLabel(path: ContentPath): string {
  return path.length === 0 ? 'the file' : `\`${path.map(String).join('.')}\``;
}
