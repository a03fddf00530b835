// The hub's own page: the fleet view (Fleet.tsx) for the organiser and signed-in lecturers, and
// for the person running it on this machine the import of results bundles (and the health
// files beside them) from a USB stick by picking the files, and new questions offered to chosen
// pillars (PublishPack.tsx). A bundle of a pillar the hub never registered is taken only after
// the person confirms that pillar's key, shown by its start.

import { useCallback, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { FleetView } from '../../electron/api/organiser.ts';
import { Fleet } from './Fleet.tsx';
import { PublishPack } from './PublishPack.tsx';
import { healthText, importedText, isHealthFile, upload, type NewPillar } from './upload.ts';
import './hub.css';

interface Line {
  text: string;
  state?: 'ok' | 'refused';
  /** A new pillar's key, waiting for a yes or a no. */
  ask?: { pillar: NewPillar; answer: (trusted: boolean) => void };
}

function KeyQuestion({ pillar, answer }: NonNullable<Line['ask']>) {
  const id = pillar.pillarId;
  return (
    <div role="group">
      <p>
        {`Zuil ${id} is nieuw voor deze hub. Haar sleutel begint met ${pillar.fingerprint}. Vertrouw die alleen als de stick echt van die zuil komt en "olifant pillar id" op de zuil dezelfde sleutel toont.`}
        {` / Pillar ${id} is new to this hub; its key starts with ${pillar.fingerprint}.`}
      </p>
      <button type="button" onClick={() => answer(true)}>{`Vertrouw zuil ${id} / Trust pillar ${id}`}</button>
      <button type="button" onClick={() => answer(false)}>Niet importeren / Do not import</button>
    </div>
  );
}

/** Bundles before health files: a new pillar's key comes from its bundle. */
const bundlesFirst = (files: File[]) => [...files.filter((f) => !isHealthFile(f)), ...files.filter(isHealthFile)];

function HubPage() {
  const [files, setFiles] = useState<File[]>([]);
  const [lines, setLines] = useState<Line[]>([]);
  const [onHubMachine, setOnHubMachine] = useState(false);
  const seen = useCallback((view: FleetView) => setOnHubMachine(view.onHubMachine === true), []);

  const importAll = async () => {
    setLines(files.map((file) => ({ text: `${file.name}: …` })));
    const show = (i: number, line: Line) => setLines((all) => all.map((old, j) => (j === i ? line : old)));
    for (const [i, file] of files.entries()) {
      try {
        let answer = await upload(file);
        if (answer.status === 409 && 'publicKey' in answer.body) {
          const pillar = answer.body;
          // A new pillar's key is trusted only on an explicit yes, for the key shown.
          const trusted = await new Promise<boolean>((resolve) => show(i, { text: pillar.error, ask: { pillar, answer: resolve } }));
          if (!trusted) {
            show(i, { text: `${file.name}: niet geïmporteerd / not imported`, state: 'refused' });
            continue;
          }
          answer = await upload(file, pillar.publicKey);
        }
        if (answer.status === 200 && 'stored' in answer.body) show(i, { text: importedText(file.name, answer.body), state: 'ok' });
        else if (answer.status === 200 && 'kept' in answer.body) show(i, { text: healthText(file.name, answer.body), state: 'ok' });
        else show(i, { text: (answer.body as { error: string }).error, state: 'refused' });
      } catch (error) {
        show(i, { text: `${file.name}: de hub is niet bereikbaar (${(error as Error).message})`, state: 'refused' });
      }
    }
  };

  return (
    <main>
      <h1>Olifant hub</h1>
      <p>
        <a href="/presenter/">Presentatie voor het college <span lang="en">/ Presenter view for the lecture</span></a>
      </p>
      <Fleet onView={seen} />
      {onHubMachine && (
        <section aria-labelledby="import-title">
          <h2 id="import-title">Resultaten van een USB-stick importeren <span lang="en">/ Import results from a USB stick</span></h2>
          <p>Kies de bestanden uit de map <code>olifant-results</code> op de stick. Elk bestand wordt helemaal of helemaal niet geïmporteerd; twee keer importeren kan geen kwaad. De gezondheidsbestanden (<code>.olifant-health</code>) ernaast gaan mee naar het overzicht van de zuilen.</p>
          <label>
            Bestanden <span lang="en">/ Files</span>{' '}
            <input type="file" accept=".olifant-results,.olifant-health" multiple onChange={(e) => setFiles(bundlesFirst([...(e.target.files ?? [])]))} />
          </label>
          <button type="button" onClick={() => void importAll()}>Importeren <span lang="en">/ Import</span></button>
          <ul aria-live="polite">
            {lines.map((line, i) => (
              <li key={i} className={line.state}>
                {line.text}
                {line.ask && <KeyQuestion {...line.ask} />}
              </li>
            ))}
          </ul>
        </section>
      )}
      {onHubMachine && <PublishPack />}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<HubPage />);
document.body.dataset.ready = 'true';
