/* SkinDepth embed script: the page's entry. window.SkinDepth (the only global) mounts a widget into
 * an element you pass to SkinDepth.mount(el, options), and into every element with a data-skindepth
 * attribute once the page is parsed. No inline script or eval is needed, so it runs under a strict
 * Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). Nothing is stored or sent
 * anywhere: the only requests are the widget's own files and the content. */

var SkinDepth = {
  instances: [],
  // Mounts a widget into `el`; resolves with the instance once it has drawn its first frame.
  mount: function (el, options) {
    if (typeof el === 'string') el = document.querySelector(el);
    if (!el) return Promise.reject(new Error('SkinDepth.mount: no such element'));
    if (el.skindepth) return el.skindepth.readyPromise;
    var w = new Widget(el, readOptions(el, options));
    el.skindepth = w;
    SkinDepth.instances.push(w);
    return w.mount();
  }
};
window.SkinDepth = SkinDepth;

function autoMount() {
  document.querySelectorAll('[data-skindepth]').forEach(function (el) {
    SkinDepth.mount(el).catch(function () { /* a failed start is reported in the element and the console */ });
  });
}
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
else autoMount();
