// JS library for the widget (emcc --js-library): points the "#canvas" target that SDL2 and the
// HTML5 API use at this module instance's own canvas, so several widgets can share one page.
mergeInto(LibraryManager.library, {
  sd_bind_canvas__deps: ['$specialHTMLTargets'],
  sd_bind_canvas: function () {
    specialHTMLTargets['#canvas'] = Module['canvas'];
  },
});
