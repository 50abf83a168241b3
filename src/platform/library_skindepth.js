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
  // As Emscripten's, but at most the cap the widget set (sd_set_ratio_cap): SDL sizes the canvas's
  // drawing buffer from it, so a slow renderer can draw fewer pixels while things change (issue 19;
  // app/resolution.h). The page's CSS size of the canvas does not change.
  emscripten_get_device_pixel_ratio__sig: 'd',
  emscripten_get_device_pixel_ratio: function () {
    var ratio = (typeof devicePixelRatio == 'number' && devicePixelRatio) || 1.0;
    var cap = Module['sdRatioCap'];
    return cap > 0 && cap < ratio ? cap : ratio;
  },
  sd_set_ratio_cap__sig: 'vd',
  sd_set_ratio_cap: function (cap) {
    Module['sdRatioCap'] = cap;
  },
  sd_bind_canvas__deps: ['$specialHTMLTargets'],
  sd_bind_canvas: function () {
    specialHTMLTargets['#canvas'] = Module['canvas'];
  },
});
