/**
 * What the user brought, kept in this browser for the session: the uploaded files
 * (IndexedDB, so a reload does not silently fall back to the example), which of
 * "your files" / "the example" is showing, and the optional outlet groups the user
 * assigns (their own labels; the app never rates outlets). Nothing leaves the browser.
 */
import type { InputFile } from '../worker/protocol';

const DB = 'parallax';
const STORE = 'session';

function open(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB is not available'));
  });
}

async function tx<T>(mode: IDBTransactionMode, f: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const t = db.transaction(STORE, mode);
      const req = f(t.objectStore(STORE));
      t.oncomplete = () => resolve(req.result);
      t.onerror = () => reject(t.error ?? new Error('IndexedDB write failed'));
      t.onabort = () => reject(t.error ?? new Error('IndexedDB write aborted'));
    });
  } finally {
    db.close();
  }
}

export async function saveFiles(files: readonly InputFile[]): Promise<void> {
  await tx('readwrite', (s) => s.put(files.map((f) => ({ name: f.name, bytes: f.bytes })), 'files'));
}

export async function loadFiles(): Promise<InputFile[] | null> {
  try {
    const v = await tx<unknown>('readonly', (s) => s.get('files'));
    return Array.isArray(v) && v.length > 0 ? (v as InputFile[]) : null;
  } catch {
    return null;
  }
}

export async function clearFiles(): Promise<void> {
  await tx('readwrite', (s) => s.delete('files'));
}

const SOURCE_KEY = 'parallax:source';
export type Source = 'example' | 'user';
export function savedSource(): Source {
  try {
    return sessionStorage.getItem(SOURCE_KEY) === 'user' ? 'user' : 'example';
  } catch {
    return 'example';
  }
}
export function saveSource(s: Source): void {
  try {
    sessionStorage.setItem(SOURCE_KEY, s);
  } catch {
    // storage disabled: the choice lasts until reload
  }
}

const GROUPS_KEY = 'parallax:outlet-groups';
/** outlet name -> the group label the user gave it. */
export function loadGroups(): Record<string, string> {
  try {
    const v = JSON.parse(localStorage.getItem(GROUPS_KEY) ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1].trim() !== ''));
  } catch {
    return {};
  }
}
export function saveGroups(g: Record<string, string>): void {
  try {
    localStorage.setItem(GROUPS_KEY, JSON.stringify(g));
  } catch {
    // storage disabled
  }
}
