import { mailInvitation } from '@civic/app';
import type { Role } from '@civic/core';
import type { FastifyRequest } from 'fastify';
import type { ServerDeps } from './route-module.ts';

/** Where the web app is: APP_URL when set, else the origin this request came to. */
export function appOrigin(deps: ServerDeps, req: FastifyRequest): string {
  const configured = deps.mail?.appUrl?.trim();
  return (configured ? configured : `${req.protocol}://${req.host}`).replace(/\/+$/, '');
}

/**
 * The link of an invitation's token, e-mailed in the request's language when SMTP_URL is set; the
 * link is always returned too, for the admin to copy (a failed e-mail loses nothing).
 */
export async function sendInvitationLink(
  deps: ServerDeps,
  req: FastifyRequest,
  invitation: {
    readonly token: string;
    readonly email: string;
    readonly role: Role;
    readonly expiresAt: string;
  },
  organisationName: string,
): Promise<{ link: string; mailed: boolean }> {
  const link = `${appOrigin(deps, req)}/invitation/${invitation.token}`;
  const mailed = await mailInvitation(deps.mail ?? {}, {
    to: invitation.email,
    link,
    organisationName,
    role: invitation.role,
    expiresAt: invitation.expiresAt,
    locale: req.locale,
  });
  return { link, mailed };
}
