// A URL given where the CLI expected a path comes back resolved in the error that names the path,
// its `//` made one by path.resolve (`/work/https:/u:pw@h/x.yml: not found`): redactUrls, which
// reads `scheme://` as the shared rules do (images/probe/redaction-rules.json), does not see it as
// a URL. Not a shared rule: the probe resolves no paths, only the tool's own messages do.

/** `scheme:/userinfo@`: one slash, then the userinfo up to its `@`. */
const COLLAPSED_USERINFO_G = /\b([a-z][a-z0-9+.-]*:\/)(?!\/)([^\s/@]+)@/gi;

/** TEXT with each such userinfo replaced by MASK; one that is a mask already (KEEP) stays. */
export function maskCollapsedUserinfos(text: string, mask: string, keep: readonly string[] = []): string {
  if (!text.includes('@') || !text.includes(':/')) return text;
  return text.replace(COLLAPSED_USERINFO_G, (whole, scheme: string, info: string) =>
    info === mask || keep.includes(info) ? whole : `${scheme}${mask}@`,
  );
}
