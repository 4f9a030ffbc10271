// Where a config field is written: the line of ml-image.yml a problem's path points at, so an
// error reads "line 5: variants[0].cuda: ..." and the action's annotation lands on that line.
import {
  type Document,
  isAlias,
  isMap,
  isScalar,
  isSeq,
  type LineCounter,
  type Pair,
  type YAMLMap,
} from 'yaml';
import type { Path } from './issues.js';

/** The 1-based line a field's path points at; undefined when the file does not hold it. */
export type LineOf = (path: Path) => number | undefined;

/** A node's or a key's first offset (a scalar key, a value, a list item). */
function startOf(node: unknown): number | undefined {
  const range = (node as { range?: readonly number[] } | null)?.range;
  return Array.isArray(range) ? range[0] : undefined;
}

/** Whether KEY is a merge key (`<<`, unquoted): the yaml package reads it as a symbol. */
export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

/** How deep merges into merges are followed (a merge of its own mapping would never end). */
const MAX_MERGE_DEPTH = 20;

/**
 * The pair of MAP whose key is SEG: its own, else the one a merge key brings in (`<<: *base`, or
 * a list of them: the first that has it), as the yaml package merges them.
 */
function pairOf(doc: Document, map: YAMLMap, seg: string, depth = 0): Pair | undefined {
  const own = map.items.find((p) => keyText(p.key) === seg);
  if (own !== undefined || depth >= MAX_MERGE_DEPTH) return own;
  for (const merge of map.items.filter((p) => isMergeKey(p.key))) {
    const value = isAlias(merge.value) ? merge.value.resolve(doc) : merge.value;
    for (const source of isSeq(value) ? value.items : [value]) {
      const resolved = isAlias(source) ? source.resolve(doc) : source;
      const found = isMap(resolved) ? pairOf(doc, resolved, seg, depth + 1) : undefined;
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

function keyText(key: unknown): string | undefined {
  // A null key (`~:` or `:`) is the empty string in the parsed data, as the yaml package makes it.
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return typeof key === 'string' ? key : undefined;
}

/**
 * A locator for DOC: the line of the deepest part of a path the file holds. A mapping's field is
 * its key's line (a merged one's in the mapping it is merged from), a list's item the item's line. A path the file holds only in part (a required
 * field left out, a list the schema made from one string) is its nearest written parent; a path
 * whose first step is not in the file (a top-level field left out) has no line.
 */
export function lineLocator(doc: Document, lines: LineCounter): LineOf {
  return (path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(doc);
      if (isMap(node)) {
        const pair = pairOf(doc, node, String(seg));
        if (pair === undefined) break;
        offset = startOf(pair.key) ?? offset;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number') {
        const item: unknown = node.items[seg];
        if (item === undefined) break;
        offset = startOf(item) ?? offset;
        node = item;
      } else break;
    }
    return offset === undefined ? undefined : lines.linePos(offset).line;
  };
}
