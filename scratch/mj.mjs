const t0 = performance.now();
const { mathjax } = await import('mathjax-full/js/mathjax.js');
const { TeX } = await import('mathjax-full/js/input/tex.js');
const { SVG } = await import('mathjax-full/js/output/svg.js');
const { liteAdaptor } = await import('mathjax-full/js/adaptors/liteAdaptor.js');
const { RegisterHTMLHandler } = await import('mathjax-full/js/handlers/html.js');
const { AllPackages } = await import('mathjax-full/js/input/tex/AllPackages.js');
const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);
const tex = new TeX({ packages: AllPackages.filter(p => p !== 'bussproofs') , formatError: (jax, err) => { throw err; } });
const svg = new SVG({ fontCache: 'none' });
const html = mathjax.document('', { InputJax: tex, OutputJax: svg });
const t1 = performance.now();
const node = html.convert('\\frac{a}{b} + \\sqrt{x^2} = \\text{été} \\alpha', { display: false, em: 16, ex: 8, containerWidth: 1000 });
const t2 = performance.now();
console.log('load', (t1-t0).toFixed(0), 'first', (t2-t1).toFixed(0));
console.log(adaptor.outerHTML(node).slice(0, 3000));
try { html.convert('\\frac{a', {display:false}); } catch (e) { console.log('ERR', e.message); }
try { html.convert('\\foo{a}', {display:false}); } catch (e) { console.log('ERR', e.message); }
