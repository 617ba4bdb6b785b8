import { readInline } from '../dist/parse/inline/readInline.js';
const cases = ['**E** : $E = mc^2$ est célèbre', 'prix $5 and $10', 'code `a $x$ b` ok', '\\(x^2\\) et \\[\\int f\\]', '$$\\sum_i x_i$$', '![schéma](img/cellule.png) voir', '![[cell.png|Cellule]]', '<img src="../../etc/passwd.png" alt="x">', 'La dérivée est \\frac{df}{dx} = f\'(x).', 'pas de maths ici', '`` a ` b ``', 'unbalanced $x and more', 'term \\section{x}', '![](http://x/y.png)'];
for (const c of cases) console.log(JSON.stringify(c), '→', JSON.stringify(readInline(c, 'sub/notes.md')));
