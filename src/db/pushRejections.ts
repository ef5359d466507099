import { BehaviorSubject, type Observable } from 'rxjs';
import { z } from 'zod';
import { sameDocumentState } from '../domain/merge';
import { COLLECTION_NAMES, type CollectionName } from '../domain/collections';
import type { SessionStorage } from './session';

/*
 * The server stores the valid rows of a push and rejects the others, marking each rejected
 * row of its response with `_rejection` (an invalid document, a document naming another
 * dealer, a rewritten signature). The tablet must not hand such a row to RxDB as a
 * conflict: resolving it would push the same row again, and the server would reject it
 * again, forever. The row is taken out of the answer, so RxDB moves on, and kept here until
 * a later version of the document reaches the server, so the indicator can name the
 * document and field that did not sync, also after a reload.
 */

export const pushRejectionSchema = z.object({
  error: z.string(),
  message: z.string(),
  field: z.string(),
  documentId: z.string(),
  issues: z.array(z.object({ field: z.string(), code: z.string() })).default([]),
});

const storedRejectionSchema = pushRejectionSchema.extend({
  collection: z.enum(COLLECTION_NAMES as [CollectionName, ...CollectionName[]]),
  /** The rejected document state; a later, different state that the server accepts clears the entry. */
  rejectedState: z.record(z.string(), z.unknown()),
  rejectedAt: z.string(),
});

/** A document version the server rejected, with the server's reason. */
export type PushRejection = z.infer<typeof storedRejectionSchema>;

export const PUSH_REJECTIONS_STORAGE_KEY = 'service-lane.pushRejections';

/** The rejected pushes not yet superseded by an accepted version, kept in localStorage. */
export class PushRejectionLog {
  private readonly subject: BehaviorSubject<readonly PushRejection[]>;
  readonly rejections$: Observable<readonly PushRejection[]>;

  constructor(private readonly storage: SessionStorage | undefined) {
    this.subject = new BehaviorSubject<readonly PushRejection[]>(this.load());
    this.rejections$ = this.subject.asObservable();
  }

  get rejections(): readonly PushRejection[] {
    return this.subject.value;
  }

  /** Records a rejection, replacing an earlier one of the same document. */
  add(rejection: PushRejection): void {
    const others = this.subject.value.filter((entry) => !(entry.collection === rejection.collection && entry.documentId === rejection.documentId));
    this.update([...others, rejection]);
  }

  /** Clears the rejection of a document when a different version of it reached the server. */
  acknowledge(collection: CollectionName, documentId: string, acceptedState: Record<string, unknown>): void {
    const entries = this.subject.value;
    const remaining = entries.filter(
      (entry) => !(entry.collection === collection && entry.documentId === documentId && !sameDocumentState(entry.rejectedState, acceptedState)),
    );
    if (remaining.length !== entries.length) this.update(remaining);
  }

  private update(entries: PushRejection[]): void {
    this.storage?.setItem(PUSH_REJECTIONS_STORAGE_KEY, JSON.stringify(entries));
    this.subject.next(entries);
  }

  private load(): PushRejection[] {
    const text = this.storage?.getItem(PUSH_REJECTIONS_STORAGE_KEY);
    if (!text) return [];
    try {
      const parsed = z.array(storedRejectionSchema).safeParse(JSON.parse(text));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }
}
