// The desk home's Inbox: files the watched folder brought in (bills, customers' emails), read in
// the background, each waiting for an agent to start a case from it, add it to a case, or dismiss it.
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../../../shared/contract';
import type { InboxItemView } from '../../../../shared/channels/inbox';
import { asDeskError, call, hasChannel, onDeskEvent } from '../../desk/client';
import { formatBytes, formatStamp } from '../../components/format';
import { hrefFor } from '../../state/router';
import { toast } from '../../state/toasts';
import { useMe } from '../../state/session';
import { addFileToCase } from '../intake/case-bills';
import { startCaseFromFile } from '../intake/pending-bills';

type State = Result<'inbox:list'>;

const STATUS: Record<InboxItemView['status'], string> = {
  waiting: 'Waiting to be read',
  reading: 'Reading…',
  ready: 'Read',
  failed: 'Could not be read',
};

export function InboxCard() {
  const me = useMe();
  const [state, setState] = useState<State | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    call('inbox:list', {}).then(setState, (err: unknown) => setError(asDeskError(err).message));
  }, []);
  useEffect(() => {
    if (!hasChannel('inbox:list')) return;
    load();
    return onDeskEvent((e) => {
      if (e.type === 'inbox-changed') load();
    });
  }, [load]);

  const done = async (it: InboxItemView, caseId: number | null) => {
    try {
      setState(await call('inbox:done', { id: it.id, caseId }));
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  };
  const startCase = async (it: InboxItemView) => {
    // The Inbox item is done once the case exists; until then it stays, should the agent cancel.
    await startCaseFromFile({ name: it.name, size: it.size, path: it.path, inboxId: it.id });
  };
  const addToCase = async (it: InboxItemView) => {
    const raw = window.prompt(`Add ${it.name} to which case? (case number)`);
    if (!raw) return;
    const caseId = Number(raw.replace(/\D/g, ''));
    if (!caseId) return toast.error('That is not a case number.');
    if (await addFileToCase({ name: it.name, size: it.size, path: it.path }, caseId)) await done(it, caseId);
  };

  if (error) return null;
  if (!state) return null;
  // On a team desk the folder is the server's and the porting inbox a lead's to choose.
  const canChoose = !me || me.role === 'lead';
  return (
    <section className="card inbox-card" aria-labelledby="h-inbox" data-testid="inbox">
      <h2 id="h-inbox">Inbox</h2>
      {!state.folder ? (
        canChoose ? (
          <p className="muted">
            No watched folder. <a href={hrefFor({ name: 'settings' })}>Choose a folder to watch</a> (where the
            scanner or an Outlook rule saves bills and emails).
          </p>
        ) : (
          <p className="muted">No watched folder. A lead of the desk can choose one in Settings.</p>
        )
      ) : (
        <p className="small muted">
          Watching {state.folder}
          {state.problem ? ` — ${state.problem}` : ''}
        </p>
      )}
      {state.items.length === 0 ? (
        state.folder && <p className="muted">Nothing waiting.</p>
      ) : (
        <ul className="inbox-list">
          {state.items.slice(0, 30).map((it) => (
            <li key={it.id} data-status={it.status}>
              <div>
                <strong>{it.name}</strong>{' '}
                <span className="small muted">
                  {it.kind === 'email' ? 'email' : 'bill'} · {formatBytes(it.size)} · {formatStamp(it.seenAt)}
                </span>
              </div>
              <div className="small">
                {it.status === 'ready' ? (
                  it.summary
                ) : it.status === 'failed' ? (
                  <span className="error-text">{it.error}</span>
                ) : (
                  STATUS[it.status]
                )}
              </div>
              <div className="btn-row">
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={it.status === 'reading'}
                  onClick={() => void startCase(it)}
                >
                  New case
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  disabled={it.status === 'reading'}
                  onClick={() => void addToCase(it)}
                >
                  Add to case…
                </button>
                <button type="button" className="btn btn-small" onClick={() => void done(it, null)}>
                  Dismiss
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Settings → Watched folder. */
export function WatchedFolderSection() {
  const me = useMe();
  const [state, setState] = useState<State | null>(null);
  const [value, setValue] = useState('');
  useEffect(() => {
    if (!hasChannel('inbox:list')) return;
    call('inbox:list', {}).then(
      (s) => {
        setState(s);
        setValue(s.folder ?? '');
      },
      () => setState(null),
    );
  }, []);
  if (!state) return null;
  const save = async (folder: string | null) => {
    try {
      const s = await call('inbox:setFolder', { folder });
      setState(s);
      setValue(s.folder ?? '');
      toast.success(folder ? `Watching ${s.folder}.` : 'No longer watching a folder.');
    } catch (err) {
      toast.error(asDeskError(err).message);
    }
  };
  return (
    <section className="card" aria-labelledby="h-watch" style={{ marginTop: 16 }}>
      <h2 id="h-watch">Watched folder</h2>
      <p className="muted small">
        Bills and emails (.pdf, .jpg, .png, .tif, .heic, .eml, .msg) saved into this folder on{' '}
        {me ? "the team server's computer" : 'this computer'} are read in the background and wait in the Inbox
        on the desk home. The desk never moves or deletes them.
      </p>
      {me && me.role !== 'lead' ? (
        <p>
          {state.folder ? `Watching ${state.folder}.` : 'No folder is watched.'} A lead of the desk chooses
          it.
        </p>
      ) : (
        <form
          className="input-with-button"
          onSubmit={(e) => {
            e.preventDefault();
            void save(value.trim() || null);
          }}
        >
          <label htmlFor="watch-folder" className="visually-hidden">
            Folder to watch
          </label>
          <input
            id="watch-folder"
            type="text"
            value={value}
            placeholder="C:\Users\Desk\Scans"
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="btn">
            Watch
          </button>
          {state.folder && (
            <button type="button" className="btn" onClick={() => void save(null)}>
              Stop watching
            </button>
          )}
        </form>
      )}
      {state.problem && <p className="error-text">{state.problem}</p>}
    </section>
  );
}
