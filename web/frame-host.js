/* For pages that embed SkinDepth in an iframe: sizes each SkinDepth iframe to the height its
 * content reports. Include once; it only listens to messages from SkinDepth iframes. */
(function () {
  'use strict';
  window.addEventListener('message', function (e) {
    if (!e.data || e.data.type !== 'skindepth:height') return;
    document.querySelectorAll('iframe[data-skindepth-frame]').forEach(function (f) {
      if (f.contentWindow === e.source) f.style.height = Math.max(320, Number(e.data.height) || 0) + 'px';
    });
  });
})();
