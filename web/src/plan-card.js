/* SkinDepth embed script: the plan card. A plan a clinic handed over by QR code opens the page with
 * #skindepth-plan=<summary>; the page's first widget shows it as a card above the drawing. The module
 * reads the link (readPlanLink: src/app/plan_link.h) and answers with the card, every text already in
 * the link's language, or with a notice when the link is damaged; this file only draws it. */

var kPlanLinkStart = '#skindepth-plan=';

function isPlanLink(hash) { return hash.indexOf(kPlanLinkStart) === 0; }

Widget.prototype._showPlanCard = function () {
  var self = this;
  return this.command({cmd: 'readPlanLink', url: window.location.href}).then(function (r) { self._drawPlanCard(r.card); });
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
    card.sections.forEach(function (sec) {
      if (sec.heading) box.appendChild(el('h4', {}, sec.heading));
      if (sec.style === 'rows') {
        var dl = el('dl');
        sec.items.forEach(function (i) {
          dl.appendChild(el('dt', {}, i.label));
          dl.appendChild(el('dd', {}, i.text));
        });
        box.appendChild(dl);
      } else {
        var list = el(sec.style === 'numbered' ? 'ol' : 'ul');
        sec.items.forEach(function (i) {
          var li = el('li', {}, i.text);
          if (i.label) li.insertBefore(el('strong', {}, i.label + ' '), li.firstChild);
          list.appendChild(li);
        });
        box.appendChild(list);
      }
    });
    box.appendChild(el('p', {'class': 'sd-muted'}, card.disclaimer));
  }
  var close = el('button', {type: 'button', 'class': 'sd-card-close'}, card.close);
  close.addEventListener('click', function () { box.remove(); self.canvas.focus(); });
  box.appendChild(close);
  this.el.insertBefore(box, this.el.firstChild);
};
