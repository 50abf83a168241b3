/* SkinDepth embed script. Mounts the widget into every element with a data-skindepth attribute, or
 * into an element you pass to SkinDepth.mount(el, options). No inline script or eval is needed, so
 * it runs under a strict Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval').
 * Nothing is stored or sent anywhere: the only requests are the widget's own files and the content. */
(function () {
  'use strict';

  var script = document.currentScript;
  var baseUrl = new URL('.', (script && script.src) || window.location.href).href;
  var CONTENT_FILES = ['sources.json', 'ui.json', 'areas.json', 'structures.json', 'devices.json',
                       'timeline.json', 'questionnaire.json', 'review.json'];
  var factoryPromise = null, wasmPromise = null;
  var counter = 0;

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
    if (o.clinic === undefined && d.clinic) o.clinic = d.clinic;
    if (o.planUrl === undefined && d.planUrl) o.planUrl = d.planUrl;
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
  }

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

  // Sends a command to the widget; resolves with its state or rejects with its message.
  Widget.prototype.command = function (cmd) {
    if (!this.module) return Promise.reject(new Error('SkinDepth is not ready yet'));
    var reply = JSON.parse(this.module.ccall('sd_command', 'string', ['string'], [JSON.stringify(cmd)]));
    if (!reply.ok) {
      console.error('SkinDepth: ' + reply.error);
      return Promise.reject(new Error(reply.error));
    }
    return Promise.resolve(reply);
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
      var done = function () { self._emit('export', {kind: 'copy'}); };
      if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(detail.text).then(done, done);
      self.lastExport = detail.text;
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
      var sheet = document.createElement('div');
      sheet.className = 'sd-print-sheet';
      var pre = document.createElement('pre');
      pre.textContent = detail.text;
      sheet.appendChild(pre);
      document.body.appendChild(sheet);
      document.body.classList.add('sd-printing');
      self.lastExport = detail.text;
      self._emit('export', {kind: 'print'});
      var cleanup = function () { document.body.classList.remove('sd-printing'); sheet.remove(); };
      window.addEventListener('afterprint', cleanup, {once: true});
      window.print();
      setTimeout(cleanup, 60000);
    }
  };

  // Staff mode: a full-screen button for presenting on a big screen.
  Widget.prototype._staffChrome = function () {
    var frame = this.el.querySelector('.sd-frame');
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'sd-fullscreen';
    btn.textContent = 'Full screen';
    btn.addEventListener('click', function () {
      if (document.fullscreenElement) document.exitFullscreen();
      else if (frame.requestFullscreen) frame.requestFullscreen();
    });
    frame.appendChild(btn);
  };

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
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Interactive illustration of skin and microneedling');
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
    this._status('Loading…');

    var noContent = Promise.resolve({files: null, problems: []});
    var content = o.content ? fetchContent(o.content) : noContent;
    // A plan handed over by a clinic's QR code: shown as a card by the page's first widget.
    var handed = SkinDepth.instances[0] === this ? readPlanFragment(window.location.hash) : null;
    this.readyPromise = new Promise(function (resolve, reject) {
      var settled = false;
      function fail(message, kind) {
        console.error('SkinDepth: ' + message);
        self._status('The skin widget could not start: ' + message, true);
        el.setAttribute('data-error', message);
        self._emit('error', {kind: kind || 'startup', message: message});
        if (!settled) { settled = true; reject(new Error(message)); }
      }
      if (typeof WebAssembly !== 'object') return fail('this browser does not support WebAssembly.');
      var wasm = compileWasm(), factory = loadFactory();
      // The widget's own WebGL2 context, made now so that its cost (a large part of the start with a
      // software rasteriser) overlaps the downloads and the compilation. The module gets this same
      // context: a canvas has one, and these attributes are the ones it asks for.
      var box = canvas.getBoundingClientRect(), ratio = window.devicePixelRatio || 1;
      if (box.width > 0 && box.height > 0) {  // the size SDL will give it: no second allocation
        canvas.width = Math.round(box.width * ratio);
        canvas.height = Math.round(box.height * ratio);
      }
      var gl = canvas.getContext('webgl2', {alpha: false, antialias: false, depth: false, stencil: false,
                                            premultipliedAlpha: true, preserveDrawingBuffer: false});
      if (!gl) return fail('this browser cannot draw WebGL2.', 'webgl_unavailable');
      factory.then(function (factory) {
        return factory({
          canvas: canvas,
          locateFile: function (path) { return baseUrl + path; },
          instantiateWasm: function (imports, receive) {
            wasm.then(function (m) {
              return WebAssembly.instantiate(m, imports).then(function (instance) { receive(instance, m); });
            }).catch(function (e) { fail(String(e && e.message || e)); });
            return {};
          },
          print: function (t) { console.log('SkinDepth: ' + t); },
          printErr: function (t) { console.error(t); },
          onWidgetEvent: function (name, detailJson) {
            var detail = detailJson ? JSON.parse(detailJson) : {};
            if (name === 'describe') self.liveEl.textContent = detail.text || '';
            if (name === 'describe' || name === 'viewchange' || name === 'plancomplete') self._refreshMirror();
            if (name === 'error' && (detail.kind === 'webgl_unavailable' || detail.kind === 'startup')) return fail(detail.message, detail.kind);
            if (name === 'export') return self._export(detail);
            if (name === 'bookclick') self._book(detail);
            if (name === 'plancomplete' && o.shareAnswers) {
              // Only when the host opted in do health answers leave the widget.
              var st = JSON.parse(self.module.ccall('sd_command', 'string', ['string'], [JSON.stringify({cmd: 'getState', includeAnswers: true})]));
              detail.answers = st.state.answers;
            }
            if (name === 'drawn') el.setAttribute('data-drawn', 'true');  // the illustration is on screen
            if (name === 'ready') {
              self._status('');
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
            var reply = JSON.parse(this.ccall('sd_load_content', 'string', ['string'], [JSON.stringify(c.files)]));
            self.contentErrors = reply.errors;
          }
        });
      }).then(function (module) {
        self.module = module;
        var resize = function () {
          var r = canvas.getBoundingClientRect();
          if (r.width > 0 && r.height > 0)
            module.ccall('sd_resize', null, ['number', 'number', 'number'],
                         [Math.round(r.width), Math.round(r.height), window.devicePixelRatio || 1]);
        };
        new ResizeObserver(resize).observe(canvas);
        resize();
        var motion = window.matchMedia ? window.matchMedia('(prefers-reduced-motion: reduce)') : null;
        var sendMotion = function () { self.command({cmd: 'setReducedMotion', on: !!(motion && motion.matches)}).catch(function () {}); };
        if (motion) {
          sendMotion();
          if (motion.addEventListener) motion.addEventListener('change', sendMotion);
        }
        var now = new Date();
        var pad = function (n) { return (n < 10 ? '0' : '') + n; };
        self.command({cmd: 'setToday', date: now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate())}).catch(function () {});
        if (o.bookLabel) self.command({cmd: 'setBookLabel', label: String(o.bookLabel)}).catch(function () {});
        if (o.theme && Object.keys(o.theme).length) self.setTheme(o.theme).catch(function () {});
        if (o.lang) self.setLanguage(o.lang).catch(function () {});
        if (o.mode) self.setMode(o.mode).catch(function () {});
        if (o.area) self.setArea(o.area).catch(function () {});
        if (o.view) self.setView(o.view).catch(function () {});
        // The staff-mode QR code opens this page (or the host's planUrl) with the plan in the fragment.
        var page = String(o.planUrl || window.location.href).split('#')[0];
        self.command({cmd: 'setPageUrl', url: page}).catch(function () {});
        self._buildMirror().catch(function () {});
        if (handed) self._planCard(handed).catch(function () {});
      }).catch(function (e) { fail(String(e && e.message || e)); });
    });
    return this.readyPromise;
  };

  // --- The plan a clinic handed over by QR code: #skindepth-plan=<summary> (src/app/plan_link.h) ---
  var PLAN_KEY = '#skindepth-plan=';
  function readPlanFragment(hash) {
    if (hash.indexOf(PLAN_KEY) !== 0) return null;
    var s = {dates: []}, fields = {};
    try {
      hash.slice(PLAN_KEY.length).split(';').forEach(function (f) {
        var eq = f.indexOf('=');
        if (eq < 0) throw new Error('field');
        fields[f.slice(0, eq)] = decodeURIComponent(f.slice(eq + 1));
      });
    } catch (e) { return {invalid: true}; }
    var decisions = {p: 'plan.proceed', d: 'plan.defer', r: 'plan.refer'};
    if (fields.v !== '1' || !fields.l || !decisions[fields.d] || !/^[a-z_]+$/.test(fields.a || '')) return {invalid: true};
    s.language = fields.l;
    s.proceed = fields.d === 'p';
    s.decisionKey = decisions[fields.d];
    s.area = fields.a;
    var spanRe = /^\d+(\.\d+)?(-\d+(\.\d+)?)?$/;
    s.rows = [['plan.sessions', fields.s], ['plan.interval', fields.i], ['plan.depth', fields.m && fields.m + ' mm'],
              ['plan.maintenance', fields.x], ['plan.minutes', fields.t]];
    if (s.proceed && !s.rows.every(function (r) { return r[1] && spanRe.test(r[1].replace(' mm', '')); })) return {invalid: true};
    if (fields.c) s.dates = fields.c.split(',').filter(function (d) { return /^\d{4}-\d{2}-\d{2}$/.test(d); });
    return s;
  }

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) e.textContent = text;
    return e;
  }

  var CARD_TEXTS = ['card.title', 'card.area', 'card.close', 'card.invalid', 'plan.stamp', 'plan.proceed', 'plan.defer',
                    'plan.refer', 'plan.sessions', 'plan.interval', 'plan.depth', 'plan.maintenance', 'plan.minutes',
                    'plan.calendar', 'app.disclaimer'];

  // A readable card of the handed-over plan, above the widget, stamped like every export; its texts
  // in the plan's language, from the widget's content.
  Widget.prototype._planCard = function (summary) {
    var self = this, cmd = {cmd: 'getChoices', texts: CARD_TEXTS};
    if (!summary.invalid) cmd.language = summary.language;
    return this.command(cmd).then(function (r) { self._drawPlanCard(summary, r.choices); });
  };

  Widget.prototype._drawPlanCard = function (summary, choices) {
    var tx = {
      t: function (key) { return choices.texts[key] || key; },
      area: function (id) { var a = choices.areas.filter(function (x) { return x.id === id; })[0]; return a ? a.name : id; }
    };
    var card = el('section', {'class': 'sd-plan-card', 'aria-labelledby': this.canvas.id + '-card'});
    card.appendChild(el('h2', {id: this.canvas.id + '-card'}, tx.t('card.title')));
    if (summary.invalid) {
      card.appendChild(el('p', {}, tx.t('card.invalid')));
    } else {
      card.setAttribute('lang', summary.language);
      card.appendChild(el('p', {'class': 'sd-stamp'}, tx.t('plan.stamp')));
      card.appendChild(el('h3', {}, tx.t(summary.decisionKey)));
      card.appendChild(el('p', {}, tx.t('card.area') + ': ' + tx.area(summary.area)));
      if (summary.proceed) {
        var dl = el('dl');
        summary.rows.forEach(function (r) {
          dl.appendChild(el('dt', {}, tx.t(r[0])));
          dl.appendChild(el('dd', {}, r[1].replace(/-/g, '–')));
        });
        card.appendChild(dl);
        if (summary.dates.length) {
          card.appendChild(el('h4', {}, tx.t('plan.calendar')));
          var ol = el('ol');
          summary.dates.forEach(function (d) { ol.appendChild(el('li', {}, d)); });
          card.appendChild(ol);
        }
      }
      card.appendChild(el('p', {'class': 'sd-muted'}, tx.t('app.disclaimer')));
    }
    var close = el('button', {type: 'button', 'class': 'sd-card-close'}, tx.t('card.close'));
    var self = this;
    close.addEventListener('click', function () { card.remove(); self.canvas.focus(); });
    card.appendChild(close);
    this.el.insertBefore(card, this.el.firstChild);
    this.planCard = card;
  };

  // --- The semantic mirror: real controls a screen reader operates, next to the canvas -----------
  var MIRROR_TEXTS = ['mirror.label', 'mirror.views', 'mirror.time', 'mirror.escape', 'mirror.plan', 'cross.area',
                      'cross.needle', 'timeline.play', 'timeline.pause', 'quiz.back', 'quiz.next', 'quiz.see_plan',
                      'quiz.yes', 'quiz.no', 'quiz.step_of', 'quiz.answer_all', 'plan.edit'];

  Widget.prototype._run = function (cmd) {
    var self = this;
    return this.command(cmd).then(function (r) { self._refreshMirror(); return r; }, function () { self._refreshMirror(); });
  };

  Widget.prototype._buildMirror = function () {
    var self = this, id = this.canvas.id;
    var choices = this.command({cmd: 'getChoices', texts: MIRROR_TEXTS});
    return choices.then(function (r) {
      var c = r.choices, t = function (k) { return c.texts[k] || k; };
      if (self.mirror) self.mirror.remove();
      var m = el('section', {'class': 'sd-mirror', 'aria-label': t('mirror.label'), lang: c.language});
      self.mirror = m;
      self.mirrorLanguage = c.language;
      m.appendChild(el('p', {'class': 'sd-hint'}, t('mirror.escape')));
      var views = el('div', {role: 'group', 'aria-label': t('mirror.views'), 'class': 'sd-row'});
      self.viewButtons = c.views.map(function (v) {
        var b = el('button', {type: 'button', 'aria-pressed': 'false', 'data-view': v.id}, v.label);
        b.addEventListener('click', function () { self._run({cmd: 'setView', view: v.id}); });
        views.appendChild(b);
        return b;
      });
      m.appendChild(views);
      // Skin & needles
      var cross = el('div', {'class': 'sd-row', 'data-for': 'cross_section'});
      var area = el('select', {id: id + '-area'});
      c.areas.forEach(function (a) { area.appendChild(el('option', {value: a.id}, a.name)); });
      area.addEventListener('change', function () { self._run({cmd: 'setArea', area: area.value}); });
      var needle = el('input', {id: id + '-needle', type: 'range', min: c.needle.min, max: c.needle.max, step: c.needle.step});
      needle.addEventListener('input', function () { self._run({cmd: 'setNeedleLength', mm: Number(needle.value)}); });
      [[t('cross.area'), area], [t('cross.needle'), needle]].forEach(function (p) {
        var label = el('label', {'for': p[1].id}, p[0]);
        var box = el('span', {'class': 'sd-field'});
        box.appendChild(label);
        box.appendChild(p[1]);
        cross.appendChild(box);
      });
      m.appendChild(cross);
      // Healing
      var healing = el('div', {'class': 'sd-row', 'data-for': 'timeline'});
      var timeBox = el('span', {'class': 'sd-field'});
      var time = el('input', {id: id + '-time', type: 'range', min: 0, max: 1000, step: 1});
      time.addEventListener('input', function () { self._run({cmd: 'setTimePosition', position: Number(time.value) / 1000}); });
      timeBox.appendChild(el('label', {'for': time.id}, t('mirror.time')));
      timeBox.appendChild(time);
      var play = el('button', {type: 'button'}, t('timeline.play'));
      play.addEventListener('click', function () { self._run({cmd: self.mirrorState && self.mirrorState.playing ? 'pause' : 'play'}); });
      healing.appendChild(timeBox);
      healing.appendChild(play);
      m.appendChild(healing);
      // Your plan: the questionnaire's current step, or the plan (rebuilt by _renderQuiz)
      var quiz = el('div', {'class': 'sd-quiz', 'data-for': 'questionnaire'});
      m.appendChild(quiz);
      self.mirrorParts = {t: t, area: area, needle: needle, time: time, play: play, quiz: quiz, sections: [cross, healing, quiz]};
      self.quizSignature = null;
      m.addEventListener('keydown', function (e) {
        if (e.key === 'Escape') { e.preventDefault(); self.canvas.focus(); }
      });
      self.el.querySelector('.sd-frame').insertAdjacentElement('afterend', m);
      self._refreshMirror();
    });
  };

  // Brings the mirror up to date with the widget (after any change: the describe event, a command).
  Widget.prototype._refreshMirror = function () {
    var self = this;
    if (!this.mirrorParts || this.mirrorPending) return;
    this.mirrorPending = true;
    setTimeout(function () {
      self.mirrorPending = false;
      self.command({cmd: 'getState'}).then(function (r) {
        var s = r.state, p = self.mirrorParts;
        if (s.language !== self.mirrorLanguage) return self._buildMirror();
        self.mirrorState = s;
        self.viewButtons.forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-view') === s.view)); });
        p.sections.forEach(function (sec) { sec.hidden = sec.getAttribute('data-for') !== s.view; });
        if (p.area.value !== s.area) p.area.value = s.area;
        if (Number(p.needle.value) !== s.needle_mm) p.needle.value = s.needle_mm;
        p.needle.setAttribute('aria-valuetext', s.needle_mm.toFixed(2) + ' mm — ' + (s.tip_layer_name || ''));
        var pos = Math.round((s.time_position || 0) * 1000);
        if (Number(p.time.value) !== pos) p.time.value = pos;
        p.time.setAttribute('aria-valuetext', s.time_text || '');
        p.play.textContent = p.t(s.playing ? 'timeline.pause' : 'timeline.play');
        if (s.view === 'questionnaire') {
          return self.command({cmd: 'getQuestionnaire'}).then(function (q) { self._renderQuiz(q.questionnaire); });
        }
      }).catch(function () { /* reported by command() */ });
    }, 0);
  };

  // The questionnaire step as fieldsets of radio buttons and checkboxes with Back and Next; the
  // plan as headings and lists. Rebuilt only when the step or its questions change, so a control
  // keeps its focus while it is answered.
  Widget.prototype._renderQuiz = function (q) {
    var self = this, p = this.mirrorParts, t = p.t, box = p.quiz, uid = this.canvas.id;
    var signature = q.plan ? 'plan:' + q.plan.decision + q.plan.sections.length
                           : q.step + ':' + (q.questions || []).map(function (x) { return x.key; }).join(',');
    if (signature === this.quizSignature) {
      (q.questions || []).forEach(function (x) {
        box.querySelectorAll('[data-key="' + x.key + '"]').forEach(function (input) {
          var v = JSON.parse(input.getAttribute('data-value') || 'null');
          if (x.kind === 'multi') input.checked = Array.isArray(x.value) && x.value.indexOf(v) >= 0;
          else if (x.kind === 'number') { if (document.activeElement !== input) input.value = x.value === null ? '' : x.value; }
          else input.checked = x.value === v;
        });
      });
      var next = box.querySelector('.sd-next');
      if (next) next.disabled = !q.complete;
      var note = box.querySelector('.sd-incomplete');
      if (note) note.hidden = !!q.complete;
      return;
    }
    var focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
    this.quizSignature = signature;
    box.innerHTML = '';
    var heading;
    if (q.plan) {
      heading = el('h3', {tabindex: '-1'}, q.plan.decision);
      box.appendChild(el('p', {'class': 'sd-stamp'}, q.plan.stamp));
      box.appendChild(heading);
      q.plan.sections.forEach(function (sec) {
        if (sec.heading) box.appendChild(el('h4', {}, sec.heading));
        var list = el(sec.style === 'numbered' ? 'ol' : 'ul');
        sec.items.forEach(function (i) { list.appendChild(el('li', {}, i)); });
        box.appendChild(list);
      });
      if (q.plan.disclaimer) box.appendChild(el('p', {}, q.plan.disclaimer));
      var edit = el('button', {type: 'button'}, t('plan.edit'));
      edit.addEventListener('click', function () { self._run({cmd: 'stepTo', step: 0}); });
      box.appendChild(edit);
    } else if (q.questions) {
      var progress = t('quiz.step_of').replace('%d', q.step + 1).replace('%d', q.count);
      heading = el('h3', {tabindex: '-1'}, q.title);
      box.appendChild(heading);
      box.appendChild(el('p', {'class': 'sd-muted'}, progress));
      q.questions.forEach(function (x) {
        var fs = el('fieldset', {});
        fs.appendChild(el('legend', {}, x.label));
        if (x.why) {
          fs.setAttribute('aria-describedby', uid + '-why-' + x.key);
          var why = el('p', {id: uid + '-why-' + x.key, 'class': 'sd-muted'}, x.why);
        }
        var answer = function (value) {
          self._run(value === null ? {cmd: 'clearAnswer', key: x.key} : {cmd: 'answer', key: x.key, value: value});
        };
        var options = x.kind === 'yesno' ? [{value: true, label: t('quiz.yes')}, {value: false, label: t('quiz.no')}] : x.options;
        if (x.kind === 'number') {
          var n = el('input', {type: 'number', id: uid + '-q-' + x.key, min: x.min, max: x.max, step: 1, 'data-key': x.key});
          if (x.value !== null) n.value = x.value;
          n.addEventListener('change', function () {
            var v = Math.round(Number(n.value));
            if (n.value !== '' && isFinite(v)) answer(Math.min(x.max, Math.max(x.min, v)));
          });
          var nl = el('label', {'for': n.id}, x.label + (x.unit ? ' (' + x.unit + ')' : ''));
          fs.appendChild(nl);
          fs.appendChild(n);
        } else {
          options.forEach(function (o, i) {
            var input = el('input', {type: x.kind === 'multi' ? 'checkbox' : 'radio', name: uid + '-q-' + x.key,
                                     id: uid + '-q-' + x.key + '-' + i, 'data-key': x.key, 'data-value': JSON.stringify(o.value)});
            input.checked = x.kind === 'multi' ? Array.isArray(x.value) && x.value.indexOf(o.value) >= 0 : x.value === o.value;
            input.addEventListener('change', function () {
              if (x.kind !== 'multi') return answer(o.value);
              var chosen = [];
              fs.querySelectorAll('input:checked').forEach(function (c) { chosen.push(JSON.parse(c.getAttribute('data-value'))); });
              answer(chosen.length ? chosen : null);
            });
            var label = el('label', {'for': input.id}, o.label + (o.description ? ' — ' + o.description : ''));
            var row = el('span', {'class': 'sd-option'});
            row.appendChild(input);
            row.appendChild(label);
            fs.appendChild(row);
          });
        }
        if (why) fs.appendChild(why);
        box.appendChild(fs);
      });
      var nav = el('div', {'class': 'sd-row'});
      if (q.step > 0) {
        var back = el('button', {type: 'button'}, t('quiz.back'));
        back.addEventListener('click', function () { self._run({cmd: 'stepTo', step: q.step - 1}); });
        nav.appendChild(back);
      }
      var next = el('button', {type: 'button', 'class': 'sd-next'}, t(q.step + 1 === q.count ? 'quiz.see_plan' : 'quiz.next'));
      next.disabled = !q.complete;
      next.addEventListener('click', function () { self._run({cmd: 'stepTo', step: q.step + 1}); });
      nav.appendChild(next);
      box.appendChild(nav);
      var incomplete = el('p', {'class': 'sd-muted sd-incomplete'}, t('quiz.answer_all'));
      incomplete.hidden = !!q.complete;
      box.appendChild(incomplete);
    }
    // Focus stays on the same control when it still exists; otherwise it moves to the new heading.
    if (focused !== null) {
      var again = focused && document.getElementById(focused);
      if (again) again.focus();
      else if (heading) heading.focus();
    }
  };

  var SkinDepth = {
    instances: [],
    // Mounts a widget into `el`; resolves with the instance once it has drawn its first frame.
    mount: function (el, options) {
      if (typeof el === 'string') el = document.querySelector(el);
      if (!el) return Promise.reject(new Error('SkinDepth.mount: no such element'));
      if (el.skindepth) return el.skindepth.readyPromise;
      var w = new Widget(el, readOptions(el, options));
      el.skindepth = w;
      SkinDepth.instances.push(w);
      return w.mount();
    }
  };
  window.SkinDepth = SkinDepth;

  function autoMount() {
    document.querySelectorAll('[data-skindepth]').forEach(function (el) {
      SkinDepth.mount(el).catch(function () { /* reported in the element and the console */ });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', autoMount);
  else autoMount();
})();
