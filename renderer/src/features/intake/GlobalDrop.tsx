import { useRef, useState, type ReactNode } from 'react';
import { useRouter } from '../../state/router';
import { startCaseFromBill } from './pending-bills';
import { addBillToCase } from './case-bills';

/**
 * A bill dropped anywhere: on a case it joins that case, elsewhere it starts a new case.
 * The overlay makes the target obvious while dragging.
 */
export function GlobalDrop({ children }: { children: ReactNode }) {
  const [over, setOver] = useState(false);
  const depth = useRef(0);
  const route = useRouter((s) => s.route);

  const hasFiles = (e: React.DragEvent) => Array.from(e.dataTransfer.types).includes('Files');

  return (
    <div
      className="drop-root"
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        depth.current += 1;
        setOver(true);
      }}
      onDragLeave={(e) => {
        if (!hasFiles(e)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDragOver={(e) => {
        if (hasFiles(e)) e.preventDefault();
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        depth.current = 0;
        setOver(false);
        // A drop zone inside the page already took the files.
        if ((e.target as HTMLElement).closest('.dropzone')) return;
        e.preventDefault();
        const files = Array.from(e.dataTransfer.files);
        for (const f of files) {
          if (route.name === 'case') void addBillToCase(f, route.id);
          else void startCaseFromBill(f);
        }
      }}
    >
      {children}
      {over && (
        <div className="drop-overlay">
          {route.name === 'case'
            ? 'Drop the bill to add it to this case'
            : 'Drop a bill to start a new case from it'}
        </div>
      )}
    </div>
  );
}
