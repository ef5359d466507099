import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';
import SignaturePad from 'signature_pad';
import { useI18n } from '../../i18n/i18n';
import { toPointGroups, toStrokes, type PenStyle, type Stroke } from './strokes';

// Pen widths are CSS pixels; signature_pad varies the width with the stroke's speed.
const PEN: PenStyle = { penColor: '#10213a', minWidth: 1.2, maxWidth: 3.6, dotSize: 2.4, velocityFilterWeight: 0.7 };

export interface SignaturePadHandle {
  /** Renders the strokes into a PNG at the pad's device-pixel resolution. */
  toPng: () => Promise<{ blob: Blob; width: number; height: number }>;
}

interface SignaturePadFieldProps {
  strokes: readonly Stroke[];
  onChange: (strokes: Stroke[]) => void;
  disabled: boolean;
  invalid: boolean;
  describedBy?: string;
}

/**
 * Shows the customer's signature pad. The canvas is sized in device pixels (devicePixelRatio),
 * so strokes are sharp on a high-density screen. The strokes are kept outside the canvas as
 * fractions of the pad, so after a rotation or resize they are redrawn at the new size.
 */
export const SignaturePadField = forwardRef<SignaturePadHandle, SignaturePadFieldProps>(function SignaturePadField(
  { strokes, onChange, disabled, invalid, describedBy },
  handle,
) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const strokesRef = useRef(strokes);
  const onChangeRef = useRef(onChange);
  strokesRef.current = strokes;
  onChangeRef.current = onChange;

  const redraw = () => {
    const canvas = canvasRef.current;
    const pad = padRef.current;
    if (!canvas || !pad) return;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    const width = canvas.offsetWidth;
    const height = canvas.offsetHeight;
    if (width === 0 || height === 0) return;
    canvas.width = Math.round(width * ratio);
    canvas.height = Math.round(height * ratio);
    canvas.getContext('2d')?.scale(ratio, ratio);
    pad.clear();
    if (strokesRef.current.length > 0) pad.fromData(toPointGroups(strokesRef.current, width, height, PEN));
  };

  useEffect(() => {
    const canvas = canvasRef.current!;
    const pad = new SignaturePad(canvas, { ...PEN, backgroundColor: 'rgba(0,0,0,0)' });
    padRef.current = pad;
    const handleEnd = () => onChangeRef.current(toStrokes(pad.toData(), canvas.offsetWidth, canvas.offsetHeight));
    pad.addEventListener('endStroke', handleEnd);
    const observer = new ResizeObserver(() => redraw());
    observer.observe(canvas);
    redraw();
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', handleEnd);
      pad.off();
      padRef.current = null;
    };
  }, []);

  // Strokes changed from outside (cleared, or restored from the draft): draw them.
  useEffect(() => {
    const pad = padRef.current;
    const canvas = canvasRef.current;
    if (!pad || !canvas) return;
    if (pad.toData().length !== strokes.length) redraw();
  }, [strokes]);

  useEffect(() => {
    const pad = padRef.current;
    if (!pad) return;
    if (disabled) pad.off();
    else pad.on();
  }, [disabled]);

  useImperativeHandle(handle, () => ({
    toPng: () =>
      new Promise((resolve, reject) => {
        const canvas = canvasRef.current;
        if (!canvas) {
          reject(new Error('toPng: the signature canvas is not mounted'));
          return;
        }
        canvas.toBlob((blob) => {
          if (blob) resolve({ blob, width: canvas.width, height: canvas.height });
          else reject(new Error('toPng: canvas.toBlob returned null'));
        }, 'image/png');
      }),
  }), []);

  return (
    <div className={`ck-pad${invalid ? ' is-invalid' : ''}${disabled ? ' is-disabled' : ''}`}>
      <canvas
        ref={canvasRef}
        className="ck-pad__canvas"
        role="img"
        aria-label={t('checkin.sign.padLabel')}
        aria-describedby={describedBy}
        data-testid="signature-pad"
      />
      {strokes.length === 0 && <span className="ck-pad__hint" aria-hidden="true">{t('checkin.sign.padHint')}</span>}
      <span className="ck-pad__line" aria-hidden="true" />
    </div>
  );
});
