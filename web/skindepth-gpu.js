// SkinDepth's GPU worker (served as is: kept short; see warmGpu, whenGpuIdle and linkInWorker in web/src/loader.js).
var gl = null;
try {
  gl = new OffscreenCanvas(1, 1).getContext('webgl2');
} catch (e) {
  gl = null;
}
postMessage({awake: !!gl});
function link(pair) {
  var p = gl.createProgram();
  [gl.VERTEX_SHADER, gl.FRAGMENT_SHADER].forEach(function (kind, i) {
    var s = gl.createShader(kind);
    gl.shaderSource(s, pair[i]);
    gl.compileShader(s);
    gl.attachShader(p, s);
  });
  gl.linkProgram(p);
  return p;
}
onmessage = function (e) {
  if (gl && e.data && e.data.link) {
    var programs = e.data.link.map(link);
    var linked = programs.map(function (p) { return !!gl.getProgramParameter(p, gl.LINK_STATUS); });
    programs.forEach(function (p) { gl.deleteProgram(p); });
    return postMessage({linked: linked});
  }
  if (gl) gl.getError();  // a round trip: answered once the GPU side has done what it was doing
  postMessage({idle: !!gl});
};
