import { useRef, useState, type CSSProperties, type PointerEvent } from 'react';
import type { DamageMark } from '../../../domain/schemas/checkin';
import { useI18n, type MessageKey } from '../../i18n/i18n';
import { CarOutline, VIEW_SIZE, type DiagramView } from './carOutlines';

/** A finger moving less than this many CSS pixels between down and up is a tap, not a drag. */
const TAP_SLOP_PX = 10;

interface DiagramCanvasProps {
  view: DiagramView;
  marks: readonly DamageMark[];
  selectedId?: string | null;
  readOnly: boolean;
  onAdd?: (x: number, y: number) => void;
  onMove?: (id: string, x: number, y: number) => void;
  onSelect?: (id: string) => void;
}

type Gesture =
  | { kind: 'none' }
  | { kind: 'tap'; pointerId: number; startX: number; startY: number }
  | { kind: 'drag'; pointerId: number; markId: string; startX: number; startY: number; moved: boolean };

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * Shows one view of the vehicle with its numbered damage marks. The marks are buttons laid over the
 * drawing at percentage positions, so they stay finger-sized at any scale. A tap on the
 * drawing adds a mark where the finger was; a mark can be dragged to move it.
 */
export function DiagramCanvas({ view, marks, selectedId, readOnly, onAdd, onMove, onSelect }: DiagramCanvasProps) {
  const { t } = useI18n();
  const surfaceRef = useRef<HTMLDivElement>(null);
  const gestureRef = useRef<Gesture>({ kind: 'none' });
  const [dragPosition, setDragPosition] = useState<{ id: string; x: number; y: number } | null>(null);
  const size = VIEW_SIZE[view];

  const fractionAt = (clientX: number, clientY: number) => {
    const rect = surfaceRef.current!.getBoundingClientRect();
    return { x: clamp01((clientX - rect.left) / rect.width), y: clamp01((clientY - rect.top) / rect.height) };
  };

  const handleSurfaceDown = (event: PointerEvent<HTMLDivElement>) => {
    if (readOnly) return;
    gestureRef.current = { kind: 'tap', pointerId: event.pointerId, startX: event.clientX, startY: event.clientY };
  };

  const handleSurfaceUp = (event: PointerEvent<HTMLDivElement>) => {
    const gesture = gestureRef.current;
    if (gesture.kind !== 'tap' || gesture.pointerId !== event.pointerId) return;
    gestureRef.current = { kind: 'none' };
    if (Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) > TAP_SLOP_PX) return;
    const { x, y } = fractionAt(event.clientX, event.clientY);
    onAdd?.(x, y);
  };

  const handleMarkDown = (event: PointerEvent<HTMLButtonElement>, mark: DamageMark) => {
    event.stopPropagation();
    if (readOnly) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    gestureRef.current = { kind: 'drag', pointerId: event.pointerId, markId: mark.id, startX: event.clientX, startY: event.clientY, moved: false };
  };

  const handleMarkMove = (event: PointerEvent<HTMLButtonElement>) => {
    const gesture = gestureRef.current;
    if (gesture.kind !== 'drag' || gesture.pointerId !== event.pointerId) return;
    if (!gesture.moved && Math.hypot(event.clientX - gesture.startX, event.clientY - gesture.startY) <= TAP_SLOP_PX) return;
    gesture.moved = true;
    setDragPosition({ id: gesture.markId, ...fractionAt(event.clientX, event.clientY) });
  };

  const handleMarkUp = (event: PointerEvent<HTMLButtonElement>) => {
    const gesture = gestureRef.current;
    if (gesture.kind !== 'drag' || gesture.pointerId !== event.pointerId) return;
    gestureRef.current = { kind: 'none' };
    setDragPosition(null);
    if (gesture.moved) {
      const { x, y } = fractionAt(event.clientX, event.clientY);
      onMove?.(gesture.markId, x, y);
    }
    onSelect?.(gesture.markId);
  };

  const handleMarkCancel = () => {
    gestureRef.current = { kind: 'none' };
    setDragPosition(null);
  };

  const style = { '--ck-ratio': size.width / size.height } as CSSProperties;

  return (
    <div
      ref={surfaceRef}
      className={`ck-diagram ck-diagram--${view}${readOnly ? ' is-readonly' : ''}`}
      style={style}
      onPointerDown={handleSurfaceDown}
      onPointerUp={handleSurfaceUp}
      onPointerCancel={() => (gestureRef.current = { kind: 'none' })}
      data-testid={`diagram-${view}`}
      role="group"
      aria-label={t('checkin.view.diagramLabel', { view: t(`checkin.view.${view}` as MessageKey), count: marks.length })}
    >
      <svg className="ck-car" viewBox={`0 0 ${size.width} ${size.height}`} preserveAspectRatio="none" aria-hidden="true">
        <CarOutline view={view} />
      </svg>
      {marks.map((mark) => {
        const position = dragPosition?.id === mark.id ? dragPosition : mark;
        const label = t('checkin.damage.markLabel', {
          number: mark.number,
          kind: t(`checkin.kind.${mark.kind}` as MessageKey),
          view: t(`checkin.view.${mark.view}` as MessageKey),
        });
        const markStyle = { left: `${position.x * 100}%`, top: `${position.y * 100}%` };
        if (readOnly && !onSelect) {
          return <span key={mark.id} className="ck-mark" style={markStyle} aria-label={label}>{mark.number}</span>;
        }
        return (
          <button
            key={mark.id}
            type="button"
            className={`ck-mark${mark.id === selectedId ? ' is-selected' : ''}`}
            style={markStyle}
            aria-label={label}
            aria-pressed={mark.id === selectedId}
            data-mark-number={mark.number}
            onPointerDown={(event) => handleMarkDown(event, mark)}
            onPointerMove={handleMarkMove}
            onPointerUp={handleMarkUp}
            onPointerCancel={handleMarkCancel}
            onClick={(event) => {
              // Pointer taps on an editable diagram select on pointerup; keyboard activation
              // (detail 0) and taps on a read-only diagram select here.
              if (readOnly || event.detail === 0) onSelect?.(mark.id);
            }}
          >
            {mark.number}
          </button>
        );
      })}
    </div>
  );
}
