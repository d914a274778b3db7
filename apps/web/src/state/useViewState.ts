/** The chosen view, mirrored into the URL query (replaceState, so Back leaves the app as usual). */
import { useCallback, useEffect, useState } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './url';

export function useViewState(): [ViewState, (patch: Partial<ViewState>) => void] {
  const [view, setView] = useState<ViewState>(() => parseViewState(window.location.search));
  useEffect(() => {
    const q = serializeViewState(view);
    if (q !== window.location.search) window.history.replaceState(null, '', `${window.location.pathname}${q}${window.location.hash}`);
  }, [view]);
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  return [view, update];
}
