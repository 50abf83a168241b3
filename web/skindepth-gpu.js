// SkinDepth: the browser's GPU side, seen from off the main thread (see warmGpu, whenGpuIdle and
// linkInWorker in web/src/loader.js). A worker of the embed script. It makes one small WebGL2
// context, which wakes the GPU side, and says whether it could ({awake}). Then it answers each
// question once, in order:
// - 0: it reads back one pixel. The answer comes only once the GPU side has finished what it was
//   doing (drawing the page, with a software renderer, can take it 50 ms and more): a quick answer
//   means it is free.
// - {link: [[vertex, fragment], ...]}: it compiles and links the same programs as the widget, and
//   answers when they are linked. A browser without KHR_parallel_shader_compile has no way to say
//   that without holding the asking thread until then: this worker is held instead of the page.
var gl = null;
try {
  gl = new OffscreenCanvas(1, 1).getContext('webgl2');
} catch (e) {
  gl = null;
}
postMessage({awake: !!gl});

function link(pair) {
  var program = gl.createProgram();
  [[gl.VERTEX_SHADER, pair[0]], [gl.FRAGMENT_SHADER, pair[1]]].forEach(function (s) {
    var shader = gl.createShader(s[0]);
    gl.shaderSource(shader, s[1]);
    gl.compileShader(shader);
    gl.attachShader(program, shader);
  });
  gl.linkProgram(program);
  return program;
}

onmessage = function (e) {
  if (gl && e.data && e.data.link) {
    var programs = e.data.link.map(link);
    var linked = programs.map(function (p) { return !!gl.getProgramParameter(p, gl.LINK_STATUS); });
    programs.forEach(function (p) { gl.deleteProgram(p); });
    return postMessage({linked: linked});
  }
  if (gl) gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
  postMessage({idle: !!gl});
};
