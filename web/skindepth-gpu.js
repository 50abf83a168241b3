// SkinDepth: wakes the browser's GPU side off the main thread (see warmGpu in web/src/loader.js).
// A worker of the embed script; it makes one small WebGL2 context, says whether it could, and is ended.
try {
  postMessage(!!new OffscreenCanvas(1, 1).getContext('webgl2'));
} catch (e) {
  postMessage(false);
}
