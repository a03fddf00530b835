// The hub's own page, for the person running it on this machine: import results bundles from
// a USB stick by picking the files. A bundle of a pillar the hub never registered is taken
// only after the person confirms that pillar's key, shown by its start. No inline script or
// style (the page's content security policy allows only its own files).

export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export const PAGE_HTML = `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Olifant hub</title>
<link rel="stylesheet" href="/hub.css">
<script type="module" src="/hub.js"></script>
</head>
<body>
<main>
<h1>Olifant hub</h1>
<p><a href="/presenter/">Presentatie voor het college <span lang="en">/ Presenter view for the lecture</span></a></p>
<section aria-labelledby="import-title">
<h2 id="import-title">Resultaten van een USB-stick importeren <span lang="en">/ Import results from a USB stick</span></h2>
<p>Kies de bestanden uit de map <code>olifant-results</code> op de stick. Elk bestand wordt helemaal of helemaal niet geïmporteerd; twee keer importeren kan geen kwaad.</p>
<label>Bestanden <span lang="en">/ Files</span> <input id="files" type="file" accept=".olifant-results" multiple></label>
<button id="import" type="button">Importeren <span lang="en">/ Import</span></button>
<ul id="results" aria-live="polite"></ul>
</section>
</main>
</body>
</html>
`;

export const PAGE_JS = `const results = document.getElementById('results');
const upload = async (file, trustKey) => {
  const response = await fetch('/v1/bundles?name=' + encodeURIComponent(file.name) + (trustKey ? '&trust-key=' + encodeURIComponent(trustKey) : ''), {
    method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: file,
  });
  return { status: response.status, body: await response.json() };
};
const button = (text) => {
  const made = document.createElement('button');
  made.type = 'button';
  made.textContent = text;
  return made;
};
// A new pillar's key is trusted only on an explicit yes, for the key shown.
const confirmKey = (item, body) => new Promise((resolve) => {
  const box = document.createElement('div');
  box.setAttribute('role', 'group');
  const question = document.createElement('p');
  question.textContent = 'Zuil ' + body.pillarId + ' is nieuw voor deze hub. Haar sleutel begint met ' + body.fingerprint
    + '. Vertrouw die alleen als de stick echt van die zuil komt en "olifant pillar id" op de zuil dezelfde sleutel toont.'
    + ' / Pillar ' + body.pillarId + ' is new to this hub; its key starts with ' + body.fingerprint + '.';
  const yes = button('Vertrouw zuil ' + body.pillarId + ' / Trust pillar ' + body.pillarId);
  const no = button('Niet importeren / Do not import');
  const answer = (trusted) => {
    box.remove();
    resolve(trusted);
  };
  yes.addEventListener('click', () => answer(true));
  no.addEventListener('click', () => answer(false));
  box.append(question, yes, no);
  item.append(box);
});
document.getElementById('import').addEventListener('click', async () => {
  const files = document.getElementById('files').files;
  results.replaceChildren();
  for (const file of files) {
    const item = document.createElement('li');
    results.append(item);
    item.textContent = file.name + ': …';
    try {
      let { status, body } = await upload(file);
      if (status === 409 && body.publicKey) {
        item.textContent = body.error;
        if (await confirmKey(item, body)) ({ status, body } = await upload(file, body.publicKey));
        else body = { error: file.name + ': niet geïmporteerd / not imported' };
      }
      const ok = status === 200;
      item.textContent = ok
        ? file.name + ': zuil ' + body.pillarId + ', ' + body.stored + ' nieuwe antwoorden, ' + body.duplicates + ' waren er al' + (body.conflicts.length ? ', ' + body.conflicts.length + ' conflicten geweigerd' : '')
        : body.error;
      item.className = ok ? 'ok' : 'refused';
    } catch (error) {
      item.textContent = file.name + ': de hub is niet bereikbaar (' + error.message + ')';
      item.className = 'refused';
    }
  }
});
`;

export const PAGE_CSS = `body { font: 18px/1.5 system-ui, sans-serif; margin: 0; background: #fff4e6; color: #2b1740; }
main { max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
label { display: block; margin: 1rem 0; }
li button { margin: 0.5rem 0.5rem 0 0; }
button { font: inherit; padding: 0.5rem 1.2rem; background: #2b1740; color: #fff4e6; border: 0; border-radius: 0.5rem; }
.ok { color: #1d6b35; }
.refused { color: #a01c1c; }
`;

/** A short page in both languages, styled by /hub.css. */
const notice = (nl: string, en: string, more = '') => `<!doctype html>
<html lang="nl">
<head><meta charset="utf-8"><title>Olifant hub</title><link rel="stylesheet" href="/hub.css"></head>
<body><main><h1>Olifant hub</h1><p>${nl}</p><p lang="en">${en}</p>${more}</main></body>
</html>
`;

/** The sign-in form may post to the hub itself, and nowhere else. */
export const SIGN_IN_CSP = PAGE_CSP.replace("form-action 'none'", "form-action 'self'");

/**
 * What a sign-in link opens: a button that signs in by a same-origin POST. Opening the link
 * (a mail's click, a link preview, a HEAD) spends nothing; and the session cookie, SameSite=Strict,
 * is then set by a request from the hub's own page, so the browser sends it on.
 * `token` is base64url (checked before it gets here).
 */
export const signInHtml = (token: string) => notice(
  'Je bent uitgenodigd als docent voor de olifant in de kamer.',
  'You are invited as a lecturer for the elephant in the room.',
  `<form method="post" action="/signin"><input type="hidden" name="token" value="${token}"><button type="submit">Aanmelden / Sign in</button></form>`,
);

export const SIGN_IN_NEEDED_HTML = notice(
  'Meld je aan met de link die je van de tourorganisator kreeg.',
  'Sign in with the link the tour organiser gave you.',
);

export const LINK_USED_HTML = notice(
  'Deze aanmeldlink is al gebruikt of verlopen. Vraag de tourorganisator om een nieuwe.',
  'This sign-in link was used already, or has expired. Ask the tour organiser for a new one.',
);
