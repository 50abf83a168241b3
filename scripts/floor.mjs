// This machine's floor, for the benchmarks (scripts/bench.mjs, scripts/bench-engines.mjs): a page
// whose only work is one WebGL2 context, a two-line shader and one triangle per frame. What it takes
// is what any WebGL page pays on this machine and engine before drawing anything of its own.
//   floor.html?w=&h=           one frame, at the canvas's CSS size (w x h) and the device pixel ratio
//   ...&animate=1              a frame on every animation frame
//   ...&input=1                window.__floor.input() moves the triangle and asks for one frame, as
//                              an input handler would: the input-to-frame latency's floor
// window.__floor: {frame_ms: [...] (each frame callback's time), frames, first_frame, input()}.
const kFloorScript = `
const q = new URLSearchParams(location.search), c = document.getElementById('c');
const w = Number(q.get('w')) || 300, h = Number(q.get('h')) || 150, animate = q.get('animate') === '1';
c.style.width = w + 'px'; c.style.height = h + 'px';
c.width = Math.round(w * devicePixelRatio); c.height = Math.round(h * devicePixelRatio);
const gl = c.getContext('webgl2', {antialias: false});
const shader = (kind, src) => { const s = gl.createShader(kind); gl.shaderSource(s, src); gl.compileShader(s); return s; };
const p = gl.createProgram();
gl.attachShader(p, shader(gl.VERTEX_SHADER, '#version 300 es\\nlayout(location=0) in vec2 a; uniform float t;\\nvoid main() { gl_Position = vec4(a * 0.5 + vec2(0.4 * sin(t), 0.0), 0.0, 1.0); }'));
gl.attachShader(p, shader(gl.FRAGMENT_SHADER, '#version 300 es\\nprecision mediump float; out vec4 o;\\nvoid main() { o = vec4(0.55, 0.29, 0.36, 1.0); }'));
gl.linkProgram(p);
const t = gl.getUniformLocation(p, 't');
gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, 0, 1]), gl.STATIC_DRAW);
gl.enableVertexAttribArray(0);
gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
let phase = 0, asked = false;
window.__floor = {frame_ms: [], frames: 0,
                  input: () => { phase += 0.37; if (!asked) { asked = true; requestAnimationFrame(frame); } }};
const frame = (now) => {
  asked = false;
  const t0 = performance.now();
  gl.viewport(0, 0, c.width, c.height);
  gl.clearColor(0.97, 0.96, 0.95, 1);
  gl.clear(gl.COLOR_BUFFER_BIT);
  gl.useProgram(p);
  gl.uniform1f(t, animate ? now / 1000 : phase);
  gl.drawArrays(gl.TRIANGLES, 0, 3);
  window.__floor.frame_ms.push(performance.now() - t0);
  window.__floor.frames += 1;
  if (!c.dataset.ready) { c.dataset.ready = 'true'; window.__floor.first_frame = performance.now(); }
  if (animate) requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
`;

// Files to serve beside the site (scripts/serve.mjs overrides).
export const kFloorFiles = {
  '/floor.html': {type: 'text/html; charset=utf-8', body: '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="description" content="floor"><title>floor</title></head>' +
                  // One line of text: Lighthouse needs a contentful paint to score a page.
                  '<body style="margin:0"><p style="position:absolute;margin:0">A floor page: one WebGL2 canvas.</p>' +
                  '<canvas id="c"></canvas><script src="floor.js"></script></body></html>'},
  '/floor.js': {type: 'text/javascript; charset=utf-8', body: kFloorScript},
};
