import { useEffect, useRef } from 'react';
import SignaturePad from 'signature_pad';

/** Loaded only when the agent chooses a drawn signature. */
export default function SignaturePadField({ onChange }: { onChange: (png: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useRef<SignaturePad | null>(null);
  useEffect(() => {
    const c = canvas.current!;
    const ratio = Math.max(window.devicePixelRatio || 1, 1);
    c.width = c.offsetWidth * ratio;
    c.height = c.offsetHeight * ratio;
    c.getContext('2d')?.scale(ratio, ratio);
    const p = new SignaturePad(c, { penColor: '#0b1f44', backgroundColor: 'rgba(0,0,0,0)' });
    p.addEventListener('endStroke', () => onChange(p.isEmpty() ? null : p.toDataURL('image/png')));
    pad.current = p;
    return () => p.off();
  }, [onChange]);
  return (
    <div className="sigpad">
      <canvas
        ref={canvas}
        className="sigpad-canvas"
        aria-label="Signature drawing area: draw with the mouse, pen or finger"
        role="img"
      />
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          pad.current?.clear();
          onChange(null);
        }}
      >
        Clear signature
      </button>
    </div>
  );
}
