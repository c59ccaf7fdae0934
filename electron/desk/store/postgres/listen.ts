// Live changes across processes: every case write on a PostgreSQL desk sends NOTIFY on one
// channel inside its transaction (delivered only if it commits). A team host LISTENs and passes
// them on to its agents' screens, so a save through another host or the CLI shows up too. The
// listening connection is the pool's exception: a long-lived client of its own, reconnected
// with a back-off when the server restarts.
import pg from 'pg';

export const CHANNEL = 'porting_desk';

export interface CaseChange {
  caseId: number;
  version: number;
}

export function listenForChanges(url: string, onChange: (c: CaseChange) => void): () => Promise<void> {
  let client: pg.Client | null = null;
  let stopped = false;
  let delay = 250;
  let timer: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url, application_name: 'porting-desk-listen' });
    c.on('error', () => retry(c));
    c.on('end', () => retry(c));
    c.on('notification', (n) => {
      if (n.channel !== CHANNEL || !n.payload) return;
      try {
        const v = JSON.parse(n.payload) as CaseChange;
        if (Number.isInteger(v.caseId) && Number.isInteger(v.version)) onChange(v);
      } catch {
        /* not ours */
      }
    });
    try {
      await c.connect();
      await c.query(`LISTEN ${CHANNEL}`);
      if (stopped) return void c.end().catch(() => {});
      client = c;
      delay = 250;
    } catch {
      retry(c);
    }
  };
  const retry = (c: pg.Client) => {
    if (client === c) client = null;
    c.removeAllListeners('end');
    void c.end().catch(() => {});
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = null;
      void connect();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, 5000);
  };
  void connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    const c = client;
    client = null;
    if (c) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
    }
  };
}
