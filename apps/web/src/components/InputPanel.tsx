/** Where articles come from: the bundled example, dropped / picked files, or pasted text. */
import { useId, useState } from 'react';
import type { AnalysisReport } from '@parallax/core';
import { pastedFile, readBrowserFiles } from '../state/inputs';
import type { InputFile } from '../worker/protocol';

const ACCEPT = '.txt,.text,.md,.markdown,.html,.htm,.jsonl,.ndjson,.csv';

export function InputPanel({
  busy,
  report,
  source,
  hasUserFiles,
  userFileCount,
  onFiles,
  onSwitch,
  onForget,
}: {
  busy: boolean;
  report: AnalysisReport | null;
  source: 'example' | 'user' | null;
  hasUserFiles: boolean;
  userFileCount: number;
  onFiles: (files: InputFile[]) => void;
  onSwitch: (source: 'example' | 'user') => void;
  onForget: () => void;
}) {
  const [staged, setStaged] = useState<InputFile[]>([]);
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [outlet, setOutlet] = useState('');
  const [pasted, setPasted] = useState('');
  const ids = useId();

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    const files = await readBrowserFiles(Array.from(list));
    setStaged((s) => [...s.filter((x) => !files.some((f) => f.name === x.name)), ...files]);
    setOpen(true);
  };
  const addPaste = () => {
    if (pasted.trim() === '') return;
    setStaged((s) => [...s, pastedFile(outlet, pasted, new Set(s.map((f) => f.name)))]);
    setPasted('');
    setOutlet('');
  };

  const problems = report ? report.inputs.filter((i) => i.status !== 'analysed') : [];
  const ingestWarnings = report ? report.warnings.filter((w) => w.code === 'ingest') : [];
  const analysed = report ? report.inputs.filter((i) => i.status === 'analysed').length : 0;

  return (
    <section className="inputs" aria-label="Articles to compare">
      <div className="inputs-bar">
        <div className="source-line" data-testid="source-line">
          {busy ? (
            'Reading…'
          ) : report ? (
            source === 'example' ? (
              <>
                <strong>Example:</strong> five outlets on the US–Russia talks in Riyadh, 18 February 2025.
              </>
            ) : (
              <>
                <strong>Your files:</strong> {analysed} articles analysed
                {problems.length > 0 ? `, ${problems.length} inputs not used` : ''}. Kept in this browser for the session.
              </>
            )
          ) : null}
        </div>
        <div className="inputs-actions">
          <div className="source-switch" role="group" aria-label="Which articles to show">
            <button type="button" className={`chip${source === 'user' ? ' on' : ''}`} aria-pressed={source === 'user'} disabled={busy || !hasUserFiles} onClick={() => onSwitch('user')} data-testid="show-user">
              Your files{hasUserFiles ? ` (${userFileCount})` : ''}
            </button>
            <button type="button" className={`chip${source === 'example' ? ' on' : ''}`} aria-pressed={source === 'example'} disabled={busy} onClick={() => onSwitch('example')} data-testid="show-example">
              The example
            </button>
          </div>
          {hasUserFiles ? (
            <button type="button" className="link" onClick={onForget} disabled={busy}>
              forget your files
            </button>
          ) : null}
          <button type="button" className="primary" aria-expanded={open} aria-controls={`${ids}-panel`} onClick={() => setOpen((o) => !o)}>
            {open ? 'Close' : 'Use your own articles'}
          </button>
        </div>
      </div>

      {problems.length > 0 || ingestWarnings.length > 0 ? (
        <div className="rejections" role="status" data-testid="rejections">
          <strong>{problems.length > 0 ? 'Some inputs were not used:' : 'Notes from reading the files:'}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={`p${i}`}>
                <code>
                  {p.path}
                  {p.line ? `:${p.line}` : ''}
                </code>{' '}
                — {p.status === 'duplicate' ? 'duplicate: ' : ''}
                {p.reason}
              </li>
            ))}
            {ingestWarnings.map((w, i) => (
              <li key={`w${i}`} className="muted">
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}

      {open ? (
        <div className="inputs-panel" id={`${ids}-panel`}>
          <label
            className={`drop${dragging ? ' over' : ''}`}
            onDragOver={(e) => {
              e.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(e) => {
              e.preventDefault();
              setDragging(false);
              void addFiles(e.dataTransfer.files);
            }}
          >
            <input type="file" multiple accept={ACCEPT} data-testid="file-input" onChange={(e) => void addFiles(e.target.files)} />
            <span className="drop-title">Drop files here or click to choose</span>
            <span className="muted">.txt · .md · .html · .jsonl · .csv — one article per file, or many per JSONL/CSV. Read in your browser, never uploaded.</span>
          </label>
          <div className="paste">
            <label htmlFor={`${ids}-outlet`}>Outlet name</label>
            <input id={`${ids}-outlet`} value={outlet} placeholder="e.g. BBC News" onChange={(e) => setOutlet(e.target.value)} />
            <label htmlFor={`${ids}-text`}>Article text</label>
            <textarea id={`${ids}-text`} rows={4} value={pasted} placeholder="Paste the headline and body…" onChange={(e) => setPasted(e.target.value)} />
            <button type="button" onClick={addPaste} disabled={pasted.trim() === ''}>
              Add pasted article
            </button>
          </div>
          <div className="staged">
            <h3>Ready to compare ({staged.length})</h3>
            {staged.length === 0 ? <p className="muted">Add at least two articles about the same event.</p> : null}
            <ul>
              {staged.map((f) => (
                <li key={f.name}>
                  <span>{f.name}</span>
                  <span className="muted"> {(f.bytes.length / 1024).toFixed(1)} KB</span>
                  <button type="button" className="link" aria-label={`Remove ${f.name}`} onClick={() => setStaged((s) => s.filter((x) => x.name !== f.name))}>
                    remove
                  </button>
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="primary"
              data-testid="analyse"
              disabled={staged.length === 0 || busy}
              onClick={() => {
                onFiles(staged);
                setOpen(false);
              }}
            >
              Compare {staged.length} file{staged.length === 1 ? '' : 's'}
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
