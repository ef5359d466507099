import { useEffect, useState, type DependencyList } from 'react';
import type { Observable } from 'rxjs';
import type { CollectionName, DocumentOf } from '../../domain/collections';
import type { ServiceLaneDatabase } from '../../db/database';
import { useDatabase } from './DatabaseContext';

/** Result of a query hook: the latest data, whether the first result is still awaited, and any error. */
export interface QueryState<T> {
  data: T;
  loading: boolean;
  error: unknown;
}

/** The part of an RxDocument the hooks need. */
interface JsonDocument<T> {
  toMutableJSON(): T;
}

/** The part of an RxQuery the hooks need: its result stream. */
interface ObservableQuery<R> {
  readonly $: Observable<R>;
}

/**
 * Subscribes to an RxDB query and returns its documents as plain objects, updated on every
 * local or replicated change. `createQuery` runs again when `deps` change. The objects are
 * copies (RxDB's toMutableJSON), so a form may change them without touching RxDB's cache.
 *
 * Example: `useRxQuery((db) => db.checkins.find({ sort: [{ createdAt: 'desc' }] }), [])`.
 */
export function useRxQuery<T>(
  createQuery: (database: ServiceLaneDatabase) => ObservableQuery<readonly JsonDocument<T>[]>,
  deps: DependencyList,
): QueryState<T[]> {
  const database = useDatabase();
  const [state, setState] = useState<QueryState<T[]>>({ data: [], loading: true, error: null });

  useEffect(() => {
    setState((previous) => ({ ...previous, loading: true, error: null }));
    const subscription = createQuery(database).$.subscribe({
      next: (documents) => setState({ data: documents.map((document) => document.toMutableJSON()), loading: false, error: null }),
      error: (error: unknown) => setState({ data: [], loading: false, error }),
    });
    return () => subscription.unsubscribe();
    // createQuery is a new function on every render, so the caller lists what it depends on.
  }, [database, ...deps]);

  return state;
}

/**
 * Subscribes to one document by id. `data` is null when no such document exists (or it was
 * deleted) and while the first result is awaited (see `loading`).
 */
export function useRxDocument<C extends CollectionName>(collection: C, id: string | null | undefined): QueryState<DocumentOf<C> | null> {
  const database = useDatabase();
  const [state, setState] = useState<QueryState<DocumentOf<C> | null>>({ data: null, loading: true, error: null });

  useEffect(() => {
    if (!id) {
      setState({ data: null, loading: false, error: null });
      return undefined;
    }
    setState({ data: null, loading: true, error: null });
    const query: ObservableQuery<JsonDocument<DocumentOf<C>> | null> = database.collections[collection].findOne(id);
    const subscription = query.$.subscribe({
      next: (document) => setState({ data: document ? document.toMutableJSON() : null, loading: false, error: null }),
      error: (error: unknown) => setState({ data: null, loading: false, error }),
    });
    return () => subscription.unsubscribe();
  }, [database, collection, id]);

  return state;
}
