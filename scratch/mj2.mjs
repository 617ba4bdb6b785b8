const { mathjax } = await import('mathjax-full/js/mathjax.js');
const { TeX } = await import('mathjax-full/js/input/tex.js');
const { SVG } = await import('mathjax-full/js/output/svg.js');
const { liteAdaptor } = await import('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = await import('mathjax-full/js/handlers/html.js');
const { AllPackages } = await import('mathjax-full/js/input/tex/AllPackages.js');
const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
console.log(AllPackages.join(' '));
const tex = new TeX({ packages: AllPackages.filter(p => !['bussproofs','noundefined','noerrors'].includes(p)) , formatError: (jax, err) => { throw err; } });
const svg = new SVG({ fontCache: 'none' });
const html = mathjax.document('', { InputJax: tex, OutputJax: svg });
const node = html.convert('\\text{été 中} x', { display: true, em: 16, ex: 8, containerWidth: 1000 });
console.log(adaptor.outerHTML(node).replace(/ d="[^"]*"/g,''));
try { html.convert('\\foo{a}', {display:false}); console.log('no throw') } catch (e) { console.log('ERR', e.message); }
