/**
 * The matcher's feature designs compared (issue 11): for each design of matcher-fit.ts
 * `DESIGNS`, leave-one-event-out pairwise F1 over the training gold events (Riyadh and
 * the allsides train-split gold; each event scored by weights and thresholds fitted on
 * the others), the F1 on the held-out gold with weights fitted on all training events,
 * and the lexical matcher under the same protocol. Prints only.
 *
 *   nice -n 10 pnpm exec tsx bench/matcher-designs.ts
 */
import { alignResources, groupScored, scoreEvent } from '@parallax/core';
import { ctx, goldEvent, vectorsFor } from './align-data';
import { chooseThresholds, DESIGNS, groupsF1, LEX_GRID, leaveOneEventOut, SHIPPED_DESIGN, trainDesign, type Scorer } from './matcher-fit';
import { trainingEvents } from './train-matcher';

const train = trainingEvents();
const heldout = goldEvent('heldout', 'align-heldout', 'heldout-alignment.json');
const vectors = await vectorsFor([...train, heldout].flatMap((e) => e.items.map((k) => k.text)));
const f3 = (x: number) => x.toFixed(3);
const lexCache = new Map([...train, heldout].map((e) => [e.name, scoreEvent(e.items, {}, alignResources(e.state, ctx).vectors)]));
const lexical: Scorer = (e) => lexCache.get(e.name)!;
{
  const m = leaveOneEventOut(train, (tr) => ({ score: lexical, ...chooseThresholds(tr, lexical, LEX_GRID) }));
  const best = chooseThresholds(train, lexical, LEX_GRID);
  const h = groupsF1(heldout, groupScored(lexical(heldout), best));
  console.log(`lexical (keys + SIF)      LOEO F1 ${f3(m.f1)} (P ${f3(m.p)} R ${f3(m.r)})  held-out ${f3(h.f1)}  [${Object.entries(m.per).map(([k, v]) => `${k} ${f3(v)}`).join(', ')}]`);
}
for (const [name, design] of Object.entries(DESIGNS)) {
  const m = leaveOneEventOut(train, (tr) => trainDesign(tr, vectors, design));
  const all = trainDesign(train, vectors, design);
  const h = groupsF1(heldout, groupScored(all.score(heldout), all));
  console.log(`${`${name}${name === SHIPPED_DESIGN ? ' (shipped)' : ''}`.padEnd(25)} LOEO F1 ${f3(m.f1)} (P ${f3(m.p)} R ${f3(m.r)})  held-out ${f3(h.f1)} @${all.threshold}/${all.groupThreshold}  [${Object.entries(m.per).map(([k, v]) => `${k} ${f3(v)}`).join(', ')}]`);
}
