/* SkinDepth embed script: the plan card. A plan a clinic handed over by QR code opens the page with
 * #skindepth-plan=<summary>; the page's first widget shows it as a card above the drawing. The module
 * reads the link (readPlanLink: src/app/plan_link.h) and answers with the card, every text already in
 * the link's language, or with a notice when the link is damaged; this file only draws it. */

var kPlanLinkStart = '#skindepth-plan=';

function isPlanLink(hash) { return hash.indexOf(kPlanLinkStart) === 0; }

Widget.prototype._showPlanCard = function () {
  var self = this;
  return this.command({cmd: 'readPlanLink', url: window.location.href}).then(function (r) {
    var box = self._drawPlanCard(r.card);
    // A plan that proceeds: the drawing below shows its area at its depth, and the card carries a copy
    // of it, as the printed sheet does. (One that says to wait shows no needles at a depth.)
    if (!r.card.valid || r.card.decision_id !== 'proceed') return;
    return self.command({cmd: 'setArea', area: r.card.area_id}).then(function (a) {
      return r.card.depth_mm ? self.command({cmd: 'setNeedleLength', mm: r.card.depth_mm}) : a;
    }).then(function () {
      return self._picture();
    }).then(function (picture) {
      if (picture) box.insertBefore(figure(picture, r.card.picture_caption), box.querySelector('h3'));
    });
  });
};

function figure(picture, caption) {
  var f = el('figure', {'class': 'sd-sheet-figure'});
  if (caption) picture.setAttribute('aria-label', caption);
  f.appendChild(picture);
  if (caption) f.appendChild(el('figcaption', {}, caption));
  return f;
}

// One item of a plan: its label in bold, its text and its sources as numbers into the sheet's list.
function planItem(tag, item) {
  var li = el(tag, {}, item.text);
  if (item.label) li.insertBefore(el('strong', {}, item.label + ' '), li.firstChild);
  if (item.refs && item.refs.length) li.appendChild(el('sup', {'class': 'sd-refs'}, '[' + item.refs.join(', ') + ']'));
  return li;
}

// A plan's sections into `box`: rows as a definition list, dates as an ordered list, the care
// before and after as checklists to tick, the warning signs in a box of their own, the rest bullets.
function planSections(box, sections) {
  sections.forEach(function (sec) {
    var part = el('section', {'class': 'sd-sheet-section', 'data-key': sec.key || ''});
    if (sec.heading) part.appendChild(el('h4', {}, sec.heading));
    if (sec.style === 'rows') {
      var dl = el('dl');
      sec.items.forEach(function (i) {
        dl.appendChild(el('dt', {}, i.label));
        dl.appendChild(el('dd', {}, i.text));
      });
      part.appendChild(dl);
    } else {
      var check = sec.key === 'plan.pre_care' || sec.key === 'plan.aftercare';
      var list = el(sec.style === 'numbered' ? 'ol' : 'ul', check ? {'class': 'sd-checklist'} : {});
      sec.items.forEach(function (i) { list.appendChild(planItem('li', i)); });
      part.appendChild(list);
    }
    box.appendChild(part);
  });
}

// The sources cited above, once each, numbered as the items cite them.
function planSources(box, sheet) {
  if (!sheet.sources || !sheet.sources.length) return;
  box.appendChild(el('h4', {}, sheet.sources_heading));
  var ol = el('ol', {'class': 'sd-sources'});
  sheet.sources.forEach(function (src) { ol.appendChild(el('li', {value: String(src.n)}, src.citation)); });
  box.appendChild(ol);
}

// The take-home sheet of the print export: a page in the clinic's colour with the drawing, the
// verdict, the course, the care checklists, the warning signs, the sources and the education stamp.
Widget.prototype._planSheet = function (sheet, picture) {
  var a = sheet.accent || [0.55, 0.27, 0.36];
  var page = el('div', {'class': 'sd-print-sheet sd-decision-' + sheet.decision_id, lang: sheet.language,
                        style: '--sd-sheet-accent: rgb(' + a.map(function (x) { return Math.round(x * 255); }).join(',') + ')'});
  var head = el('header', {'class': 'sd-sheet-head'});
  head.appendChild(el('h1', {}, sheet.title));
  head.appendChild(el('p', {'class': 'sd-stamp'}, sheet.stamp));
  page.appendChild(head);
  var top = el('div', {'class': 'sd-sheet-top'});
  if (picture) top.appendChild(figure(picture, sheet.picture_caption));
  var verdict = el('div', {'class': 'sd-sheet-verdict'});
  verdict.appendChild(el('h2', {}, sheet.decision));
  verdict.appendChild(el('p', {}, sheet.area));
  // Beside the drawing: why, the course's numbers and its dates; below: the care, what to expect,
  // the cautions and the warning signs.
  var beside = ['plan.reasons', 'plan.wait', 'plan.numbers', 'plan.calendar'];
  planSections(verdict, sheet.sections.filter(function (x) { return beside.indexOf(x.key) >= 0; }));
  top.appendChild(verdict);
  page.appendChild(top);
  planSections(page, sheet.sections.filter(function (x) { return beside.indexOf(x.key) < 0; }));
  var foot = el('footer', {'class': 'sd-sheet-foot'});
  planSources(foot, sheet);
  if (sheet.review) foot.appendChild(el('p', {}, sheet.review));
  foot.appendChild(el('p', {'class': 'sd-sheet-disclaimer'}, sheet.disclaimer));
  foot.appendChild(el('p', {'class': 'sd-stamp'}, sheet.stamp));
  page.appendChild(foot);
  return page;
};

// `card`: {valid: false, title, notice, close, language} or {valid: true, language, title, stamp,
// decision, area, sections: [{heading, style: 'rows' | 'numbered' | 'bullets', items: [{label, text}]}], disclaimer,
// close}. Rows are a definition list, numbered items an ordered list.
Widget.prototype._drawPlanCard = function (card) {
  var self = this, id = this.canvas.id + '-card';
  var box = el('section', {'class': 'sd-plan-card', 'aria-labelledby': id, lang: card.language});
  box.appendChild(el('h2', {id: id}, card.title));
  if (!card.valid) {
    box.appendChild(el('p', {}, card.notice));
  } else {
    box.appendChild(el('p', {'class': 'sd-stamp'}, card.stamp));
    box.appendChild(el('h3', {}, card.decision));
    box.appendChild(el('p', {}, card.area));
    planSections(box, card.sections);
    planSources(box, card);
    box.appendChild(el('p', {'class': 'sd-muted'}, card.disclaimer));
  }
  var close = el('button', {type: 'button', 'class': 'sd-card-close'}, card.close);
  close.addEventListener('click', function () { box.remove(); self.canvas.focus(); });
  box.appendChild(close);
  this.el.insertBefore(box, this.el.firstChild);
  return box;
};
