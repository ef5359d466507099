import { z } from 'zod';
import { parseMobile } from '../phone';
import { parsePlate } from '../plate';
import { parseVin } from '../vin';

/*
 * Validation messages are message-catalog keys under `validation.*`, never prose, so the
 * tablet shows them in the advisor's language and the server reports the same code.
 */

// The app's Content-Security-Policy forbids eval, and zod probes for it with `new Function`
// on first use, which the browser reports as a violation. In the browser zod validates without
// compiling; the server keeps zod's faster compiled validators.
if (typeof document !== 'undefined') z.config({ jitless: true });

export const idSchema = z.string().min(1).max(40).regex(/^[0-9A-Za-z_-]+$/, { message: 'id_format' });
export const isoDateTime = z.iso.datetime({ offset: true, message: 'datetime_format' });
export const isoDate = z.iso.date({ message: 'date_format' });
export const fenSchema = z.number().int({ message: 'money_integer_fen' }).min(0, { message: 'money_negative' }).max(1_000_000_000);
export const shortText = z.string().max(200);
export const longText = z.string().max(4000);

/** A mainland mobile number in stored form (11 digits). */
export const mobileSchema = z.string().refine((value) => {
  const result = parseMobile(value);
  return result.ok && result.mobile === value;
}, { message: 'mobile_format' });

/** A licence plate in stored form (no middle dot, upper case). */
export const plateSchema = z.string().max(12).refine((value) => {
  const result = parsePlate(value);
  return result.ok && result.plate === value;
}, { message: 'plate_format' });

/** A VIN in stored form with a valid check digit. */
export const vinSchema = z.string().length(17, { message: 'vin_length' }).superRefine((value, context) => {
  const result = parseVin(value);
  if (!result.ok) context.addIssue({ code: 'custom', message: result.error });
  else if (result.vin !== value) context.addIssue({ code: 'custom', message: 'vin_characters' });
});

/** A field both tablets changed offline: the kept value is in the document, the other is recorded here. */
export const mergeConflictSchema = z.strictObject({
  path: z.string().max(200),
  keptValue: z.unknown(),
  otherValue: z.unknown(),
  otherUpdatedBy: z.string().max(80),
  detectedAt: isoDateTime,
  dismissed: z.boolean(),
});
export type MergeConflict = z.infer<typeof mergeConflictSchema>;

/** Fields every replicated document carries. Deletes are soft: RxDB replicates `_deleted`. */
export const documentBase = {
  id: idSchema,
  dealerId: idSchema,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  updatedBy: z.string().min(1).max(80),
  mergeConflicts: z.array(mergeConflictSchema).max(200),
};

/** A photo or signature image stored as a content-addressed blob (see src/db/blobs and /api/blobs). */
export const blobRefSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256_format' }),
  mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  bytes: z.number().int().min(1).max(20_000_000),
  width: z.number().int().min(1).max(10_000),
  height: z.number().int().min(1).max(10_000),
});
export type BlobRef = z.infer<typeof blobRefSchema>;

/** One pen stroke of a signature. Coordinates are fractions of the pad (0..1), so the strokes redraw at any size. */
export const strokeSchema = z.strictObject({
  points: z.array(z.strictObject({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    pressure: z.number().min(0).max(1),
    time: z.number().min(0),
  })).min(1).max(5000),
});

/**
 * A customer signature. `contentHash` is the SHA-256 of the canonical content it covers;
 * signatures are append-only, so an earlier one stays in the history with its hash.
 */
export const signatureSchema = z.strictObject({
  id: idSchema,
  signerName: z.string().trim().min(1, { message: 'signer_name_required' }).max(80),
  signedAt: isoDateTime,
  contentHash: z.string().regex(/^[0-9a-f]{64}$/, { message: 'sha256_format' }),
  padAspectRatio: z.number().positive().max(20),
  strokes: z.array(strokeSchema).min(1, { message: 'signature_empty' }).max(500),
  image: blobRefSchema,
});
export type Signature = z.infer<typeof signatureSchema>;
