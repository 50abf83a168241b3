/* SkinDepth iframe form: mounts one widget from the query string and tells the parent page its
 * height (postMessage {type: 'skindepth:height'}) so the iframe can fit its content without a
 * second scrollbar. The parent side is frame-host.js. */
(function () {
  'use strict';
  var q = new URLSearchParams(location.search);
  var options = {};
  ['lang', 'view', 'area', 'mode', 'content', 'bookUrl', 'bookLabel'].forEach(function (k) {
    if (q.has(k)) options[k] = q.get(k);
  });
  if (q.has('accent')) options.theme = {accent: q.get('accent')};
  var el = document.getElementById('skindepth-frame');
  var reported = 0;
  function report() {
    // The content's own height (the document's scrollHeight is never less than the frame's, so a frame
    // once made taller could never shrink); sent only when it changes.
    var h = Math.ceil(document.body.getBoundingClientRect().height);
    if (h === reported || window.parent === window) return;
    reported = h;
    window.parent.postMessage({type: 'skindepth:height', height: h}, '*');
  }
  new ResizeObserver(report).observe(document.body);
  SkinDepth.mount(el, options).then(report, report);
})();
