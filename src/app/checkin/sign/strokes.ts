import type { PointGroup } from 'signature_pad';
import type { Signature } from '../../../domain/schemas/common';

export type Stroke = Signature['strokes'][number];

/** Width / height of the signature pad; fixed, so stored fractions redraw without distortion. */
export const PAD_ASPECT_RATIO = 3;

// Limits of the signature schema.
const MAX_POINTS_PER_STROKE = 5000;
const MAX_STROKES = 500;

export interface PenStyle {
  penColor: string;
  minWidth: number;
  maxWidth: number;
  dotSize: number;
  velocityFilterWeight: number;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}

/** Keeps at most `max` points, evenly spaced and always with the last one. */
function thin<T>(points: readonly T[], max: number): T[] {
  if (points.length <= max) return [...points];
  const step = (points.length - 1) / (max - 1);
  return Array.from({ length: max }, (_, index) => points[Math.round(index * step)]!);
}

/** Converts signature_pad's point groups (CSS pixels of the pad) into strokes stored as fractions of the pad. */
export function toStrokes(groups: readonly PointGroup[], padWidth: number, padHeight: number): Stroke[] {
  return groups
    .filter((group) => group.points.length > 0)
    .slice(0, MAX_STROKES)
    .map((group) => ({
      points: thin(group.points, MAX_POINTS_PER_STROKE).map((point) => ({
        x: clamp01(point.x / padWidth),
        y: clamp01(point.y / padHeight),
        pressure: clamp01(point.pressure),
        time: Math.max(0, point.time),
      })),
    }));
}

/** Converts stored strokes back into point groups for a pad of the given CSS size. */
export function toPointGroups(strokes: readonly Stroke[], padWidth: number, padHeight: number, pen: PenStyle): PointGroup[] {
  return strokes.map((stroke) => ({
    ...pen,
    compositeOperation: 'source-over',
    points: stroke.points.map((point) => ({ ...point, x: point.x * padWidth, y: point.y * padHeight })),
  }));
}
