/**
 * Roving tabindex for long lists: the list is one tab stop; ArrowUp/ArrowDown (and
 * Left/Right), Home and End move the focus among the items matched by `selector`.
 */
import { useCallback, useState } from 'react';

export function useRoving(ref: React.RefObject<Element | null>, selector: string, initial = 0, keys: 'vertical' | 'both' = 'both') {
  const [active, setActive] = useState(initial);
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      const root = ref.current;
      if (!root) return;
      const items = Array.from(root.querySelectorAll<HTMLElement | SVGElement>(selector));
      const i = items.indexOf(e.target as HTMLElement | SVGElement);
      if (i < 0) return;
      const prev = e.key === 'ArrowUp' || (keys === 'both' && e.key === 'ArrowLeft');
      const next = e.key === 'ArrowDown' || (keys === 'both' && e.key === 'ArrowRight');
      const j = prev ? i - 1 : next ? i + 1 : e.key === 'Home' ? 0 : e.key === 'End' ? items.length - 1 : null;
      if (j === null) return;
      e.preventDefault();
      const k = Math.max(0, Math.min(items.length - 1, j));
      setActive(k);
      items[k]?.focus();
    },
    [ref, selector, keys],
  );
  return { active, setActive, onKeyDown };
}
