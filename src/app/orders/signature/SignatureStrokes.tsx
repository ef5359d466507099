import type { Signature } from '../../../domain/schemas/common';

const VIEW_HEIGHT = 100;

/**
 * Draws a signature from its stored strokes as SVG, so it prints sharply at any size and
 * needs no image bytes on this tablet.
 */
export function SignatureStrokes({ signature, label }: { signature: Signature; label: string }) {
  const width = VIEW_HEIGHT * signature.padAspectRatio;

  return (
    <svg className="orders-signature-svg" viewBox={`0 0 ${width} ${VIEW_HEIGHT}`} role="img" aria-label={label}>
      {signature.strokes.map((stroke, index) => {
        const [first, ...rest] = stroke.points;
        if (!first) return null;
        if (rest.length === 0) return <circle key={index} cx={first.x * width} cy={first.y * VIEW_HEIGHT} r={1.2} />;
        const path = `M${first.x * width} ${first.y * VIEW_HEIGHT}${rest.map((point) => `L${point.x * width} ${point.y * VIEW_HEIGHT}`).join('')}`;
        return <path key={index} d={path} fill="none" stroke="currentColor" strokeWidth={1.6} strokeLinecap="round" strokeLinejoin="round" />;
      })}
    </svg>
  );
}
