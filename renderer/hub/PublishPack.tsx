// New questions for chosen pillars, on the hub's page: pick a zip of a signed pack (its
// olifant-pack folder zipped), tick the pillars, offer it (POST /v2/packs). The hub checks it
// with every rule of content-pack.md first and says the rule a refused one breaks. Below, each
// offer and what its pillar did with it, looked at again every few seconds (GET /v2/offers).

import { useEffect, useState } from 'react';
import type { OfferList, OfferState } from '../../electron/api/organiser.ts';

/** How often the offers' states are looked at again. */
const REFRESH_MS = 5000;

const STATE_WORDS: Record<OfferState, string> = {
  offered: 'aangeboden, nog niet opgehaald / offered, not fetched yet',
  waiting: 'opgehaald, wacht op de crew of een rustig moment / fetched, waiting for the crew or a quiet moment',
  installed: 'geïnstalleerd / installed',
  refused: 'geweigerd / refused',
  declined: 'niet geïnstalleerd door de crew / declined by the crew',
};

type Said = { text: string; state: 'ok' | 'refused' } | null;

async function publish(file: File, to: string[]): Promise<Said> {
  const query = new URLSearchParams([['name', file.name], ...to.map((id) => ['to', id])]);
  const response = await fetch(`/v2/packs?${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file });
  const body = (await response.json()) as { packId: string; version: number; offers: Array<{ pillarId: string }> } | { error: string };
  if ('error' in body) return { text: body.error, state: 'refused' };
  return { text: `${body.packId} versie ${body.version} is aangeboden aan ${body.offers.map((o) => o.pillarId).join(', ')}; elke zuil haalt het op bij haar volgende verbinding.`, state: 'ok' };
}

export function PublishPack() {
  const [list, setList] = useState<OfferList | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [chosen, setChosen] = useState<string[]>([]);
  const [said, setSaid] = useState<Said>(null);
  const [busy, setBusy] = useState(false);

  const look = () =>
    fetch('/v2/offers').then(
      async (response) => (response.ok ? setList((await response.json()) as OfferList) : setList(null)),
      () => setList(null),
    );
  useEffect(() => {
    void look();
    const timer = setInterval(() => void look(), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const offer = async () => {
    if (!file) return;
    setBusy(true);
    try {
      setSaid(await publish(file, chosen));
    } catch (error) {
      setSaid({ text: `de hub is niet bereikbaar (${(error as Error).message})`, state: 'refused' });
    } finally {
      setBusy(false);
      void look();
    }
  };
  const toggle = (id: string, on: boolean) => setChosen((now) => (on ? [...now, id] : now.filter((c) => c !== id)));

  return (
    <section aria-labelledby="publish-title">
      <h2 id="publish-title">Nieuwe vragen naar zuilen sturen <span lang="en">/ Send new questions to pillars</span></h2>
      <p>
        Kies een zip van de map <code>olifant-pack</code> van een ondertekend pakket en de zuilen die het krijgen. Elke zuil controleert het met haar eigen
        sleutels, precies als een pakket van een USB-stick, en de crew installeert het (of de zuil doet het zelf op een rustig moment).
      </p>
      <label>
        Pakket <span lang="en">/ Pack</span> (zip) <input type="file" accept=".zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      </label>
      <fieldset>
        <legend>Zuilen <span lang="en">/ Pillars</span></legend>
        {(list?.pillars ?? []).filter((p) => !p.revoked).map((p) => (
          <label key={p.id} className="pillar-choice">
            <input type="checkbox" checked={chosen.includes(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} /> {p.id}
            {p.name !== p.id ? ` (${p.name})` : ''}
          </label>
        ))}
      </fieldset>
      <button type="button" disabled={busy || !file || chosen.length === 0} onClick={() => void offer()}>
        Aanbieden <span lang="en">/ Offer</span>
      </button>
      {said && (
        <p role="status" className={said.state}>
          {said.text}
        </p>
      )}
      {list && list.offers.length > 0 && (
        <table className="offers">
          <thead>
            <tr>
              <th>Zuil</th>
              <th>Pakket</th>
              <th>Stand <span lang="en">/ State</span></th>
              <th>Sinds (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {list.offers.map((o) => (
              <tr key={o.offerId} data-offer={o.offerId} className={o.state === 'refused' ? 'refused' : o.state === 'installed' ? 'ok' : undefined}>
                <td>{o.pillarId}</td>
                <td>
                  {o.packId} {o.version}
                </td>
                <td>
                  {STATE_WORDS[o.state]}
                  {o.reason && <span className="reason">: {o.reason}</span>}
                </td>
                <td>{o.changedHour}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
