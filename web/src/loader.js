/* SkinDepth embed script: loading. Finds where the script was served from, loads skindepth-core.js,
 * compiles the WebAssembly once per page and fetches a host's content folder.
 *
 * The files of web/src are joined in this order into the one served skindepth.js by cmake/Widget.cmake
 * (the closure compiler, or plain concatenation without it), wrapped in one strict-mode function:
 * they share its scope, and the page gets no global but window.SkinDepth. */

var script = document.currentScript;
var baseUrl = new URL('.', (script && script.src) || window.location.href).href;
var CONTENT_FILES = ['sources.json', 'ui.json', 'areas.json', 'structures.json', 'devices.json',
                     'timeline.json', 'questionnaire.json'];
var factoryPromise = null, wasmPromise = null;

function loadFactory() {
  if (factoryPromise) return factoryPromise;
  factoryPromise = new Promise(function (resolve, reject) {
    if (window.createSkinDepthModule) return resolve(window.createSkinDepthModule);
    var s = document.createElement('script');
    s.src = baseUrl + 'skindepth-core.js';
    s.async = true;
    s.onload = function () {
      if (window.createSkinDepthModule) resolve(window.createSkinDepthModule);
      else reject(new Error('skindepth-core.js loaded but did not define the module'));
    };
    s.onerror = function () { reject(new Error('could not load ' + s.src)); };
    document.head.appendChild(s);
  });
  return factoryPromise;
}

// The WebAssembly is fetched and compiled once, while the script and the content download, and
// shared by every widget on the page. Streaming compilation needs the server to send
// application/wasm; a server that does not still works, a little slower.
function compileWasm() {
  if (wasmPromise) return wasmPromise;
  var url = baseUrl + 'skindepth-core.wasm';
  var fetchIt = function () {
    return fetch(url, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error('could not load ' + url + ' (HTTP ' + r.status + ')');
      return r;
    });
  };
  wasmPromise = (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetchIt()) : Promise.reject(null))
    .catch(function (e) {
      if (e && /HTTP/.test(e.message)) throw e;
      return fetchIt().then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.compile(b); });
    });
  return wasmPromise;
}

// Fetches every content file; a file that fails is left out (the widget then reports it missing
// and falls back to its built-in content).
function fetchContent(url) {
  var dir = url.endsWith('/') ? url : url + '/';
  return Promise.all(CONTENT_FILES.map(function (name) {
    return fetch(dir + name, {credentials: 'same-origin'}).then(function (r) {
      if (!r.ok) throw new Error(name + ': HTTP ' + r.status);
      return r.text().then(function (text) { return [name, text]; });
    }).catch(function (e) { return [name, null, String(e.message || e)]; });
  })).then(function (results) {
    var files = {}, problems = [];
    results.forEach(function (r) {
      if (r[1] !== null) files[r[0]] = r[1]; else problems.push(r[2]);
    });
    return {files: files, problems: problems};
  });
}
