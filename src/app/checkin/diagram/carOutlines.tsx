import type { ReactNode } from 'react';
import type { DamageMark } from '../../../domain/schemas/checkin';

export type DiagramView = DamageMark['view'];

/** Drawing size of each view in SVG units; a mark's x and y are fractions of it. */
export const VIEW_SIZE: Record<DiagramView, { width: number; height: number }> = {
  left: { width: 600, height: 240 },
  right: { width: 600, height: 240 },
  top: { width: 600, height: 260 },
  front: { width: 300, height: 240 },
  rear: { width: 300, height: 240 },
};

const BODY = 'ck-car__body';
const GLASS = 'ck-car__glass';
const LINE = 'ck-car__line';
const TYRE = 'ck-car__tyre';
const LAMP = 'ck-car__lamp';
const TAIL_LAMP = 'ck-car__lamp ck-car__lamp--tail';

/** Draws a saloon seen from its left side, nose to the left. The right view mirrors it. */
function SideView(): ReactNode {
  return (
    <>
      <path
        className={BODY}
        d="M 44 186 L 30 162 Q 28 132 78 123 L 192 110 Q 232 70 272 62 L 402 60 Q 452 64 492 106 L 556 116 Q 580 124 576 160 L 568 186 L 504 186 A 48 48 0 0 0 408 186 L 192 186 A 48 48 0 0 0 96 186 Z"
      />
      <path className={GLASS} d="M 206 110 Q 240 76 276 70 L 332 69 L 332 110 Z" />
      <path className={GLASS} d="M 340 69 L 398 68 Q 438 73 472 108 L 340 110 Z" />
      <path className={LINE} d="M 200 112 L 204 182 M 336 110 L 336 184 M 470 110 L 466 170" />
      <path className={LINE} d="M 232 132 h 22 M 362 132 h 22" />
      <path className={BODY} d="M 196 112 q -14 -14 -26 -4 q 2 10 22 12 Z" />
      <path className={LAMP} d="M 34 140 q 12 -10 34 -12 l -4 12 Z" />
      <path className={TAIL_LAMP} d="M 572 130 l -22 -6 l 0 12 l 22 4 Z" />
      <circle className={TYRE} cx="144" cy="186" r="38" />
      <circle className={LINE} cx="144" cy="186" r="18" />
      <circle className={TYRE} cx="456" cy="186" r="38" />
      <circle className={LINE} cx="456" cy="186" r="18" />
    </>
  );
}

/** Draws the car seen from above, nose to the left. */
function TopView(): ReactNode {
  return (
    <>
      <rect className={TYRE} x="104" y="26" width="78" height="20" rx="6" />
      <rect className={TYRE} x="104" y="214" width="78" height="20" rx="6" />
      <rect className={TYRE} x="418" y="26" width="78" height="20" rx="6" />
      <rect className={TYRE} x="418" y="214" width="78" height="20" rx="6" />
      <path className={BODY} d="M 40 130 Q 40 48 120 40 L 500 40 Q 566 44 570 130 Q 566 216 500 220 L 120 220 Q 40 212 40 130 Z" />
      <path className={GLASS} d="M 188 58 L 242 74 L 242 186 L 188 202 Q 172 130 188 58 Z" />
      <rect className={BODY} x="242" y="72" width="190" height="116" rx="14" />
      <path className={GLASS} d="M 432 74 L 478 62 Q 490 130 478 198 L 432 186 Z" />
      <path className={LINE} d="M 70 80 Q 130 130 70 180 M 335 40 L 335 72 M 335 188 L 335 220 M 242 40 L 242 72 M 242 188 L 242 220" />
      <path className={BODY} d="M 214 40 l -10 -16 l 22 0 l 6 16 Z" />
      <path className={BODY} d="M 214 220 l -10 16 l 22 0 l 6 -16 Z" />
    </>
  );
}

/** Draws the car seen from the front: kidney grille, headlights, windscreen. */
function FrontView(): ReactNode {
  return (
    <>
      <rect className={TYRE} x="42" y="180" width="40" height="40" rx="6" />
      <rect className={TYRE} x="218" y="180" width="40" height="40" rx="6" />
      <path className={BODY} d="M 28 192 L 28 142 Q 32 112 62 102 L 82 62 Q 92 46 112 45 L 188 45 Q 208 46 218 62 L 238 102 Q 268 112 272 142 L 272 192 Z" />
      <path className={GLASS} d="M 90 98 L 104 60 L 196 60 L 210 98 Z" />
      <path className={BODY} d="M 28 100 l -14 -8 l 0 14 l 14 4 Z M 272 100 l 14 -8 l 0 14 l -14 4 Z" />
      <rect className={LINE} x="122" y="118" width="24" height="30" rx="8" />
      <rect className={LINE} x="154" y="118" width="24" height="30" rx="8" />
      <path className={LAMP} d="M 44 122 L 106 126 L 100 142 L 48 138 Z" />
      <path className={LAMP} d="M 256 122 L 194 126 L 200 142 L 252 138 Z" />
      <path className={LINE} d="M 40 166 L 260 166 M 110 176 L 190 176" />
    </>
  );
}

/** Draws the car seen from the back: tail lights, boot lid, number plate. */
function RearView(): ReactNode {
  return (
    <>
      <rect className={TYRE} x="42" y="180" width="40" height="40" rx="6" />
      <rect className={TYRE} x="218" y="180" width="40" height="40" rx="6" />
      <path className={BODY} d="M 28 192 L 28 136 Q 32 110 62 104 L 84 64 Q 94 48 114 47 L 186 47 Q 206 48 216 64 L 238 104 Q 268 110 272 136 L 272 192 Z" />
      <path className={GLASS} d="M 94 100 L 108 64 L 192 64 L 206 100 Z" />
      <path className={BODY} d="M 28 100 l -14 -8 l 0 14 l 14 4 Z M 272 100 l 14 -8 l 0 14 l -14 4 Z" />
      <path className={TAIL_LAMP} d="M 36 118 L 100 116 L 100 134 L 40 140 Z" />
      <path className={TAIL_LAMP} d="M 264 118 L 200 116 L 200 134 L 260 140 Z" />
      <path className={LINE} d="M 62 108 L 238 108 M 40 164 L 260 164" />
      <rect className={LINE} x="116" y="142" width="68" height="18" rx="2" />
    </>
  );
}

/** Draws the outline of one view, in the units of VIEW_SIZE. */
export function CarOutline({ view }: { view: DiagramView }): ReactNode {
  switch (view) {
    case 'left':
      return <SideView />;
    case 'right':
      return (
        <g transform={`translate(${VIEW_SIZE.right.width} 0) scale(-1 1)`}>
          <SideView />
        </g>
      );
    case 'top':
      return <TopView />;
    case 'front':
      return <FrontView />;
    case 'rear':
      return <RearView />;
  }
}
