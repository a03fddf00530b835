// Packs a hub offered, on the tour crew's service screen in Debian's Chromium, against the real
// services and a real hub on loopback: a waiting offer is previewed exactly as a pack on a USB
// stick (what changes, whether every screen fits, every question), installed or declined with
// a tap; a refused one says the rule it broke; the hub hears what the crew did.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { generateSigningKey, signManifest } from '../../content/signing.ts';
import { Offers } from '../../electron/hub/offers.ts';
import { launchChromium, openKiosk } from '../helpers/browser.ts';
import { hubInProcess } from '../helpers/hub.ts';
import { startKiosk } from '../helpers/kiosk.ts';
import { buildPack, KEY } from '../helpers/packs.ts';
import { until } from '../helpers/tmp.ts';

test('the service screen previews a pack the hub offered as a stick\'s, installs one and declines another with a tap, and says why a third is refused; the hub hears each', async (t) => {
  const { url, store, pillars } = await hubInProcess(t);
  const offers = new Offers(store);
  const token = pillars.add('pillar-a');
  const kiosk = await startKiosk({ settings: { pillarId: 'pillar-a', hubUrl: url, hubToken: token, trustedKeys: [KEY.publicKey] } });

  const publish = async (dir: string) => (await offers.publish(dir, ['pillar-a'], (id) => pillars.get(id))).offers[0].offerId;
  const v2 = await publish(buildPack((m) => ((m.version = 2), (m.questions[0].prompt.nl = 'Zou jij je naam weglaten op je cv?'))).dir);
  const v3 = await publish(buildPack((m) => (m.version = 3)).dir);
  const foreign = buildPack((m) => (m.version = 4));
  writeFileSync(path.join(foreign.dir, 'pack.sig'), signManifest(readFileSync(path.join(foreign.dir, 'pack.json')), generateSigningKey().privateKeyPem));
  const untrusted = await publish(foreign.dir);
  await kiosk.app.checkIns.now();
  await until(() => kiosk.app.offers.views().every((o) => o.kind !== 'fetching') && kiosk.app.offers.views().length === 3, 'the offers fetched and checked');

  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await openKiosk(browser, kiosk.url);
  await until(() => kiosk.app.pillar.status().link === 'connected', 'the simulated board');
  kiosk.app.board!.setService(true);
  const panel = page.getByRole('region', { name: 'Nieuwe vragen van de hub' });
  await panel.waitFor();
  const first = panel.locator(`[data-offer="${v2}"]`);
  await first.getByRole('heading', { name: /^Van de hub: De olifant in de kamer \(olifant-tour\)$/ }).waitFor();
  await first.getByText('versie 1 → 2').waitFor();
  await first.getByText('Gewijzigde vragen: naam-op-cv').waitFor();
  await first.getByText(/Alles past: \d+ schermen nagemeten/).waitFor({ timeout: 60_000 });
  await first.getByText('Zou jij je naam weglaten op je cv?', { exact: false }).waitFor();
  await panel.getByText(/pack\.sig is not a valid signature of pack\.json by a key this kiosk trusts \(rule: signing\)/).waitFor();

  await first.getByRole('button', { name: 'Installeer dit pakket' }).click();
  await page.getByText('olifant-tour versie 2 is geïnstalleerd. De studenten zien het bij het volgende beginscherm; de hub hoort het.').waitFor();
  assert.equal(kiosk.app.packs.current().pack.version, 2);
  await panel.locator(`[data-offer="${v3}"]`).getByRole('button', { name: 'Niet installeren' }).click();
  await page.getByText('olifant-tour versie 3 wordt niet geïnstalleerd; de hub hoort het.').waitFor();
  assert.equal(kiosk.app.packs.current().pack.version, 2);

  await kiosk.app.checkIns.now();
  assert.deepEqual([v2, v3, untrusted].map((id) => offers.list().find((o) => o.offerId === id)?.state), ['installed', 'declined', 'refused']);
});
