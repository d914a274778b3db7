/** The numbered fact badge (F1, F2 …): the one mark of a fact's identity in every view. */
import type { Fact } from '../view/facts';

export function FactBadge({ fact, title }: { fact: Pick<Fact, 'badge' | 'present'>; title?: string }) {
  return (
    <span className={`fb${fact.present.length >= 2 ? ' shared' : ''}`} title={title} aria-hidden={title ? undefined : 'true'}>
      {fact.badge}
    </span>
  );
}
