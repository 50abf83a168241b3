/* SkinDepth embed script: the plan card of a #skindepth-plan= link, shown by the page's first widget. */

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
