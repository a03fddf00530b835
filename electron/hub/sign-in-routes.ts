// A lecturer's sign-in on a hub beyond this machine: the one-time link from
// `olifant hub add-lecturer`, opened, shows a button; only its POST, from the hub's own page,
// spends the link and starts a session (an HttpOnly, SameSite=Strict cookie).

import type { FastifyInstance, FastifyReply } from 'fastify';
import { httpStatusOf } from '../api/errors.ts';
import { SESSION_COOKIE, SESSION_MS, type Lecturers } from './lecturers.ts';
import { LINK_USED_HTML, PAGE_CSP, SIGN_IN_CSP, signInHtml } from './notices.ts';

export interface SignInDoors {
  lecturers: Lecturers;
  /** The session cookie is sent over HTTPS only (the hub has TLS, or a proxy in front has). */
  secure: boolean;
  /** The routes' words when they fail, and their deadline. */
  route: { config: { failure: string }; handlerTimeout: number };
}

export function signInRoutes(app: FastifyInstance, doors: SignInDoors): void {
  // Opening a sign-in link (a click in a mail, a link preview, a HEAD) spends nothing: it shows
  // a button, and only its POST, from the hub's own page, signs in. So the SameSite=Strict
  // cookie is set by a same-site request, and the browser sends it on to the presenter.
  const linkUsed = (reply: FastifyReply) => reply.code(httpStatusOf('not-signed-in')).type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP).send(LINK_USED_HTML);
  const linkToken = (token: unknown) => (typeof token === 'string' && /^[\w-]{43}$/.test(token) ? token : null);
  app.get<{ Querystring: { token?: string } }>('/signin', doors.route, (request, reply) => {
    const token = linkToken(request.query.token);
    if (token === null || !doors.lecturers.linkValid(token)) return linkUsed(reply);
    return reply.type('text/html; charset=utf-8').header('content-security-policy', SIGN_IN_CSP).header('cache-control', 'no-store').header('referrer-policy', 'same-origin').send(signInHtml(token));
  });
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, body, done) => done(null, Object.fromEntries(new URLSearchParams(body as string))));
  app.post<{ Body: { token?: unknown } }>('/signin', doors.route, (request, reply) => {
    const token = linkToken(request.body?.token);
    const session = token === null ? null : doors.lecturers.redeem(token);
    if (session === null) return linkUsed(reply);
    reply.setCookie(SESSION_COOKIE, session, { httpOnly: true, sameSite: 'strict', secure: doors.secure, path: '/', maxAge: SESSION_MS / 1000 });
    return reply.redirect('/presenter/', 303);
  });
}
