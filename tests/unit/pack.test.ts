import assert from 'node:assert/strict';
import { symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { loadBundledPack } from '../../electron/kiosk/packs/bundled.ts';
import { checkPack, PackError, type Pack } from '../../content/pack.ts';
import { buildPack, manifestRules, PNG, trust } from '../helpers/packs.ts';
import { tempDir } from '../helpers/tmp.ts';

async function refused(dir: string, rule: string, file: string, message: RegExp, options = trust) {
  await assert.rejects(checkPack(dir, options), (error: unknown) => {
    assert.ok(error instanceof PackError, String(error));
    assert.equal(error.rule, rule, error.message);
    assert.equal(error.file, file, error.message);
    assert.match(error.message, message);
    return true;
  });
}

test('the default pack passes the same checks as a USB pack: six slots, nl and en, insights', async () => {
  const { pack, signed } = await loadBundledPack();
  assert.equal(signed, true);
  assert.deepEqual(pack.languages, ['nl', 'en']);
  assert.deepEqual(pack.questions.map((q) => q.slot).sort(), [1, 2, 3, 4, 5, 6]);
  for (const q of pack.questions) assert.ok(q.insight?.nl && q.insight.en, `${q.id} has an insight in both languages`);
  assert.ok(pack.questions.some((q) => q.answer.type === 'scale') && pack.questions.some((q) => q.answer.type === 'choice'));
});

test('a valid pack with images is accepted', async () => {
  const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
  const webp = Buffer.concat([Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.alloc(8)]);
  const { dir } = buildPack((m) => {
    m.attract.image = 'assets/a.png';
    m.questions[0].image = 'assets/b.jpg';
    m.questions[1].image = 'assets/c.webp';
  }, { 'assets/a.png': PNG, 'assets/b.jpg': jpeg, 'assets/c.webp': webp });
  const { pack }: { pack: Pack } = await checkPack(dir, trust);
  assert.equal(pack.attract.image, 'assets/a.png');
});

for (const [name, edit, rule, message] of manifestRules) {
  test(`pack.json rule: ${name}`, async () => {
    await refused(buildPack(edit).dir, rule, 'pack.json', message);
  });
}

test('the title and headline have no length limit in the format, so none is imposed', async () => {
  const { pack } = await checkPack(buildPack((m) => (m.attract.headline.nl = 'Durf '.repeat(100))).dir, trust);
  assert.equal(pack.attract.headline.nl.length, 500);
});

test('pack.json that is not JSON, not UTF-8 or over 256 KiB is refused', async () => {
  await refused(buildPack(undefined, {}, { raw: Buffer.from('{"format": ') }).dir, 'JSON', 'pack.json', /not valid JSON/);
  await refused(buildPack(undefined, {}, { raw: Buffer.from([0x7b, 0xff, 0x7d]) }).dir, 'encoding', 'pack.json', /not UTF-8/);
  await refused(buildPack(undefined, {}, { raw: Buffer.alloc(256 * 1024 + 1, 0x20) }).dir, 'manifest size', 'pack.json', /at most 262144/);
});

test('no pack.json at all is refused', async () => {
  await refused(tempDir(), 'structure', 'pack.json', /there is no pack.json/);
});

test('signing: unsigned, wrongly signed and changed-after-signing packs are refused; unsigned allowed only by setting', async () => {
  const unsigned = buildPack(undefined, {}, { sign: false });
  await refused(unsigned.dir, 'signing', 'pack.sig', /no pack.sig/);
  const ok = await checkPack(unsigned.dir, { trustedKeys: [], allowUnsigned: true });
  assert.equal(ok.signed, false);
  const other = buildPack();
  await refused(other.dir, 'signing', 'pack.sig', /not a valid signature/, { trustedKeys: [], allowUnsigned: false });
  const tampered = buildPack();
  writeFileSync(path.join(tampered.dir, 'pack.json'), JSON.stringify({ ...JSON.parse('{}') }));
  await refused(tampered.dir, 'signing', 'pack.sig', /not a valid signature/);
  writeFileSync(path.join(other.dir, 'pack.sig'), 'not base64 at all!!');
  await refused(other.dir, 'signing', 'pack.sig', /not a valid signature/);
});

test('assets: missing, changed, not an image, too big, or a link out of the pack are refused', async () => {
  const missing = buildPack((m) => (m.assets['assets/gone.png'] = '0'.repeat(64)));
  await refused(missing.dir, 'files', 'assets/gone.png', /not in the pack/);

  const changed = buildPack((m) => (m.attract.image = 'assets/a.png'), { 'assets/a.png': PNG });
  writeFileSync(path.join(changed.dir, 'assets/a.png'), Buffer.concat([PNG, Buffer.from([0])]));
  await refused(changed.dir, 'files', 'assets/a.png', /does not match its SHA-256/);

  const script = buildPack((m) => (m.attract.image = 'assets/a.png'), { 'assets/a.png': Buffer.from('<script>alert(1)</script>') });
  await refused(script.dir, 'images', 'assets/a.png', /not a PNG, JPEG or WebP/);

  const big = buildPack(undefined, { 'assets/big.png': Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]) });
  await refused(big.dir, 'image size', 'assets/big.png', /at most 10 MiB/);

  const outside = tempDir();
  writeFileSync(path.join(outside, 'secret.png'), PNG);
  const linked = buildPack(undefined, { 'assets/in.png': PNG });
  const { rmSync } = await import('node:fs');
  rmSync(path.join(linked.dir, 'assets/in.png'));
  symlinkSync(path.join(outside, 'secret.png'), path.join(linked.dir, 'assets/in.png'));
  await refused(linked.dir, 'paths', 'assets/in.png', /link that leads outside/);
});

test('all images together over 100 MiB are refused', async () => {
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < 11; i++) files[`assets/${i}.png`] = Buffer.concat([PNG, Buffer.alloc(9.5 * 1024 * 1024, i)]);
  await refused(buildPack(undefined, files).dir, 'image size', 'assets/10.png', /over 100 MiB/);
});
