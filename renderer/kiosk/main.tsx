import { createRoot } from 'react-dom/client';
import { createApi } from '../shared/api.ts';
import { preparePack } from './prepare.ts';
import { App } from './App.tsx';
import { openOperatorPage } from './ServiceCorner.tsx';
// The kiosk's own font, shipped with it: the pillar lays out exactly what the layout test measured.
import '@fontsource-variable/atkinson-hyperlegible-next';
import './styles.css';

const root = createRoot(document.getElementById('root')!);
const api = createApi();

// No browser behaviour a kiosk visitor could stumble into.
for (const type of ['contextmenu', 'selectstart', 'dragstart', 'gesturestart']) document.addEventListener(type, (e) => e.preventDefault());
document.addEventListener('wheel', (e) => e.ctrlKey && e.preventDefault(), { passive: false });
document.addEventListener('touchmove', (e) => e.touches.length > 1 && e.preventDefault(), { passive: false });

async function boot(attempt = 0): Promise<void> {
  try {
    const info = await api.kiosk();
    if (info.operatorOpen) return openOperatorPage();
    // Never kept from the students: without hyphenation or the font, the pack shows all the same.
    await preparePack(info.pack).catch(() => {});
    root.render(<App api={api} info={info} />);
    document.body.dataset.ready = 'true';
  } catch {
    // The services are not up yet: try again, never a blank dead end.
    setTimeout(() => boot(attempt + 1), Math.min(5000, 250 * 2 ** attempt));
  }
}
void boot();
