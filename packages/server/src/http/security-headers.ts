import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The API docs page (Swagger UI) sets some styles inline. */
const DOCS_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'");

/** A brief page (self-contained HTML with inline styles and SVG, no scripts): framed only by the app itself (the Monitor's preview). */
const BRIEF_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";
const isBriefPage = (url: string): boolean => /^\/api\/v1\/briefs\/[^/?]+(?:\?|$)/.test(url);

/**
 * Security headers on every answer (API, web app, errors, 404s): a Content-Security-Policy that
 * allows only this origin, no framing, no MIME sniffing, no referrer to other sites, no powerful
 * browser features, and HSTS when the request came over TLS.
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    setSecurityHeaders(req, reply);
    return payload;
  });
}

/** The headers of registerSecurityHeaders on one answer (also for answers sent outside the hooks). */
export function setSecurityHeaders(req: FastifyRequest, reply: FastifyReply): void {
  const brief = isBriefPage(req.url);
  reply.header(
    'content-security-policy',
    brief ? BRIEF_CSP : req.url.startsWith('/api/v1/docs') ? DOCS_CSP : CSP,
  );
  reply.header('x-content-type-options', 'nosniff');
  reply.header('x-frame-options', brief ? 'SAMEORIGIN' : 'DENY');
  reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  reply.header(
    'permissions-policy',
    'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
  );
  reply.header('cross-origin-opener-policy', 'same-origin');
  reply.header('cross-origin-resource-policy', 'same-origin');
  reply.header('x-request-id', req.id);
  if (req.protocol === 'https')
    reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
  if (req.url.startsWith('/api/') && !reply.hasHeader('cache-control'))
    reply.header('cache-control', 'no-store');
}
