/* SkinDepth embed script: the semantic mirror. Real controls a screen reader operates, next to the
 * canvas: view buttons, the area, the needle, the healing timeline, the questionnaire's current step
 * and the plan. It follows the widget (its events and the commands it sends) and drives it through
 * the same commands as the JS API; every text in it comes from the module. */

var kMirrorTexts = ['mirror.label', 'mirror.views', 'mirror.time', 'mirror.escape', 'cross.area', 'cross.needle',
                   'timeline.play', 'timeline.pause', 'quiz.back', 'quiz.next', 'quiz.see_plan', 'quiz.yes', 'quiz.no',
                   'quiz.step_of', 'quiz.answer_all', 'plan.edit', 'plan.print', 'plan.copy', 'plan.ics'];

// A command from one of the mirror's controls. Refused, it changed nothing (_call() logged why): the
// mirror goes back to what the widget shows either way.
Widget.prototype._run = function (cmd) {
  var self = this;
  return this.command(cmd).then(function (r) { self._refreshMirror(); return r; }, function () { self._refreshMirror(); });
};

Widget.prototype._buildMirror = function () {
  var self = this, id = this.canvas.id;
  var choices = this.command({cmd: 'getChoices', texts: kMirrorTexts});
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
      if (s.language !== self.mirrorLanguage) {  // a new language: the chrome's texts and the mirror anew
        self._loadTexts();
        return self._buildMirror();
      }
      self.mirrorState = s;
      // Only what changed is written: a scrub refreshes the mirror every few frames, and each write
      // makes the page lay out and paint again (in WebKitGTK that cost more than the frame itself).
      var set = function (node, name, value) { if (node.getAttribute(name) !== value) node.setAttribute(name, value); };
      self.viewButtons.forEach(function (b) { set(b, 'aria-pressed', String(b.getAttribute('data-view') === s.view)); });
      p.sections.forEach(function (sec) {
        var hide = sec.getAttribute('data-for') !== s.view;
        if (sec.hidden !== hide) sec.hidden = hide;
      });
      if (p.area.value !== s.area) p.area.value = s.area;
      if (Number(p.needle.value) !== s.needle_mm) p.needle.value = s.needle_mm;
      set(p.needle, 'aria-valuetext', s.needle_mm.toFixed(2) + ' mm — ' + (s.tip_layer_name || ''));
      var pos = Math.round((s.time_position || 0) * 1000);
      if (Number(p.time.value) !== pos) p.time.value = pos;
      set(p.time, 'aria-valuetext', s.time_text || '');
      var play = p.t(s.playing ? 'timeline.pause' : 'timeline.play');
      if (p.play.textContent !== play) p.play.textContent = play;
      if (s.view === 'questionnaire') {
        return self.command({cmd: 'getQuestionnaire'}).then(function (q) { self._renderQuiz(q.questionnaire); });
      }
    }).catch(logFault);
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
    heading = el('h2', {tabindex: '-1'}, q.plan.decision);
    box.appendChild(el('p', {'class': 'sd-stamp'}, q.plan.stamp));
    box.appendChild(heading);
    q.plan.sections.forEach(function (sec) {
      if (sec.heading) box.appendChild(el('h3', {}, sec.heading));
      var list = el(sec.style === 'numbered' ? 'ol' : 'ul');
      sec.items.forEach(function (i) { list.appendChild(el('li', {}, i)); });
      box.appendChild(list);
    });
    if (q.plan.disclaimer) box.appendChild(el('p', {}, q.plan.disclaimer));
    // The take-home exports, as the drawn plan has them (print, copy as text, a calendar file).
    var actions = el('div', {'class': 'sd-row'});
    ['print', 'copy', 'ics'].forEach(function (kind) {
      var b = el('button', {type: 'button', 'data-export': kind}, t('plan.' + kind));
      b.addEventListener('click', function () { self._run({cmd: 'export', kind: kind}); });
      actions.appendChild(b);
    });
    var edit = el('button', {type: 'button'}, t('plan.edit'));
    edit.addEventListener('click', function () { self._run({cmd: 'stepTo', step: 0}); });
    actions.appendChild(edit);
    box.appendChild(actions);
  } else if (q.questions) {
    var progress = t('quiz.step_of').replace('%d', q.step + 1).replace('%d', q.count);
    heading = el('h2', {tabindex: '-1'}, q.title);
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
          var v = Number(n.value);  // as typed: 17.6 is under 18, the core decides (never rounded up)
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
