// A URL given where the CLI expected a path comes back resolved in the error that names the path,
// its `//` made one by path.resolve (`/work/https:/u:pw@h/x.yml: not found`): redactUrls, which
// reads `scheme://` as the shared rules do (images/probe/redaction-rules.json), does not see it as
// a URL. Not a shared rule: the probe resolves no paths, only the tool's own messages do, so it is
// applied to error messages (redactMessage), never to content (a record's `git+file:/src@v1`).

/**
 * `scheme:/userinfo@`: one slash, then the userinfo to its last `@` before a `/` or a blank (a
 * password may hold `@`). The scheme is at most 31 characters, as redactUrls reads one: unbounded,
 * a long run of `a.a.a...` was tried from each of its letters (quadratic: 1 MB took minutes).
 */
const COLLAPSED_USERINFO_G = /\b([a-z][a-z0-9+.-]{0,30}:\/)(?!\/)([^\s/]+)@/gi;

/** TEXT with each such userinfo replaced by MASK; one that is a mask already (KEEP) stays. */
export function maskCollapsedUserinfos(text: string, mask: string, keep: readonly string[] = []): string {
  if (!text.includes('@') || !text.includes(':/')) return text;
  return text.replace(COLLAPSED_USERINFO_G, (whole, scheme: string, info: string) =>
    info === mask || keep.includes(info) ? whole : `${scheme}${mask}@`,
  );
}
