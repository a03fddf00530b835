// The lecture's slides (pptxgenjs): a title slide, one slide per question with a native,
// editable clustered bar chart (this venue against the rest of the tour, in percentages, the
// counts in the series names), the insight in the speaker notes, and how the data was
// collected. Colours are 6-digit hex, one per series, so "edit data" works everywhere.

import PptxGenJSModule from 'pptxgenjs';
import type { Lecture } from './lecture.ts';
import { localHour } from './words.ts';

// The package's types are CommonJS-shaped while Node loads its ES build, whose default export is the class.
const PptxGenJS = PptxGenJSModule as unknown as typeof PptxGenJSModule.default;

const PLUM = '2B1740';
const CREAM = 'FFF4E6';
const SERIES = { venue: 'E8772E', elsewhere: '6B3FA0' };

export async function lecturePresentation(l: Lecture): Promise<Buffer> {
  const { results, words } = l;
  const deck = new PptxGenJS();
  deck.layout = 'LAYOUT_WIDE';
  deck.title = words.title(results.visit.name);
  const text = { color: PLUM, fontFace: 'Arial' };

  const title = deck.addSlide();
  title.background = { color: CREAM };
  title.addText(words.title(results.visit.name), { ...text, x: 0.6, y: 2.2, w: 12, h: 1.4, fontSize: 40, bold: true });
  const when = results.visit.startedHour ? words.dates(localHour(results.visit.startedHour), results.visit.endedHour && localHour(results.visit.endedHour)) : '';
  title.addText(`${when}\n${words.answers(results.visit.answers)}`, { ...text, x: 0.6, y: 3.8, w: 12, h: 1.2, fontSize: 24 });

  for (const q of results.questions) {
    const slide = deck.addSlide();
    slide.background = { color: CREAM };
    slide.addText(l.say(q.prompt), { ...text, x: 0.5, y: 0.3, w: 12.3, h: 1.5, fontSize: 26, bold: true, fit: 'shrink' });
    const series = [
      { name: `${words.thisVenue} (${words.answers(q.venue.total)})`, group: q.venue, color: SERIES.venue },
      { name: `${words.restOfTour} (${words.answers(q.elsewhere.total)})`, group: q.elsewhere, color: SERIES.elsewhere },
    ].filter((s) => s.group.counts !== null);
    const labels = q.values.map((v) => l.say(v.label));
    if (series.length > 0) {
      slide.addChart(
        deck.ChartType.bar,
        series.map((s) => ({ name: s.name, labels, values: q.values.map((v) => (s.group.counts![v.value] ?? 0) / s.group.total) })),
        {
          x: 0.5, y: 1.9, w: 12.3, h: 4.9,
          barDir: 'bar', barGrouping: 'clustered', chartColors: series.map((s) => s.color),
          showValue: true, dataLabelFormatCode: '0%', dataLabelFontSize: 14, dataLabelColor: PLUM,
          valAxisLabelFormatCode: '0%', valAxisMinVal: 0, valAxisMaxVal: 1, catAxisLabelFontSize: 16,
          showLegend: true, legendPos: 'b', legendFontSize: 16,
        },
      );
    }
    const hidden = [[words.thisVenue, q.venue], [words.restOfTour, q.elsewhere]].filter(([, g]) => (g as typeof q.venue).counts === null).map(([name]) => `${name}: ${words.notShown}`);
    if (hidden.length > 0) slide.addText(hidden.join('\n'), { ...text, x: 0.5, y: series.length > 0 ? 6.8 : 3, w: 12.3, h: 0.6, fontSize: 16, italic: true });
    slide.addNotes([l.say(q.insight), words.floor].filter(Boolean).join('\n\n'));
  }

  const method = deck.addSlide();
  method.background = { color: CREAM };
  method.addText(words.method, { ...text, x: 0.6, y: 0.5, w: 12, h: 1, fontSize: 32, bold: true });
  method.addText(words.methodText, { ...text, x: 0.6, y: 1.7, w: 12, h: 4.5, fontSize: 22, valign: 'top' });
  return (await deck.write({ outputType: 'nodebuffer' })) as Buffer;
}
