import path from 'node:path';
import { runQuoteDevGold } from './quality-quotes';
const r = runQuoteDevGold(path.resolve('..'))!;
for (const x of r) {
  console.log(x.split, x.articles, 'direct', JSON.stringify(x.direct), '\n indirect', JSON.stringify(x.indirect), '\n aff', JSON.stringify(x.affiliation), '\n base', JSON.stringify(x.baseline.direct));
  if (x.split === 'tune' || process.argv[2]) for (const e of x.errors) console.log('  ', e);
}
