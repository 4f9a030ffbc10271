// A URL without its login: what names a repository in labels and attestations (no user, no
// password, no token in place of a user name). Pure.

/**
 * URL with the userinfo of its authority taken out: `https://ci:pw@host/r` -> `https://host/r`. The
 * userinfo runs to the last @ before the path, query or fragment (a password may hold a raw @, as
 * git and WHATWG URLs read it).
 */
export function withoutUserinfo(url: string): string {
  return url.replace(/^([A-Za-z][A-Za-z0-9+.-]*:\/\/)[^/?#]*@/, '$1');
}
