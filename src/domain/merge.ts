import { canonicalJson } from './canonical';
import type { MergeConflict } from './schemas/common';

/*
 * Three-way merge of a document edited on a tablet (local) and on the server (remote)
 * since their common base, used by the tablet's RxDB conflict handler.
 *
 * Rules, each a test in tests/unit/merge.test.ts:
 *  M1 A field changed on one side only takes that side's value.
 *  M2 Plain objects merge key by key, at every depth.
 *  M3 Arrays whose items all carry an `id` merge item by item; items added on either side are kept.
 *  M4 An item removed on one side and untouched on the other is removed; one removed and
 *     changed on the other side is kept, because losing the change would lose work.
 *  M5 Any other value (text, number, array of plain values) is one unit.
 *  M6 When both sides changed the same unit to different values, the remote value wins:
 *     it reached the server first and other tablets may already show it. The local value is
 *     recorded in `mergeConflicts`, where the advisor sees it and can take it back.
 *  M7 `updatedAt` takes the later of both; `mergeConflicts` keeps the entries of both sides.
 *  M8 A document deleted on one side and edited on the other stays, with the edit: the
 *     deletion is recorded in `mergeConflicts` (path `_deleted`) so the advisor can delete it
 *     again. A deletion against an untouched document is kept.
 */

type Json = unknown;
type Doc = Record<string, unknown>;

const BOOKKEEPING_FIELDS = new Set(['updatedAt', 'updatedBy', 'mergeConflicts', '_meta', '_rev', '_attachments']);
const CONTENT_IGNORED_FIELDS = new Set([...BOOKKEEPING_FIELDS, '_deleted']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function isKeyedArray(value: unknown): value is Array<{ id: string }> {
  return Array.isArray(value) && value.every((item) => isPlainObject(item) && typeof item.id === 'string');
}

function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

interface MergeContext {
  conflicts: MergeConflict[];
  otherUpdatedBy: string;
  detectedAt: string;
}

function mergeValue(path: string, base: Json, local: Json, remote: Json, context: MergeContext): Json {
  if (same(local, remote)) return remote;
  if (same(base, local)) return remote;
  if (same(base, remote)) return local;

  if (isPlainObject(local) && isPlainObject(remote)) {
    return mergeObject(path, isPlainObject(base) ? base : {}, local, remote, context);
  }
  if (isKeyedArray(local) && isKeyedArray(remote)) {
    return mergeKeyedArray(path, isKeyedArray(base) ? base : [], local, remote, context);
  }

  context.conflicts.push({
    path,
    keptValue: remote,
    otherValue: local,
    otherUpdatedBy: context.otherUpdatedBy,
    detectedAt: context.detectedAt,
    dismissed: false,
  });
  return remote;
}

function mergeObject(path: string, base: Doc, local: Doc, remote: Doc, context: MergeContext): Doc {
  const result: Doc = {};
  const keys = new Set([...Object.keys(remote), ...Object.keys(local)]);
  for (const key of keys) {
    if (path === '' && BOOKKEEPING_FIELDS.has(key)) continue;
    const merged = mergeValue(path ? `${path}.${key}` : key, base[key], local[key], remote[key], context);
    if (merged !== undefined) result[key] = merged;
  }
  return result;
}

function mergeKeyedArray(
  path: string,
  base: Array<{ id: string }>,
  local: Array<{ id: string }>,
  remote: Array<{ id: string }>,
  context: MergeContext,
): Array<{ id: string }> {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const localById = new Map(local.map((item) => [item.id, item]));
  const remoteById = new Map(remote.map((item) => [item.id, item]));
  const order = [...remote.map((item) => item.id), ...local.map((item) => item.id).filter((id) => !remoteById.has(id))];

  const result: Array<{ id: string }> = [];
  for (const id of order) {
    const baseItem = baseById.get(id);
    const localItem = localById.get(id);
    const remoteItem = remoteById.get(id);
    const itemPath = `${path}[${id}]`;

    if (localItem && remoteItem) {
      result.push(mergeValue(itemPath, baseItem, localItem, remoteItem, context) as { id: string });
    } else if (remoteItem) {
      // Missing locally: a local removal (M4) unless the item is new on the remote side.
      const removedLocally = baseItem !== undefined;
      if (!removedLocally || !same(baseItem, remoteItem)) result.push(remoteItem);
    } else if (localItem) {
      const removedRemotely = baseItem !== undefined;
      if (!removedRemotely || !same(baseItem, localItem)) result.push(localItem);
    }
  }
  return result;
}

function contentChanged(base: Doc | undefined, side: Doc): boolean {
  const content = (doc: Doc | undefined) =>
    Object.fromEntries(Object.entries(doc ?? {}).filter(([key]) => !CONTENT_IGNORED_FIELDS.has(key)));
  return !same(content(base), content(side));
}

// M8: the generic merge treats `_deleted` like any field, which would let a deletion on one
// tablet silently discard an offline edit made on the other.
function resolveDeleteAgainstEdit(base: Doc | undefined, local: Doc, remote: Doc, merged: Doc, context: MergeContext): void {
  const localDeleted = local._deleted === true;
  const remoteDeleted = remote._deleted === true;
  if (localDeleted === remoteDeleted) return;

  const editedSide = localDeleted ? remote : local;
  if (!contentChanged(base, editedSide)) return;

  context.conflicts = context.conflicts.filter((conflict) => conflict.path !== '_deleted');
  context.conflicts.push({
    path: '_deleted',
    keptValue: false,
    otherValue: true,
    otherUpdatedBy: String((localDeleted ? local : remote).updatedBy ?? ''),
    detectedAt: context.detectedAt,
    dismissed: false,
  });
  merged._deleted = false;
}

function conflictKey(conflict: MergeConflict): string {
  return `${conflict.path}|${conflict.detectedAt}|${canonicalJson(conflict.otherValue)}`;
}

/**
 * Merges the local and remote versions of a document against their common base (M1–M7).
 * `base` is undefined when both sides created the document independently.
 */
export function mergeDocuments<T extends Doc>(base: T | undefined, local: T, remote: T, detectedAt: string): T {
  const context: MergeContext = {
    conflicts: [],
    otherUpdatedBy: String(local.updatedBy ?? ''),
    detectedAt,
  };
  const merged = mergeObject('', base ?? {}, local, remote, context);
  resolveDeleteAgainstEdit(base, local, remote, merged, context);

  const knownConflicts = new Map<string, MergeConflict>();
  for (const list of [remote.mergeConflicts, local.mergeConflicts, context.conflicts]) {
    for (const conflict of (list as MergeConflict[] | undefined) ?? []) knownConflicts.set(conflictKey(conflict), conflict);
  }

  const localUpdatedAt = String(local.updatedAt ?? '');
  const remoteUpdatedAt = String(remote.updatedAt ?? '');
  merged.updatedAt = localUpdatedAt > remoteUpdatedAt ? localUpdatedAt : remoteUpdatedAt;
  merged.updatedBy = local.updatedBy ?? remote.updatedBy;
  if ('mergeConflicts' in local || 'mergeConflicts' in remote) merged.mergeConflicts = [...knownConflicts.values()];
  return merged as T;
}

/** Compares two document states the way replication does: ignoring RxDB's own metadata and key order. */
export function sameDocumentState(a: Doc, b: Doc): boolean {
  const strip = (doc: Doc) => Object.fromEntries(Object.entries(doc).filter(([key]) => !['_meta', '_rev', '_attachments'].includes(key)));
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
