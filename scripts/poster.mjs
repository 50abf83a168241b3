// Writes the widget's poster: a small SVG of the skin cross-section, drawn from the same model as the
// live picture (the default area's layer thicknesses in content/areas.json, the colours of
// shaders/skin.frag), shown in the widget's room before the module has drawn (skindepth.css) and as
// the still picture when the live drawing cannot start. Run by the site build (cmake/Widget.cmake).
// usage: node scripts/poster.mjs CONTENT_DIR OUT.svg
// The picture is 2,400 units wide and 1,000 high: -0.3 mm (above the surface) to 2.7 mm, about the
// depths the widget shows at its first zoom; the stylesheet fits its height to the widget's box.
import fs from 'node:fs';
import path from 'node:path';

const kDefaultArea = 'cheeks';  // the widget's starting area (README, data-area)
const kTop = -0.3, kBottom = 2.7, kSize = 1000, kWidth = 2400;
// Colours of shaders/skin.frag (their vec3 values as hex), so the poster and the drawing match.
const kColour = {
  air: '#f9f6f4', corneum: '#ddbb97', epidermis: '#f1c1aa', papillary: '#f9dbd1', reticular: '#f2c3b5',
  bundle: '#eea99a', fat: '#fce59a', septum: '#e6b799', ruler: '#2b2326', vessel: '#c7242b', rulerBand: '#ffffff',
};

const [contentDir, out] = process.argv.slice(2);
if (!contentDir || !out) {
  console.error('usage: node scripts/poster.mjs CONTENT_DIR OUT.svg');
  process.exit(2);
}
const areas = JSON.parse(fs.readFileSync(path.join(contentDir, 'areas.json'), 'utf8')).areas;
const area = areas.find((a) => a.id === kDefaultArea) || areas[0];
const t = area.thickness_mm;
const y = (mm) => Math.round(((mm - kTop) / (kBottom - kTop)) * kSize * 10) / 10;

// Layer boundaries, in mm from the surface, in the order the shader draws them.
const sc = t.stratum_corneum, epi = sc + t.epidermis, pap = epi + t.papillary_dermis, ret = pap + t.reticular_dermis;
const parts = [];
const rect = (from, to, fill) => parts.push(`<rect y="${y(from)}" width="${kWidth}" height="${Math.round((y(to) - y(from)) * 10) / 10}" fill="${fill}"/>`);
rect(kTop, 0, kColour.air);
rect(0, sc, kColour.corneum);
rect(sc, epi, kColour.epidermis);
rect(epi, pap, kColour.papillary);
rect(pap, ret, kColour.reticular);
rect(ret, kBottom, kColour.fat);

// Collagen bundles in the reticular dermis (wavy strands) and the lobules of the fat (a honeycomb of
// septa): each a small repeating pattern over its layer.
const strand = Math.round(y(0.09) - y(0)), fatTop = Math.round(y(ret));
parts.push(`<defs><pattern id="c" width="100" height="${strand}" patternUnits="userSpaceOnUse" y="${Math.round(y(pap))}">` +
           `<path d="M0 ${strand / 2}q25-7 50 0t50 0" fill="none" stroke="${kColour.bundle}" stroke-width="9"/></pattern>` +
           `<pattern id="f" width="180" height="104" patternUnits="userSpaceOnUse" y="${fatTop}">` +
           `<path d="M0 52L30 0H90L120 52L90 104H30ZM120 52H180" fill="none" stroke="${kColour.septum}" stroke-width="5"/></pattern></defs>`);
parts.push(`<rect y="${Math.round(y(pap)) + 6}" width="${kWidth}" height="${Math.round(y(ret) - y(pap)) - 12}" fill="url(#c)"/>`);
parts.push(`<rect y="${fatTop}" width="${kWidth}" height="${kSize - fatTop}" fill="url(#f)"/>`);
// The subpapillary plexus: a thin red line at the foot of the papillary dermis.
parts.push(`<path d="M0 ${y(pap)}H${kWidth}" stroke="${kColour.vessel}" stroke-width="2" opacity=".5"/>`);
// The millimetre ruler at the left: ticks every 0.1 mm, longer at each 0.5 mm, labelled.
const ticks = [], labels = [];
for (let i = 0; i * 0.1 <= kBottom + 1e-9; ++i) {
  const major = i % 5 === 0;
  ticks.push(`M0 ${y(i * 0.1)}h${major ? 22 : 12}`);
  if (major) labels.push(`<text x="26" y="${y(i * 0.1) + 9}">${i === 0 ? '0 mm' : (i / 10).toFixed(1)}</text>`);
}
parts.push(`<rect width="58" height="${kSize}" fill="${kColour.rulerBand}" opacity=".45"/>`);
parts.push(`<path d="M1 ${y(0)}V${kSize}${ticks.join('')}" stroke="${kColour.ruler}" stroke-width="2" fill="none"/>`);
parts.push(`<g font-family="system-ui,sans-serif" font-size="26" fill="${kColour.ruler}">${labels.join('')}</g>`);

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${kWidth} ${kSize}" width="${kWidth}" height="${kSize}">` +
            `<!-- SkinDepth poster: ${area.id}, made by scripts/poster.mjs from content/areas.json -->${parts.join('')}</svg>\n`;
fs.writeFileSync(out, svg);
console.log(`poster: ${out} (${area.id}, ${svg.length} bytes)`);
