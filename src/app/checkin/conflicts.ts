import type { MergeConflict } from '../../domain/schemas/common';

/*
 * Merge conflicts name the field with the path syntax of src/domain/merge.ts: object keys
 * joined by dots, array items by their id in brackets, for example `damageMarks[0193…].note`.
 */

type PathSegment = { kind: 'key'; key: string } | { kind: 'id'; id: string };

/** Splits a merge-conflict path into object keys and array-item ids. */
export function parseConflictPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[([^\]]+)\]/g)) {
    if (match[1] !== undefined) segments.push({ kind: 'key', key: match[1] });
    else if (match[2] !== undefined) segments.push({ kind: 'id', id: match[2] });
  }
  return segments;
}

function setIn(container: unknown, segments: PathSegment[], value: unknown): unknown {
  const [head, ...rest] = segments;
  if (!head) return value;

  if (head.kind === 'key') {
    const record = container !== null && typeof container === 'object' && !Array.isArray(container) ? (container as Record<string, unknown>) : {};
    return { ...record, [head.key]: setIn(record[head.key], rest, value) };
  }

  const items = Array.isArray(container) ? (container as Array<Record<string, unknown>>) : [];
  const index = items.findIndex((item) => item?.id === head.id);
  if (index === -1) {
    // The item is gone on this side: taking the other value brings it back whole.
    return rest.length === 0 && value !== undefined ? [...items, value] : items;
  }
  const next = [...items];
  const replaced = setIn(items[index], rest, value);
  if (replaced === undefined) next.splice(index, 1);
  else next[index] = replaced as Record<string, unknown>;
  return next;
}

/** Returns a copy of the document with the value at a merge-conflict path replaced. */
export function setAtConflictPath<T extends object>(document: T, path: string, value: unknown): T {
  return setIn(document, parseConflictPath(path), value) as T;
}

/** Conflicts the advisor has not dealt with yet. */
export function openConflicts(conflicts: readonly MergeConflict[]): MergeConflict[] {
  return conflicts.filter((conflict) => !conflict.dismissed);
}

/** Marks one conflict dismissed, matching it by path and detection time. */
export function dismissConflict(conflicts: readonly MergeConflict[], target: MergeConflict): MergeConflict[] {
  return conflicts.map((conflict) =>
    conflict.path === target.path && conflict.detectedAt === target.detectedAt ? { ...conflict, dismissed: true } : conflict,
  );
}
