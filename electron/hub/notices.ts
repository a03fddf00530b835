// The short pages the hub writes itself: the sign-in button a lecturer's link opens, and the
// notices that a sign-in is needed or a link is spent. No script; styled by the hub page's
// sheet (/hub.css, built from renderer/hub/hub.css). The hub's own page is React, built by
// Vite (renderer/hub/), and served from the built files with the same policy, PAGE_CSP.
// A form, not a React page: the sign-in must work without script (a link opened anywhere),
// and its answers are the server's own (401 with the notice, or a redirect).

/** No inline script or style: the page's own files only. */
export const PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

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
