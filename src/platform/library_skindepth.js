// JS library for the widget (emcc --js-library): points the "#canvas" target that SDL2 and the
// HTML5 API use at this module instance's own canvas, so several widgets can share one page.
mergeInto(LibraryManager.library, {
  // As Emscripten's, but without needless resizes: each one reallocates the WebGL drawing buffer
  // and waits for the GPU process (about 0.3 s each with a software rasteriser). The canvas keeps
  // a size it already has (web/src/widget.js sizes it before the context exists), and SDL's 1x1
  // probe on window creation, which asks whether CSS sizes the canvas, is skipped: ours always is.
  emscripten_set_canvas_element_size__deps: ['$findCanvasEventTarget'],
  emscripten_set_canvas_element_size__sig: 'iiii',
  emscripten_set_canvas_element_size: function (target, width, height) {
    var canvas = findCanvasEventTarget(target);
    if (!canvas) return -4;  // EMSCRIPTEN_RESULT_UNKNOWN_TARGET
    if (width === 1 && height === 1) return 0;
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    return 0;
  },
  sd_bind_canvas__deps: ['$specialHTMLTargets'],
  sd_bind_canvas: function () {
    specialHTMLTargets['#canvas'] = Module['canvas'];
  },
});
