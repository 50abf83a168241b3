/* SkinDepth embed script: the widget. One Widget per mounted element: its options, its public API
 * (README.md "JS API"), its events, mount() (the frame, the canvas, the start of the module) and
 * what the module hands to the page (exports, the booking link, print). Every text it shows comes
 * from the content through the module (getChoices), but the few startup texts of loader.js. */

var counter = 0;

// Texts of the widget's own chrome, from the content once the module runs.
var kWidgetTexts = ['app.loading', 'app.start_failed', 'app.canvas_label', 'app.no_webgl', 'app.disclaimer', 'staff.fullscreen'];

// For promise chains the script starts itself: a refused command was already logged by _call() with
// its reason (and the widget keeps its previous value); anything else is a fault here, so said.
function logFault(e) {
  if (!(e && e.refused)) console.error('SkinDepth: ' + (e && e.stack || e));
}

// A DOM element with attributes and text; used by the mirror and the plan card too.
function el(tag, attrs, text) {
  var e = document.createElement(tag);
  Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
  if (text !== undefined) e.textContent = text;
  return e;
}

function readOptions(el, options) {
  var d = el.dataset || {};
  var o = Object.assign({}, options || {});
  if (o.content === undefined && d.content) o.content = d.content;
  if (o.lang === undefined && d.lang) o.lang = d.lang;
  if (o.view === undefined && d.view) o.view = d.view;
  if (o.mode === undefined && d.mode) o.mode = d.mode;
  if (o.area === undefined && d.area) o.area = d.area;
  if (o.bookUrl === undefined && d.bookUrl) o.bookUrl = d.bookUrl;
  if (o.bookLabel === undefined && d.bookLabel) o.bookLabel = d.bookLabel;
  if (o.planUrl === undefined && d.planUrl) o.planUrl = d.planUrl;
  if (o.start === undefined && d.start) o.start = d.start;
  if (o.shareAnswers === undefined && d.shareAnswers) o.shareAnswers = d.shareAnswers === 'true';
  if (o.theme === undefined) {
    var t = {};
    if (d.theme) { try { t = JSON.parse(d.theme); } catch (e) { console.error('SkinDepth: data-theme is not JSON: ' + e.message); } }
    if (d.accent) t.accent = d.accent;
    if (d.radius) t.radius = Number(d.radius);
    if (d.fontScale) t.fontScale = Number(d.fontScale);
    o.theme = t;
  }
  // Without a content URL the widget uses the content built into it: nothing more to download.
  return o;
}

function Widget(el, options) {
  this.el = el;
  this.options = options;
  this.listeners = {};
  this.module = null;
  this.readyPromise = null;
  this.texts = null;  // the chrome's texts from the content, once the module runs
}

// --- [SECTION] Events and status ---------------------------------------------------------------------
Widget.prototype.on = function (name, fn) {
  (this.listeners[name] = this.listeners[name] || []).push(fn);
  return this;
};

Widget.prototype._emit = function (name, detail) {
  (this.listeners[name] || []).forEach(function (fn) {
    try { fn(detail); } catch (e) { console.error('SkinDepth: a "' + name + '" listener failed:', e); }
  });
  this.el.dispatchEvent(new CustomEvent('skindepth:' + name, {detail: detail}));
};

Widget.prototype._status = function (text, isError) {
  this.statusEl.textContent = text || '';
  this.statusEl.hidden = !text;
  this.statusEl.classList.toggle('sd-error', !!isError);
};

// A text of the chrome: the content's once the module has answered, the loader's startup text before.
Widget.prototype._text = function (key) {
  return (this.texts && this.texts[key]) || startupText(this.options.lang, key);
};

// Asks the module for the chrome's texts in its current language and puts them in place.
Widget.prototype._loadTexts = function () {
  var c = this._call({cmd: 'getChoices', texts: kWidgetTexts}).choices;
  this.texts = c.texts;
  this.canvas.setAttribute('aria-label', this._text('app.canvas_label'));
  var btn = this.el.querySelector('.sd-fullscreen');
  if (btn) btn.textContent = this._text('staff.fullscreen');
  if (this.loading) this._status(this._text('app.loading'));
};

// --- [SECTION] Commands: the public API ----------------------------------------------------------------
// The one path to the module: the command as JSON, its reply parsed. A refusal is logged with its
// reason and thrown, marked as already said.
Widget.prototype._call = function (cmd) { return this._checked(this._reply(cmd)); };
// The module's reply to a command, parsed, whatever it says.
Widget.prototype._reply = function (cmd) {
  return JSON.parse(this.module.ccall('sd_command', 'string', ['string'], [JSON.stringify(cmd)]));
};

// The live region's words. A scrub or an animation describes every frame it draws: a screen reader
// hears the first change at once and then where things settle, at most every kSayEveryMs (each new
// text also lays the page out again; in WebKitGTK that cost more than drawing the frame).
var kSayEveryMs = 400;
Widget.prototype._say = function (text) {
  var self = this, wait = (this._saidAt || 0) + kSayEveryMs - Date.now();
  clearTimeout(this._sayTimer);
  var say = function () {
    self._saidAt = Date.now();
    if (self.liveEl.textContent !== text) self.liveEl.textContent = text;
  };
  if (wait <= 0) say();
  else this._sayTimer = setTimeout(say, wait);
};

// Sends a command to the widget; resolves with its state or rejects with its message. A command
// that needs a part of the content the widget started without (the timeline's, the questionnaire's:
// the reply names them in "pending") waits while loadPart() brings them, then runs; commands sent
// meanwhile run after it, in the order they were sent.
Widget.prototype.command = function (cmd) {
  if (!this.module) return Promise.reject(new Error('SkinDepth is not ready yet'));
  var self = this;
  var run = function () {
    var reply = self._reply(cmd);
    if (!reply.pending) return self._checked(reply);
    return Promise.all(reply.pending.map(function (f) { return self._loadPart(f); })).then(function () {
      return self._call(cmd);
    }, function (e) {
      return self._checked({ok: false, error: reply.error.replace(/, which .*$/, '') + ': ' + e.message});
    });
  };
  if (this._waiting) {
    var next = this._waiting.then(run, run);
    this._waiting = next.then(function () {}, function () {});
    return next;
  }
  try {
    var result = run();
    if (result && typeof result.then === 'function') {  // waiting for content: later commands queue behind it
      var waiting = this._waiting = result.then(function () {}, function () {});
      waiting.then(function () { if (self._waiting === waiting) self._waiting = null; });
    }
    return Promise.resolve(result);
  } catch (e) {
    return Promise.reject(e);
  }
};

// A reply as the API gives it: a refusal logged with its reason and thrown, marked as already said.
Widget.prototype._checked = function (reply) {
  if (!reply.ok) {
    console.error('SkinDepth: ' + reply.error);
    var refusal = new Error(reply.error);
    refusal.refused = true;
    throw refusal;
  }
  return reply;
};

// Fetches one part of the built-in content (skindepth-parts/ beside the script, made by the build)
// and hands it to the module, once; a failure is told to the module too (its view says so, with a way
// to try again) and a later need tries again.
Widget.prototype._loadPart = function (file) {
  var self = this, parts = this._parts = this._parts || {};
  if (parts[file]) return parts[file];
  var url = kBaseUrl + 'skindepth-parts/' + file;
  var add = function (text, problem) {
    var r = JSON.parse(self.module.ccall('sd_add_content', 'string', ['string', 'string', 'string'], [file, text, problem]));
    if (!r.ok) throw new Error(r.error.indexOf(file + ': ') === 0 ? r.error.slice(file.length + 2) : r.error);
  };
  parts[file] = fetch(url, {credentials: 'same-origin'}).then(function (r) {
    if (!r.ok) throw new Error('could not load ' + url + ' (HTTP ' + r.status + ')');
    return r.text();
  }, function (e) {
    throw new Error('could not load ' + url + ' (' + (e && e.message || e) + ')');
  }).then(function (text) {
    add(text, null);
  }).catch(function (e) {
    delete parts[file];
    // Not fetched: the module is told, so that its view says why. (Fetched but not valid: it said so.)
    if (/^could not load/.test(e.message)) try { add(null, e.message); } catch (told) { /* the same message */ }
    throw e;
  }).then(function () {
    self._refreshMirror && self._refreshMirror();
  });
  return parts[file];
};
Widget.prototype.setView = function (view) { return this.command({cmd: 'setView', view: view}); };
Widget.prototype.setArea = function (area) { return this.command({cmd: 'setArea', area: area}); };
Widget.prototype.setNeedleLength = function (mm) { return this.command({cmd: 'setNeedleLength', mm: mm}); };
Widget.prototype.setTime = function (hours) { return this.command({cmd: 'setTime', hours: hours}); };
Widget.prototype.setLanguage = function (lang) { return this.command({cmd: 'setLanguage', language: lang}); };
// Branding: {accent: '#8c4a5c', radius: 0.35 (em), fontScale: 1}; also tints the frame around the canvas.
Widget.prototype.setTheme = function (theme) {
  var cmd = Object.assign({cmd: 'setTheme'}, theme);
  var el = this.el;
  return this.command(cmd).then(function (r) {
    if (theme.accent) el.style.setProperty('--sd-accent', theme.accent);
    if (theme.radius !== undefined) el.style.setProperty('--sd-radius', Math.round(theme.radius * 16) + 'px');
    return r;
  });
};
Widget.prototype.setMode = function (mode) {
  var self = this;
  return this.command({cmd: 'setMode', mode: mode}).then(function (r) {
    var btn = self.el.querySelector('.sd-fullscreen');
    if (mode === 'staff' && !btn) self._staffChrome();
    if (mode !== 'staff' && btn) btn.remove();
    return r;
  });
};
Widget.prototype.reset = function () { return this.command({cmd: 'reset'}); };
Widget.prototype.setAnswers = function (answers) { return this.command({cmd: 'setAnswers', answers: answers}); };
Widget.prototype.showPlan = function () { return this.command({cmd: 'showPlan'}); };
Widget.prototype.getPlan = function () {
  return this.command({cmd: 'getPlan'}).then(function (r) { return r.plan; });
};
Widget.prototype.getState = function () {
  return this.command({cmd: 'getState'}).then(function (r) { return Object.assign({}, r.state, {stats: r.stats}); });
};

// --- [SECTION] What the module hands to the page: booking, exports, staff chrome ----------------------
// Booking hand-off: the configured URL with the area and treatment filled in, never the answers.
Widget.prototype._book = function (detail) {
  var url = this.options.bookUrl;
  if (!url) return;
  var filled = String(url).replace('{area}', encodeURIComponent(detail.area || ''))
                          .replace('{treatment}', encodeURIComponent(detail.treatment || ''));
  detail.url = filled;
  window.open(filled, '_blank', 'noopener');
};

// Plan exports, all in the browser: print, copy as text, download an .ics calendar.
Widget.prototype._export = function (detail) {
  var self = this;
  if (detail.kind === 'copy') {
    self.lastExport = detail.text;
    if (!(navigator.clipboard && navigator.clipboard.writeText)) {
      return self._exportFailed('copy', 'this page cannot use the clipboard (it needs https)');
    }
    navigator.clipboard.writeText(detail.text).then(function () {
      self._emit('export', {kind: 'copy'});
    }, function (e) {
      self._exportFailed('copy', 'the browser refused the clipboard: ' + (e && e.message || e));
    });
    return;
  }
  if (detail.kind === 'ics') {
    var blob = new Blob([detail.ics], {type: 'text/calendar'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'microneedling-plan.ics';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    self.lastExport = detail.ics;
    self._emit('export', {kind: 'ics'});
    return;
  }
  if (detail.kind === 'print') {
    // The take-home sheet (plan-card.js lays it out) with the drawing of the plan's area at its depth,
    // copied from the canvas once the widget has drawn it sharp.
    // Only a plan that proceeds shows needles at a depth: a sheet that says to wait or to see a
    // clinician carries no picture that could read as a suggested treatment.
    self.lastExport = detail.text;
    var proceed = detail.sheet && detail.sheet.decision_id === 'proceed';
    setTimeout(function () {
      (proceed ? self._picture() : Promise.resolve(null)).then(function (picture) {
        var old = document.querySelector('body > .sd-print-sheet');
        if (old) old.remove();
        var sheet = self._planSheet(detail.sheet, picture);
        document.body.appendChild(sheet);
        document.body.classList.add('sd-printing');
        self._emit('export', {kind: 'print'});
        var cleanup = function () { document.body.classList.remove('sd-printing'); sheet.remove(); };
        window.addEventListener('afterprint', cleanup, {once: true});
        window.print();
        setTimeout(cleanup, 60000);
      }).catch(logFault);
    }, 0);
  }
};

// The drawing as it is now (the skin, its labels and ruler; not the panel), as a canvas element to
// put in a page: waits until the still picture is at full resolution, draws a frame and copies it in
// the same task (the drawing buffer is not kept after the browser shows it). Null when it cannot.
Widget.prototype._picture = function () {
  var self = this;
  var sharp = function (tries) {
    return self.command({cmd: 'getStats'}).then(function (s) {
      if (s.pictures_full || tries <= 0) return;
      return new Promise(function (r) { setTimeout(r, 100); }).then(function () { return sharp(tries - 1); });
    });
  };
  return sharp(30).then(function () {
    var c = self.canvas, r = self._scene;
    if (!r || !c.clientWidth || !self.module._sd_draw_now()) return null;
    var k = c.width / c.clientWidth;
    var out = el('canvas', {'class': 'sd-sheet-picture', role: 'img'});
    out.width = Math.round(r.w * k);
    out.height = Math.round(r.h * k);
    out.getContext('2d').drawImage(c, Math.round(r.x * k), Math.round(r.y * k), out.width, out.height, 0, 0, out.width, out.height);
    return out;
  }).catch(function (e) {
    console.error('SkinDepth: the drawing could not be copied for the plan: ' + (e && e.message || e));
    return null;
  });
};

// An export the browser would not do: said on the console and to the host as an error event.
Widget.prototype._exportFailed = function (kind, message) {
  console.error('SkinDepth: the plan could not be exported (' + kind + '): ' + message);
  this._emit('error', {kind: 'export', message: message});
};

// Staff mode's Full screen button sits at the foot of the drawing, past the ruler: never over the
// panel's text (on a phone the panel is below the drawing). Until the widget has said where the
// drawing is, skindepth.css puts it at the frame's foot.
Widget.prototype._placeFullscreen = function () {
  var btn = this.el.querySelector('.sd-fullscreen'), s = this._scene, c = this.canvas;
  if (!btn || !s || !c) return;
  btn.style.left = 'calc(' + (c.offsetLeft + s.x) + 'px + 4.5rem)';
  btn.style.top = 'calc(' + (c.offsetTop + s.y + s.h) + 'px - .6rem - ' + btn.offsetHeight + 'px)';
  btn.style.bottom = 'auto';
};

// Staff mode: a full-screen button for presenting on a big screen.
Widget.prototype._staffChrome = function () {
  var frame = this.el.querySelector('.sd-frame');
  var btn = document.createElement('button');
  btn.type = 'button';
  btn.className = 'sd-fullscreen';
  btn.textContent = this._text('staff.fullscreen');
  var canvas = this.canvas;
  btn.addEventListener('click', function () {
    if (document.fullscreenElement) document.exitFullscreen().catch(logFault);
    else if (frame.classList.contains('sd-filled')) frame.classList.remove('sd-filled');
    else if (frame.requestFullscreen) frame.requestFullscreen().catch(logFault);
    // Safari before 16.4 has only the prefixed call (no promise); an iPhone has none for anything but
    // video: there the frame fills the window instead (skindepth.css .sd-filled), and the same button
    // (or Escape) gives the page back.
    else if (frame.webkitRequestFullscreen) frame.webkitRequestFullscreen();
    else frame.classList.add('sd-filled');
    // The keys work at once, not only once the browser has changed to full screen (fullscreenchange
    // below comes a moment later: a key pressed meanwhile went to the button).
    if (canvas) canvas.focus({preventScroll: true});
  });
  frame.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && frame.classList.contains('sd-filled')) frame.classList.remove('sd-filled');
  });
  // The button took the focus: give it back to the drawing, so the staff keys work at once (once per
  // widget; the button comes and goes with staff mode).
  if (!this._refocusOnFullscreen) {
    this._refocusOnFullscreen = true;
    document.addEventListener('fullscreenchange', function () {
      var b = frame.querySelector('.sd-fullscreen');
      if (canvas && (document.fullscreenElement === frame || (b && document.activeElement === b))) canvas.focus({preventScroll: true});
    });
  }
  frame.appendChild(btn);
  this._placeFullscreen();
};

// A number question (the age) is a box drawn by the widget; a tap or click on it puts a real text
// field over it, so a phone shows its numeric keyboard (inputmode). The field is focused inside the
// touchend / mouseup handler itself: iOS Safari opens the keyboard only for a focus in the gesture.
// Enter, Done or leaving the field answers (clamped to the question's range); Escape cancels.
Widget.prototype._numberBridge = function (frame, canvas) {
  var self = this, start = null, open = null;
  var input = document.createElement('input');
  input.type = 'text';
  input.inputMode = 'numeric';
  input.setAttribute('pattern', '[0-9]*');
  input.setAttribute('enterkeyhint', 'done');
  input.autocomplete = 'off';
  input.className = 'sd-number';
  input.hidden = true;
  frame.appendChild(input);
  function at(x, y) {
    var f = self._numberField, r = canvas.getBoundingClientRect();
    if (!f) return null;
    var cx = x - r.left, cy = y - r.top;
    return cx >= f.x && cx <= f.x + f.w && cy >= f.y && cy <= f.y + f.h ? f : null;
  }
  function show(f) {
    open = f;
    input.style.left = canvas.offsetLeft + f.x + 'px';  // the frame's padding is not the canvas's
    input.style.top = canvas.offsetTop + f.y + 'px';
    input.style.width = f.w + 'px';
    input.style.height = f.h + 'px';
    input.value = '';
    input.placeholder = f.value === null ? '' : String(f.value);
    input.setAttribute('aria-label', f.min + '-' + f.max);
    input.hidden = false;
    input.focus({preventScroll: true});
  }
  function close(keep) {
    if (!open) return;
    var f = open, v = parseInt(input.value, 10);
    open = null;
    input.hidden = true;
    if (keep && !isNaN(v)) self.command({cmd: 'answer', key: f.key, value: Math.max(f.min, Math.min(f.max, v))});
    canvas.focus({preventScroll: true});
  }
  canvas.addEventListener('touchstart', function (e) {
    var t = e.changedTouches[0];
    start = e.touches.length === 1 ? {x: t.clientX, y: t.clientY} : null;
  }, {passive: true});
  canvas.addEventListener('touchend', function (e) {
    var t = e.changedTouches[0], f = start && e.touches.length === 0 && at(t.clientX, t.clientY);
    if (f && Math.abs(t.clientX - start.x) < 10 && Math.abs(t.clientY - start.y) < 10) show(f);
    start = null;
  }, {passive: true});
  canvas.addEventListener('mouseup', function (e) {
    var f = e.button === 0 && at(e.clientX, e.clientY);
    if (f) setTimeout(function () { show(f); }, 0);  // after the canvas took the focus for this click
  });
  input.addEventListener('keydown', function (e) {
    if (e.key === 'Enter') { e.preventDefault(); close(true); }
    if (e.key === 'Escape') { e.preventDefault(); close(false); }
  });
  input.addEventListener('blur', function () { close(true); });
};

// No WebGL2 (an old device, a disabled GPU, a privacy browser): the widget works as text. The poster
// stays in the frame with a plain sentence, and the HTML controls that screen readers use (the
// mirror) become the interface for everyone: the views, the area and needle in words, the healing
// timeline, the questionnaire, the plan and its exports, all through the same commands and core.
Widget.prototype._textOnly = function () {
  this.textOnly = true;
  this.el.setAttribute('data-webgl', 'none');
  this.canvas.setAttribute('aria-hidden', 'true');
};

// --- [SECTION] Mount: the frame, the canvas, the module's start ----------------------------------------
Widget.prototype.mount = function () {
  var self = this, el = this.el, o = this.options;
  var id = 'skindepth-canvas-' + (++counter);
  el.classList.add('skindepth');
  el.innerHTML = '';
  var frame = document.createElement('div');
  frame.className = 'sd-frame';
  var canvas = document.createElement('canvas');
  canvas.id = id;
  canvas.className = 'sd-canvas';
  canvas.tabIndex = 0;
  canvas.setAttribute('role', 'img');  // its name (aria-label) comes with the content's texts
  canvas.addEventListener('contextmenu', function (e) { e.preventDefault(); });
  this.statusEl = document.createElement('div');
  this.statusEl.className = 'sd-status';
  this.statusEl.setAttribute('role', 'status');
  // What the canvas shows, in words, for screen readers (updated by the widget's "describe" event).
  this.liveEl = document.createElement('div');
  this.liveEl.className = 'sd-live';
  this.liveEl.setAttribute('aria-live', 'polite');
  this.liveEl.setAttribute('aria-atomic', 'true');
  canvas.setAttribute('aria-describedby', id + '-live');
  this.liveEl.id = id + '-live';
  // SDL takes every Tab pressed on the canvas (preventDefault), which would trap keyboard users:
  // Tab and Shift+Tab stop here, before the canvas, and move the focus as on any page.
  frame.addEventListener('keydown', function (e) {
    if (e.key === 'Tab' && e.target === canvas) e.stopPropagation();
  }, true);
  frame.appendChild(canvas);
  frame.appendChild(this.statusEl);
  frame.appendChild(this.liveEl);
  el.appendChild(frame);
  this.canvas = canvas;
  this._numberBridge(frame, canvas);
  this.loading = true;
  this._status(this._text('app.loading'));
  // A plan handed over by a clinic's QR code is shown as a card by the page's first widget.
  var handed = SkinDepth.instances[0] === this && isPlanLink(window.location.hash);
  // The frame (and the poster behind "Loading…", skindepth.css) is there at once; the module starts
  // when it is useful (whenUseful, loader.js): never on the host page's critical path.
  this.readyPromise = new Promise(function (resolve, reject) {
    whenUseful(el, o.start, function () { self._start(resolve, reject, handed); });
  });
  return this.readyPromise;
};

// Starts the module: downloads, compiles and runs it, then hands it the options. The main-thread work
// comes in short tasks: the GPU is woken in a worker (warmGpu), the WebAssembly compiles while it
// downloads, and the module starts itself over several frames (src/platform/loop.cpp).
Widget.prototype._start = function (resolve, reject, handed) {
  var self = this, el = this.el, o = this.options, canvas = this.canvas;
  // For a host's profiling (and scripts/bench: first frame from the start): when this widget started.
  if (window.performance && performance.mark) performance.mark('skindepth:start');
  var noContent = Promise.resolve({files: null, problems: []});
  var content = o.content ? fetchContent(o.content) : noContent;
  var failed = false, settled = false;
  // The widget could not start: the page says so in the widget (`reasonKey`: a text of the widget's
  // language; else the message itself), the console and the host hear the details.
  function fail(message, kind, reasonKey) {
    console.error('SkinDepth: ' + message);
    if (failed) return;  // the first failure is the one shown and sent
    failed = true;
    self.loading = false;
    self._status(self._text('app.start_failed').replace('%s', reasonKey ? self._text(reasonKey) : message), true);
    el.setAttribute('data-error', message);
    self._emit('error', {kind: kind || 'startup', message: message});
    if (!settled) { settled = true; reject(new Error(message)); }
  }
  if (typeof WebAssembly !== 'object') return fail('this browser does not support WebAssembly', 'startup', 'startup.no_wasm');
  var wasm = compileWasm(), factory = loadFactory();
  // A WebAssembly file that is missing or refused is said now, not when the module asks for it.
  wasm.catch(function (e) { fail(String(e && e.message || e), 'startup', 'startup.load_failed'); });
  // The module makes its WebGL2 context itself, once the GPU is awake and free (whenGpuIdle; the
  // worker starts waking it now) and after SDL has sized the canvas: a context made earlier had its
  // drawing buffer made three times over (SDL sizes the canvas to 1x1 to measure it), each time
  // waiting for the browser's GPU side. The module parses the content meanwhile.
  // Without WebGL2 the module starts all the same, as text (see _textOnly).
  warmGpu();
  factory.then(function (factory) {
    return inNextTask().then(function () { return factory; });  // the module starts in a task of its own
  }).then(function (factory) {
    return factory({
      canvas: canvas,
      locateFile: function (path) { return kBaseUrl + path; },
      instantiateWasm: function (imports, receive) {
        wasm.then(function (m) {
          return WebAssembly.instantiate(m, imports).then(function (instance) { receive(instance, m); });
        }, function () { /* not compiled: said by wasm.catch above */ }).catch(function (e) {
          fail(String(e && e.message || e), 'startup', 'startup.load_failed');
        });
        return {};
      },
      print: function (t) { console.log('SkinDepth: ' + t); },
      printErr: function (t) { console.error(t); },
      onWidgetEvent: function (name, detailJson) {
        var detail = detailJson ? JSON.parse(detailJson) : {};
        if (name === 'numberfield') { self._numberField = detail.key ? detail : null; return; }  // internal
        if (name === 'layout') { self._scene = detail.scene; self._placeFullscreen(); return; }   // internal
        if (name === 'linkprobe') {  // internal: the skin's programs, linked in the GPU worker too
          var module = this;
          linkInWorker(detail.programs, function () { module.ccall('sd_link_probe_done', null, [], []); });
          return;
        }
        if (name === 'needcontent') {  // a view opened before its content came: fetched now
          detail.files.forEach(function (f) { self._loadPart(f).catch(logFault); });
          return;
        }
        if (name === 'describe') self._say(detail.text || '');
        if (name === 'describe' || name === 'viewchange' || name === 'plancomplete') self._refreshMirror();
        if (name === 'error' && detail.kind === 'webgl_unavailable') self._textOnly();  // and the host hears it
        if (name === 'error' && detail.kind === 'startup') return fail(detail.message, detail.kind);
        if (name === 'export') return self._export(detail);
        if (name === 'bookclick') self._book(detail);
        if (name === 'plancomplete' && o.shareAnswers) {
          // Only when the host opted in do health answers leave the widget.
          detail.answers = self._call({cmd: 'getState', includeAnswers: true}).state.answers;
        }
        if (name === 'drawn') el.setAttribute('data-drawn', 'true');  // the illustration is on screen
        if (name === 'ready') {
          self.loading = false;
          // As text: why there is no drawing, and (as the drawn widget always shows) that this is education.
          self._status(self.textOnly ? self._text('app.no_webgl') + ' ' + self._text('app.disclaimer') : '');
          el.setAttribute('data-ready', 'true');
          if (!settled) { settled = true; resolve(self); }
        }
        self._emit(name, detail);
      },
      preRun: [function (M) {
        M.addRunDependency('skindepth-content');
        content.then(function (c) {
          self._content = c;
          M.removeRunDependency('skindepth-content');
        });
      }],
      onRuntimeInitialized: function () {
        var c = self._content;
        c.problems.forEach(function (p) { console.error('SkinDepth content: ' + p); });
        if (!c.files) return;  // the built-in content
        // Content that does not validate is reported by the module itself (console, error event, notice).
        this.ccall('sd_load_content', 'string', ['string'], [JSON.stringify(c.files)]);
      }
    });
  }).then(function (module) {
    if (failed) return;  // the module said it could not start (main returned): nothing to set up
    var resize = function () {
      var r = canvas.getBoundingClientRect();
      if (r.width > 0 && r.height > 0)
        module.ccall('sd_resize', null, ['number', 'number', 'number'],
                     [Math.round(r.width), Math.round(r.height), window.devicePixelRatio || 1]);
    };
    new ResizeObserver(resize).observe(canvas);
    resize();
    return startInSteps(module).then(function (r) {
      if (r !== 3 || failed) return null;
      return self._setUp(module).then(function () {
        if (failed) return;
        module.ccall('sd_start_step', 'number', [], []);  // options given: the first frame comes next
        nextTask(function () {  // the page's own copy of the controls, and a handed plan's card
          self._buildMirror().catch(logFault);
          if (handed) nextTask(function () { self._showPlanCard().catch(logFault); });
        });
      });
    });
  }).catch(function (e) {
    // The module's script did not load, or setting up the started module threw.
    fail(String(e && e.message || e), 'startup', self.module ? null : 'startup.load_failed');
  });
};

// The started module gets the host's options, one per task (each command's reply is the module's
// state: some milliseconds each on a phone), before its first frame, so the first picture is already
// in the host's language, area and view.
Widget.prototype._setUp = function (module) {
  var self = this, o = this.options;
  self.module = module;
  var steps = [];
  var step = function (fn) { steps.push(fn); };
  var motion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
  var sendMotion = function () { self.command({cmd: 'setReducedMotion', on: !!(motion && motion.matches)}).catch(logFault); };
  if (motion) {
    step(sendMotion);
    if (motion.addEventListener) motion.addEventListener('change', sendMotion);
  }
  step(function () {
    var now = new Date();
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    self.command({cmd: 'setToday', date: now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate())}).catch(logFault);
    if (o.bookLabel) self.command({cmd: 'setBookLabel', label: String(o.bookLabel)}).catch(logFault);
    // The staff-mode QR code opens this page (or the host's planUrl) with the plan in the fragment.
    var page = String(o.planUrl || window.location.href).split('#')[0];
    self.command({cmd: 'setPageUrl', url: page}).catch(logFault);
  });
  if (o.theme && Object.keys(o.theme).length) step(function () { self.setTheme(o.theme).catch(logFault); });
  if (o.lang) step(function () { self.setLanguage(o.lang).catch(logFault); });
  // The texts in the widget's language, before anything that shows one.
  step(function () { self._loadTexts(); });
  if (o.mode) step(function () { self.setMode(o.mode).catch(logFault); });
  if (o.area) step(function () { self.setArea(o.area).catch(logFault); });
  if (o.view) step(function () { self.setView(o.view).catch(logFault); });
  var run = function (i) {
    if (i === steps.length) return Promise.resolve();
    return inNextTask().then(function () {
      steps[i]();
      return run(i + 1);
    });
  };
  return run(0);
};
