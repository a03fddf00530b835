// Packs a hub offered this pillar: one being fetched, one refused (the rule it broke, as for a
// stick's pack; the hub is told), or one waiting, previewed exactly as a pack on a USB stick
// (what changes, whether every screen fits, every question) to install or to decline. Where the
// pillar installs offers by itself at a quiet moment, the screen says so.

import type { OfferView, OperatorApi } from '../../electron/api/operator.ts';
import { LayoutCheck } from './LayoutCheck.tsx';
import { inOwn, type Run } from './PackPanel.tsx';
import { Changes, Install, Questions, type Installing } from './StickPanel.tsx';
import type { OperatorWords } from './words.ts';

function Offer({ api, words, offer, run, busy }: { api: OperatorApi; words: OperatorWords; offer: OfferView; run: Run; busy: boolean }) {
  if (offer.kind === 'fetching') return <p role="status">{words.offerFetching(offer.packId, offer.version)}</p>;
  if (offer.kind === 'refused') {
    return (
      <div className="op-error" role="alert">
        <p>{words.offerRefused(offer.packId, offer.version)}</p>
        <p className="refusal">{offer.message}</p>
      </div>
    );
  }
  const { preview, offerId } = offer;
  const how: Installing = {
    install: (confirmRollback) => api.installOffer({ offerId, confirmRollback }),
    busyText: words.offerInstalling,
    doneText: (pack) => words.offerInstalled(pack.id, pack.version),
  };
  return (
    <div className="pack offer" data-offer={offerId}>
      <h3>
        {words.offerFound(inOwn(preview.title, document.documentElement.lang))} ({preview.id})
      </h3>
      <Changes preview={preview} words={words} />
      {/* The overview is fetched again and again: the screens are measured anew only for another pack. */}
      <LayoutCheck key={JSON.stringify(preview.screens)} pack={preview.screens} words={words} />
      <p className="op-hint">{offer.autoInstall ? words.offerAuto : words.studentsGetItAt}</p>
      <div className="op-buttons">
        <Install words={words} preview={preview} run={run} busy={busy} how={how} />
        {!busy && (
          <button type="button" className="op-button ghost" onClick={() => run(() => api.declineOffer({ offerId }), () => words.declined(offer.packId, offer.version))}>
            {words.decline}
          </button>
        )}
      </div>
      <Questions preview={preview} words={words} />
    </div>
  );
}

export function OfferPanel({ api, words, offers, run, busy }: { api: OperatorApi; words: OperatorWords; offers: OfferView[]; run: Run; busy: boolean }) {
  return (
    <section className="op-panel offers" aria-label={words.offers}>
      <h2>{words.offers}</h2>
      {offers.map((offer) => (
        <Offer key={offer.offerId} api={api} words={words} offer={offer} run={run} busy={busy} />
      ))}
    </section>
  );
}
