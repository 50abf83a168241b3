// SkinDepth: the browser's GPU side, seen from off the main thread (see warmGpu and whenGpuIdle in
// web/src/loader.js). A worker of the embed script: it makes one small WebGL2 context, which wakes the
// GPU side, and says whether it could. Then, asked, it reads back one pixel of it: the answer comes
// only once the GPU side has finished what it was doing (drawing the page, with a software renderer,
// can take it 50 ms and more), so a quick answer means it is free.
var gl = null;
try {
  gl = new OffscreenCanvas(1, 1).getContext('webgl2');
} catch (e) {
  gl = null;
}
postMessage(!!gl);
onmessage = function () {
  if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  postMessage(!!gl);
};
