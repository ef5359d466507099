import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quoteHash, recommendedHash } from '../../src/domain/orderSigning';
import { CHECKIN_UNSIGNED_FIELDS } from '../../src/domain/schemas/checkin';
import type { Order } from '../../src/domain/schemas/order';
import { contentHash } from '../../src/domain/signing';
import { checkinDocument, customerDocument, orderDocument, settingsDocument, signature } from './helpers/documents';
import { STORE_KINDS } from './helpers/stores';
import { authInit, createAccount, createTestApp, jsonInit, logIn, type Account, type TestApp } from './helpers/testApp';

type Doc = Record<string, unknown>;
type SignedVersion = { contentHash: string; signedAt?: string; createdAt: string; document: Doc };
type AnswerEntry = Doc & { _rejection?: { error: string; field: string; documentId: string; issues: Array<{ field: string; code: string }> } };

/*
 * The replication endpoints against each store. Test names cite the rules of
 * docs/sync-protocol.md (S1–S10, S14–S16).
 */
describe.each(STORE_KINDS)('sync endpoints on %s', (kind) => {
  let test: TestApp;
  let accountA: Account;
  let accountB: Account;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    test = await createTestApp({ kind });
    accountA = await createAccount(test.store, 'A01');
    accountB = await createAccount(test.store, 'B01');
    tokenA = (await logIn(test, 'A01', 'li.wei')).accessToken;
    tokenB = (await logIn(test, 'B01', 'li.wei')).accessToken;
  });

  afterAll(async () => {
    await test?.dispose();
  });

  async function push(token: string, collection: string, rows: unknown[]): Promise<{ status: number; answer: AnswerEntry[]; response: Response }> {
    const response = await test.request(`/api/sync/${collection}/push`, jsonInit('POST', rows, token));
    return { status: response.status, answer: (await response.json()) as AnswerEntry[], response };
  }

  async function pull(token: string, collection: string, checkpoint: { seq: number } | null = null, limit = 1000) {
    const query = new URLSearchParams({ checkpoint: checkpoint ? JSON.stringify(checkpoint) : '', limit: String(limit) });
    const response = await test.request(`/api/sync/${collection}/pull?${query}`, authInit(token));
    expect(response.status).toBe(200);
    return (await response.json()) as { documents: Doc[]; checkpoint: { seq: number } | null };
  }

  async function pullAll(token: string, collection: string): Promise<Doc[]> {
    return (await pull(token, collection)).documents;
  }

  function created(doc: Doc) {
    return { newDocumentState: { ...doc, _deleted: false } };
  }

  function updated(base: Doc, next: Doc) {
    return { assumedMasterState: { ...base, _deleted: false }, newDocumentState: { ...next, _deleted: false } };
  }

  describe('pull and checkpoints (S2)', () => {
    it('pull pages oldest first with checkpoints', async () => {
      const docs = [customerDocument(accountA.dealer.id), customerDocument(accountA.dealer.id), customerDocument(accountA.dealer.id)];
      const start = (await pull(tokenA, 'customers')).checkpoint;
      expect((await push(tokenA, 'customers', docs.map(created))).answer).toEqual([]);

      const first = await pull(tokenA, 'customers', start, 2);
      const second = await pull(tokenA, 'customers', first.checkpoint, 2);
      const third = await pull(tokenA, 'customers', second.checkpoint, 2);

      expect([...first.documents, ...second.documents].map((doc) => doc.id)).toEqual(docs.map((doc) => doc.id));
      expect(first.documents[0]).toEqual({ ...docs[0], _deleted: false });
      expect(second.checkpoint!.seq).toBeGreaterThan(first.checkpoint!.seq);
      expect(third.documents).toEqual([]);
      expect(third.checkpoint).toEqual(second.checkpoint);
    });

    it('checkpoint ahead of the server pulls from the start (S16)', async () => {
      const account = await createAccount(test.store, `R${kind.slice(0, 2).toUpperCase()}`);
      const token = (await logIn(test, account.dealer.code, 'li.wei')).accessToken;
      const docs = [customerDocument(account.dealer.id), customerDocument(account.dealer.id)];
      await push(token, 'customers', docs.map(created));
      const stored = await test.store.pullDocuments(account.dealer.id, 'customers', 0, 10);

      const restarted = await pull(token, 'customers', { seq: 2_147_483_648 });
      const later = customerDocument(account.dealer.id);
      await push(token, 'customers', [created(later)]);
      const next = await pull(token, 'customers', restarted.checkpoint);

      expect(restarted.documents.map((doc) => doc.id)).toEqual(docs.map((doc) => doc.id));
      expect(restarted.checkpoint).toEqual({ seq: stored.at(-1)!.seq });
      expect(next.documents.map((doc) => doc.id)).toEqual([later.id]);
      expect(test.logs.find((record) => record.event === 'checkpoint_ahead' && record.dealer === account.dealer.id)).toMatchObject({
        level: 'warn',
        checkpointSeq: 2_147_483_648,
      });
    });

    it('checkpoint ahead on an empty collection returns null (S16)', async () => {
      expect(await pull(tokenA, 'vehicles', { seq: 2_147_483_648 })).toEqual({ documents: [], checkpoint: null });
    });

    it('first pull of an empty collection has a null checkpoint', async () => {
      expect(await pull(tokenA, 'followups')).toEqual({ documents: [], checkpoint: null });
    });

    it.each([
      { name: 'checkpoint that is not JSON', query: 'checkpoint=seq5', field: 'checkpoint' },
      { name: 'negative checkpoint', query: 'checkpoint={"seq":-1}', field: 'checkpoint' },
      { name: 'limit zero', query: 'limit=0', field: 'limit' },
      { name: 'limit too large', query: 'limit=5000', field: 'limit' },
    ])('$name gets 400 naming the field', async ({ query, field }) => {
      const response = await test.request(`/api/sync/customers/pull?${query}`, authInit(tokenA));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request', field });
    });

    it('read-only collections can be pulled', async () => {
      await test.store.writeServerDocuments(accountA.dealer.id, 'settings', [settingsDocument(accountA.dealer.id)]);
      const documents = await pullAll(tokenA, 'settings');
      expect(documents.map((doc) => doc.id)).toEqual([accountA.dealer.id]);
    });

    it('a soft delete replicates as _deleted', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const { answer } = await push(tokenA, 'customers', [{ assumedMasterState: { ...doc, _deleted: false }, newDocumentState: { ...doc, _deleted: true } }]);

      expect(answer).toEqual([]);
      expect((await pullAll(tokenA, 'customers')).find((item) => item.id === doc.id)).toMatchObject({ _deleted: true });
    });
  });

  describe('push requests (S3)', () => {
    it('unknown collection gets 404', async () => {
      const response = await test.request('/api/sync/invoices/push', jsonInit('POST', [], tokenA));
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: 'unknown_collection' });
    });

    it.each(['pricebook', 'settings'])('push to read-only %s gets 403', async (collection) => {
      const response = await test.request(`/api/sync/${collection}/push`, jsonInit('POST', [], tokenA));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'collection_read_only' });
    });

    it('body that is not an array gets 400', async () => {
      const response = await test.request('/api/sync/customers/push', jsonInit('POST', { rows: [] }, tokenA));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request' });
    });

    it('row without an id gets 400 naming the row', async () => {
      const { id: _id, ...withoutId } = customerDocument(accountA.dealer.id);
      const response = await test.request('/api/sync/customers/push', jsonInit('POST', [created(withoutId)], tokenA));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request', field: '[0].newDocumentState.id' });
    });
  });

  describe('idempotence and conflicts (S4, S5)', () => {
    it('retried push changes nothing (S4)', async () => {
      const doc = customerDocument(accountA.dealer.id);
      const rows = [created(doc)];
      expect((await push(tokenA, 'customers', rows)).answer).toEqual([]);
      const seqAfterFirst = await test.store.latestSeq(accountA.dealer.id, 'customers');

      expect((await push(tokenA, 'customers', rows)).answer).toEqual([]);
      expect(await test.store.latestSeq(accountA.dealer.id, 'customers')).toBe(seqAfterFirst);
      expect((await pullAll(tokenA, 'customers')).filter((item) => item.id === doc.id)).toHaveLength(1);
    });

    it('stale base gets the stored state back (S5)', async () => {
      const base = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(base)]);
      const fromTabletOne = { ...base, note: 'tablet one' };
      const fromTabletTwo = { ...base, note: 'tablet two' };
      await push(tokenA, 'customers', [updated(base, fromTabletOne)]);

      const { answer } = await push(tokenA, 'customers', [updated(base, fromTabletTwo)]);

      expect(answer).toEqual([{ ...fromTabletOne, _deleted: false }]);
      expect((await pullAll(tokenA, 'customers')).find((item) => item.id === base.id)).toMatchObject({ note: 'tablet one' });
    });

    it('existing document without a base is a conflict (S5)', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const { answer } = await push(tokenA, 'customers', [created({ ...doc, note: 'created twice' })]);
      expect(answer).toEqual([{ ...doc, _deleted: false }]);
    });

    it('new document is stored whatever its base (S5)', async () => {
      const doc = customerDocument(accountA.dealer.id);
      const { answer } = await push(tokenA, 'customers', [updated({ ...doc, note: 'old' }, doc)]);
      expect(answer).toEqual([]);
    });

    it('base with other key order is no conflict', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const reordered = Object.fromEntries(Object.entries({ ...doc, _deleted: false }).reverse());
      const { answer } = await push(tokenA, 'customers', [{ assumedMasterState: reordered, newDocumentState: { ...doc, note: 'x', _deleted: false } }]);
      expect(answer).toEqual([]);
    });
  });

  describe('tenancy (S1, S6)', () => {
    it('dealer cannot pull another dealer\'s documents', async () => {
      const ofB = customerDocument(accountB.dealer.id);
      await push(tokenB, 'customers', [created(ofB)]);
      const ofA = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(ofA)]);

      const idsOfA = (await pullAll(tokenA, 'customers')).map((doc) => doc.id);
      const idsOfB = (await pullAll(tokenB, 'customers')).map((doc) => doc.id);

      expect(idsOfA).toContain(ofA.id);
      expect(idsOfA).not.toContain(ofB.id);
      expect(idsOfB).toContain(ofB.id);
      expect(idsOfB).not.toContain(ofA.id);
    });

    it('document naming another dealer is rejected', async () => {
      const doc = customerDocument(accountB.dealer.id);
      const { status, answer } = await push(tokenA, 'customers', [created(doc)]);

      expect(status).toBe(200);
      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'dealer_mismatch', field: 'dealerId', documentId: doc.id });
      expect((await pullAll(tokenB, 'customers')).map((item) => item.id)).not.toContain(doc.id);
    });

    it('reusing another dealer\'s id is rejected without leaking it', async () => {
      const ofB = customerDocument(accountB.dealer.id, { name: '乙店客户', note: 'secret of B' });
      await push(tokenB, 'customers', [created(ofB)]);
      const hijack = { ...ofB, dealerId: accountA.dealer.id, name: '甲店客户', note: 'from A' };

      const { answer } = await push(tokenA, 'customers', [created(hijack)]);

      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'document_id_taken', field: 'id', documentId: ofB.id });
      expect(JSON.stringify(answer)).not.toContain('secret of B');
      expect((await pullAll(tokenB, 'customers')).find((item) => item.id === ofB.id)).toMatchObject({ note: 'secret of B' });
      expect((await pullAll(tokenA, 'customers')).map((item) => item.id)).not.toContain(ofB.id);
    });
  });

  describe('validation (S7, S10)', () => {
    it('invalid row names document and field, valid rows are stored', async () => {
      const good = customerDocument(accountA.dealer.id);
      const bad = customerDocument(accountA.dealer.id, { mobile: '12345' });
      const { status, answer, response } = await push(tokenA, 'customers', [created(good), created(bad)]);

      expect(status).toBe(200);
      expect(response.headers.get('X-Push-Rejected')).toBe('1');
      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'invalid_document', field: 'mobile', documentId: bad.id, issues: [{ field: 'mobile', code: 'mobile_format' }] });
      expect(answer[0]).toMatchObject({ id: bad.id, mobile: '12345' });
      const stored = (await pullAll(tokenA, 'customers')).map((doc) => doc.id);
      expect(stored).toContain(good.id);
      expect(stored).not.toContain(bad.id);
      expect(test.logs.find((record) => record.event === 'push_row_rejected' && record.documentId === bad.id)).toMatchObject({ field: 'mobile' });
    });

    it.each([
      { name: 'unknown field', change: { nickname: '小王' }, field: 'nickname', code: 'unrecognized_keys' },
      { name: 'nested bad value', change: { mergeConflicts: [{ path: 'x' }] }, field: 'mergeConflicts[0].keptValue', code: null },
      { name: 'empty name', change: { name: '  ' }, field: 'name', code: 'customer_name_required' },
      { name: 'non-boolean _deleted', change: { _deleted: 'yes' }, field: '_deleted', code: 'invalid_document' },
    ])('$name is rejected with its field', async ({ change, field, code }) => {
      const doc = { ...customerDocument(accountA.dealer.id), ...change };
      const { answer } = await push(tokenA, 'customers', [{ newDocumentState: doc }]);

      expect(answer[0]!._rejection!.field).toBe(field);
      if (code) expect(answer[0]!._rejection!.issues[0]!.code).toBe(code);
    });

    it('rejected update answers the stored state', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const { answer } = await push(tokenA, 'customers', [updated(doc, { ...doc, mobile: 'bad' })]);

      const { _rejection, ...state } = answer[0]!;
      expect(_rejection).toMatchObject({ error: 'invalid_document', field: 'mobile' });
      expect(state).toEqual({ ...doc, _deleted: false });
    });

    it('push based on a rejected state is stored (S10)', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const rejected = { ...doc, note: 'advisor note', mobile: 'bad' };
      await push(tokenA, 'customers', [updated(doc, rejected)]);

      const corrected = { ...rejected, mobile: '13912345678' };
      const { answer } = await push(tokenA, 'customers', [updated(rejected, corrected)]);

      expect(answer).toEqual([]);
      expect((await pullAll(tokenA, 'customers')).find((item) => item.id === doc.id)).toMatchObject({ note: 'advisor note', mobile: '13912345678' });
    });

    it('rejected base is a conflict after another write (S10)', async () => {
      const doc = customerDocument(accountA.dealer.id);
      await push(tokenA, 'customers', [created(doc)]);
      const rejected = { ...doc, mobile: 'bad' };
      await push(tokenA, 'customers', [updated(doc, rejected)]);
      const fromOtherTablet = { ...doc, note: 'other tablet' };
      await push(tokenA, 'customers', [updated(doc, fromOtherTablet)]);

      const { answer } = await push(tokenA, 'customers', [updated(rejected, { ...rejected, mobile: '13912345678' })]);

      expect(answer).toEqual([{ ...fromOtherTablet, _deleted: false }]);
    });
  });

  describe('signed content (S8, S9)', () => {
    async function signedCheckin(): Promise<Doc> {
      const unsigned = checkinDocument(accountA.dealer.id);
      return { ...unsigned, signatures: [signature(await contentHash(unsigned, CHECKIN_UNSIGNED_FIELDS))] };
    }

    it('appended signature is stored', async () => {
      const doc = await signedCheckin();
      expect((await push(tokenA, 'checkins', [created(doc)])).answer).toEqual([]);
      expect(test.logs.some((record) => record.event === 'signature_covers_other_content' && record.documentId === doc.id)).toBe(false);
    });

    it('rewritten signature is rejected (S8)', async () => {
      const doc = await signedCheckin();
      await push(tokenA, 'checkins', [created(doc)]);
      const [first] = doc.signatures as Doc[];
      const rewritten = { ...doc, signatures: [{ ...first, signerName: '别人' }] };

      const { answer } = await push(tokenA, 'checkins', [updated(doc, rewritten)]);

      expect(answer[0]!._rejection).toMatchObject({ error: 'signature_rewritten', field: 'signatures[0]' });
    });

    it('removed signature is rejected (S8)', async () => {
      const doc = await signedCheckin();
      await push(tokenA, 'checkins', [created(doc)]);
      const { answer } = await push(tokenA, 'checkins', [updated(doc, { ...doc, signatures: [] })]);
      expect(answer[0]!._rejection).toMatchObject({ error: 'signature_rewritten', field: 'signatures[0]' });
    });

    it('duplicate signature id is rejected (S8)', async () => {
      const doc = await signedCheckin();
      const [first] = doc.signatures as Doc[];
      const { answer } = await push(tokenA, 'checkins', [created({ ...doc, signatures: [first, first] })]);
      expect(answer[0]!._rejection).toMatchObject({ error: 'signature_duplicate_id', field: 'signatures[1].id' });
    });

    it('edit after signing keeps the history (S8)', async () => {
      const doc = await signedCheckin();
      await push(tokenA, 'checkins', [created(doc)]);
      const edited = { ...doc, customerRequests: ['常规保养', '检查刹车'] };
      const resigned = { ...edited, signatures: [...(doc.signatures as Doc[]), signature(await contentHash(edited, CHECKIN_UNSIGNED_FIELDS))] };

      expect((await push(tokenA, 'checkins', [updated(doc, edited)])).answer).toEqual([]);
      expect((await push(tokenA, 'checkins', [updated(edited, resigned)])).answer).toEqual([]);
    });

    it('signature over other content is stored and logged (S9)', async () => {
      const signed = await signedCheckin();
      const editedAfterSigning = { ...signed, mileageKm: 35_999 };

      const { answer } = await push(tokenA, 'checkins', [created(editedAfterSigning)]);

      expect(answer).toEqual([]);
      expect(test.logs.find((record) => record.event === 'signature_covers_other_content' && record.documentId === signed.id)).toMatchObject({
        field: 'signatures[0].contentHash',
      });
    });
  });

  describe('signed versions (S14, S15)', () => {
    async function signCheckin(doc: Doc): Promise<Doc> {
      const signatures = [...(doc.signatures as Doc[]), signature(await contentHash(doc, CHECKIN_UNSIGNED_FIELDS))];
      return { ...doc, signatures };
    }

    async function signedVersions(token: string, collection: string, id: unknown): Promise<{ status: number; body: unknown }> {
      const response = await test.request(`/api/sync/${collection}/${String(id)}/signed`, authInit(token));
      return { status: response.status, body: await response.json() };
    }

    it('unsigned edit keeps the signed version (S14)', async () => {
      const signed = await signCheckin(checkinDocument(accountA.dealer.id));
      await push(tokenA, 'checkins', [created(signed)]);
      const edited = { ...signed, mileageKm: 99_999 };

      expect((await push(tokenA, 'checkins', [updated(signed, edited)])).answer).toEqual([]);
      const { status, body } = await signedVersions(tokenA, 'checkins', signed.id);

      expect(status).toBe(200);
      const [first] = (signed.signatures as Doc[]);
      expect(body).toEqual([{ contentHash: first!.contentHash, signedAt: first!.signedAt, createdAt: expect.any(String), document: signed }]);
      expect((await pullAll(tokenA, 'checkins')).find((item) => item.id === signed.id)).toMatchObject({ mileageKm: 99_999 });
    });

    it('every re-signed version is kept, oldest first (S14)', async () => {
      const first = await signCheckin(checkinDocument(accountA.dealer.id));
      await push(tokenA, 'checkins', [created(first)]);
      const edited = { ...first, customerRequests: ['常规保养', '检查刹车'] };
      const second = await signCheckin(edited);
      await push(tokenA, 'checkins', [updated(first, edited)]);
      await push(tokenA, 'checkins', [updated(edited, second)]);

      const versions = (await signedVersions(tokenA, 'checkins', first.id)).body as SignedVersion[];

      expect(versions.map((version) => version.contentHash)).toEqual((second.signatures as Doc[]).map((item) => item.contentHash));
      expect(versions.map((version) => version.document)).toEqual([first, second]);
    });

    it('edit outside the signed content adds no version (S14)', async () => {
      const signed = await signCheckin(checkinDocument(accountA.dealer.id));
      await push(tokenA, 'checkins', [created(signed)]);
      const bookkeeping = { ...signed, updatedAt: new Date(Date.now() + 60_000).toISOString(), updatedBy: 'zhao.lei' };

      expect((await push(tokenA, 'checkins', [updated(signed, bookkeeping)])).answer).toEqual([]);
      const versions = (await signedVersions(tokenA, 'checkins', signed.id)).body as SignedVersion[];

      expect(versions).toHaveLength(1);
      expect(versions[0]!.document).toEqual(signed);
    });

    it('both signed papers of an order are kept (S14)', async () => {
      const unsigned = orderDocument(accountA.dealer.id);
      const quote = signature(await quoteHash(unsigned as unknown as Order));
      const recommended = signature(await recommendedHash(unsigned as unknown as Order));
      const signed: Doc = { ...unsigned, quoteSignatures: [quote], recommendedSignatures: [recommended] };
      await push(tokenA, 'orders', [created(signed)]);

      const versions = (await signedVersions(tokenA, 'orders', signed.id)).body as SignedVersion[];

      expect(versions.map((version) => version.contentHash).sort()).toEqual([quote.contentHash, recommended.contentHash].sort());
      expect(versions.find((version) => version.contentHash === quote.contentHash)?.signedAt).toBe(quote.signedAt);
    });

    it('unsigned document has no signed versions (S14)', async () => {
      const doc = checkinDocument(accountA.dealer.id);
      await push(tokenA, 'checkins', [created(doc)]);
      expect(await signedVersions(tokenA, 'checkins', doc.id)).toEqual({ status: 200, body: [] });
    });

    it('signed versions of another dealer are not found (S1, S14)', async () => {
      const signed = await signCheckin(checkinDocument(accountA.dealer.id));
      await push(tokenA, 'checkins', [created(signed)]);

      const foreign = await signedVersions(tokenB, 'checkins', signed.id);
      const unknown = await signedVersions(tokenA, 'checkins', '0193aaaa-0000-7000-8000-000000000000');

      expect(foreign).toEqual({ status: 404, body: { error: 'not_found', message: expect.any(String) } });
      expect(JSON.stringify(foreign.body)).not.toContain(signed.customerName as string);
      expect(unknown.status).toBe(404);
    });

    it('signed versions of an unknown collection get 404 (S14)', async () => {
      const { status, body } = await signedVersions(tokenA, 'invoices', 'x');
      expect(status).toBe(404);
      expect(body).toMatchObject({ error: 'unknown_collection' });
    });

    it('soft delete of a signed check-in is rejected (S15)', async () => {
      const signed = await signCheckin(checkinDocument(accountA.dealer.id));
      await push(tokenA, 'checkins', [created(signed)]);
      const deleted = { assumedMasterState: { ...signed, _deleted: false }, newDocumentState: { ...signed, _deleted: true } };

      const { answer } = await push(tokenA, 'checkins', [deleted]);

      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'signed_document_delete', field: '_deleted', documentId: signed.id });
      expect(answer[0]).toMatchObject({ id: signed.id, _deleted: false });
      expect((await pullAll(tokenA, 'checkins')).find((item) => item.id === signed.id)).toMatchObject({ _deleted: false });
    });

    it('soft delete of a signed order is rejected (S15)', async () => {
      const unsigned = orderDocument(accountA.dealer.id);
      const signed: Doc = { ...unsigned, recommendedSignatures: [signature(await recommendedHash(unsigned as unknown as Order))] };
      await push(tokenA, 'orders', [created(signed)]);

      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...signed, _deleted: false }, newDocumentState: { ...signed, _deleted: true } }]);

      expect(answer[0]!._rejection).toMatchObject({ error: 'signed_document_delete', field: '_deleted' });
    });

    it('new document pushed signed and deleted is rejected (S15)', async () => {
      const signed = await signCheckin(checkinDocument(accountA.dealer.id));
      const { answer } = await push(tokenA, 'checkins', [{ newDocumentState: { ...signed, _deleted: true } }]);

      expect(answer[0]!._rejection).toMatchObject({ error: 'signed_document_delete', field: '_deleted' });
      expect((await pullAll(tokenA, 'checkins')).map((item) => item.id)).not.toContain(signed.id);
    });

    it('soft delete of an unsigned check-in is stored (S15)', async () => {
      const doc = checkinDocument(accountA.dealer.id);
      await push(tokenA, 'checkins', [created(doc)]);
      const { answer } = await push(tokenA, 'checkins', [{ assumedMasterState: { ...doc, _deleted: false }, newDocumentState: { ...doc, _deleted: true } }]);
      expect(answer).toEqual([]);
    });
  });

  describe('workshop status (S17)', () => {
    const change = (status: string) => ({ status, at: new Date().toISOString(), by: 'li.wei' });

    it('status moves through allowed steps are stored (S17)', async () => {
      const order = orderDocument(accountA.dealer.id);
      await push(tokenA, 'orders', [created(order)]);
      const moved = { ...order, status: 'waiting_parts', statusHistory: [...(order.statusHistory as object[]), change('waiting_parts')] };

      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...moved, _deleted: false } }]);

      expect(answer).toEqual([]);
      expect((await pullAll(tokenA, 'orders')).find((item) => item.id === order.id)).toMatchObject({ status: 'waiting_parts' });
    });

    it('jump from waiting to delivered is rejected (S17)', async () => {
      const order = orderDocument(accountA.dealer.id);
      await push(tokenA, 'orders', [created(order)]);
      const jumped = { ...order, status: 'delivered', statusHistory: [...(order.statusHistory as object[]), change('delivered')] };

      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...jumped, _deleted: false } }]);

      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'status_transition', field: 'status', documentId: order.id });
      expect(answer[0]).toMatchObject({ id: order.id, status: 'waiting' });
      expect((await pullAll(tokenA, 'orders')).find((item) => item.id === order.id)).toMatchObject({ status: 'waiting' });
    });

    it('starting work on an unsigned quote is rejected (S17)', async () => {
      const order = orderDocument(accountA.dealer.id);
      await push(tokenA, 'orders', [created(order)]);
      const started = { ...order, status: 'in_progress', statusHistory: [...(order.statusHistory as object[]), change('in_progress')] };

      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...started, _deleted: false } }]);

      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toMatchObject({ error: 'work_not_approved', field: 'status', documentId: order.id });
    });

    it('starting work on a signed quote is stored (S17)', async () => {
      const unsigned = orderDocument(accountA.dealer.id);
      const order: Doc = { ...unsigned, quoteSignatures: [signature(await quoteHash(unsigned as unknown as Order))] };
      await push(tokenA, 'orders', [created(order)]);
      const started = { ...order, status: 'in_progress', statusHistory: [...(order.statusHistory as object[]), change('in_progress')] };

      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...started, _deleted: false } }]);

      expect(answer).toEqual([]);
      expect((await pullAll(tokenA, 'orders')).find((item) => item.id === order.id)).toMatchObject({ status: 'in_progress' });
    });

    it('stale status is a conflict, not a rejection (S5, S17)', async () => {
      const order = orderDocument(accountA.dealer.id);
      await push(tokenA, 'orders', [created(order)]);
      const started = { ...order, status: 'waiting_parts', statusHistory: [...(order.statusHistory as object[]), change('waiting_parts')] };
      await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...started, _deleted: false } }]);

      const offlineEdit = { ...order, technician: '张师傅' };
      const { answer } = await push(tokenA, 'orders', [{ assumedMasterState: { ...order, _deleted: false }, newDocumentState: { ...offlineEdit, _deleted: false } }]);

      expect(answer).toHaveLength(1);
      expect(answer[0]!._rejection).toBeUndefined();
      expect(answer[0]).toMatchObject({ id: order.id, status: 'waiting_parts' });
    });
  });

  it('concurrent pushes never make a puller skip (S2)', async () => {
    const account = await createAccount(test.store, `P${kind.slice(0, 2).toUpperCase()}`);
    const token = (await logIn(test, account.dealer.code, 'li.wei')).accessToken;
    const batches = Array.from({ length: 40 }, (_, index) => Array.from({ length: (index % 8) + 1 }, () => customerDocument(account.dealer.id)));
    const expected = new Set(batches.flat().map((doc) => doc.id as string));
    const seen = new Set<string>();
    let checkpoint: { seq: number } | null = null;
    let pushing = true;

    const puller = (async () => {
      for (;;) {
        const stillPushing = pushing;
        const page = await pull(token, 'customers', checkpoint, 25);
        for (const doc of page.documents) seen.add(doc.id as string);
        checkpoint = page.checkpoint;
        if (page.documents.length === 0 && !stillPushing) return;
      }
    })();

    const answers = await Promise.all(batches.map((batch) => push(token, 'customers', batch.map(created))));
    pushing = false;
    await puller;

    expect(answers.every((result) => result.status === 200 && result.answer.length === 0)).toBe(true);
    expect([...expected].filter((id) => !seen.has(id))).toEqual([]);
  });
});
