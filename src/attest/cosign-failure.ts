// What a failed cosign run means, from its stderr (already redacted): a failed check (nothing
// signed, or not by that key or identity), an unreachable registry or Sigstore, refused
// credentials, bad input, its cache, or unknown. cosign quotes some of what the registry holds in
// its errors: that text never decides (classifyFailure).

/** What a failed cosign run means, from its stderr (already redacted). */
export type CosignFailure =
  | { kind: 'missing'; detail: string } // nothing signed/attested (of that type): a check failure
  | { kind: 'invalid'; detail: string } // present but not by that key/identity: a check failure
  | { kind: 'unreachable'; service: 'registry' | 'sigstore'; detail: string }
  | { kind: 'denied'; detail: string } // the registry refused the credentials
  | { kind: 'input'; detail: string } // key, password, predicate file, reference
  | { kind: 'cache'; detail: string } // its Sigstore cache (TUF_ROOT) held or written by another cosign
  | { kind: 'unknown'; detail: string };

/** cosign's own error line ("Error: ..."), else the last non-empty line. */
export function cosignErrorLine(stderr: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const err = lines.filter((l) => l.startsWith('Error: ')).pop();
  if (err !== undefined) return err.slice('Error: '.length);
  const exec = lines.filter((l) => l.startsWith('error during command execution: ')).pop();
  return exec?.slice('error during command execution: '.length) ?? lines.pop() ?? '(no output)';
}

const NETWORK =
  /connection refused|no such host|i\/o timeout|dial tcp|TLS handshake|server gave HTTP response to HTTPS client|certificate signed by unknown authority|context deadline exceeded|connection reset by peer|network is unreachable/i;
const SIGSTORE = /rekor|fulcio|sigstore\.dev|tuf-repo|trusted root/i;
const DENIED = /\b(UNAUTHORIZED|DENIED)\b|401 Unauthorized|403 Forbidden|authentication required/;
const INPUT =
  /reading key|loading public key|decrypt|getting predicate reader|invalid predicate type|parsing reference|could not parse reference|env var \$\S+ not found|reading password|password|invalid character .* in literal|unexpected end of JSON/i;
// "no matching signatures: <why>" / "no matching attestations: <why>": cosign had some and none
// held (another key, a statement about another digest, an unsigned or malformed envelope, a layer
// whose blob is not the size it declares); with nothing after the colon it had none.
const INVALID =
  /invalid signature|signature mismatch|accepted signatures do not match threshold|none of the expected identities|expected (identity|issuer)|failed to verify|no matching subject digest found|no matching signatures: .|no matching attestations: ./i;
// An image index pushed at the .sig/.att tag holds no signature or attestation layers: nothing
// there, as the built-in verifier reads it (go-containerregistry looks for this platform's child).
const MISSING =
  /no signatures found|none of the attestations matched the predicate type|no matching attestations: *$|no matching signatures: *$|MANIFEST_UNKNOWN|NAME_UNKNOWN|no child with platform \S+ in index \S+\.(sig|att)$/i;

// The cache (sigstore/cosign#2576) before INVALID: cosign may report it after "no matching signatures: ".
const CACHE = /creating cached local store|failed to persist metadata|local cache may be corrupt/i;

/**
 * A registry or the log failing while cosign reads (a 5xx, throttling, a blob the registry lists
 * but cannot serve), which cosign may report after "no matching attestations: ": no check result.
 */
const TROUBLE =
  /unexpected status code|status code 5\d\d|\b50[0-4]\b|BLOB_UNKNOWN|TOOMANYREQUESTS|too many requests|searching log query/i;

/**
 * An envelope's payloadType as cosign quotes it ("invalid payloadType %s on envelope. Expected
 * ..."): any text the registry holds, line breaks too, so "connection refused" or a line "Error:
 * reading key" would pass for cosign's own words (exit 3 or 2 for a tampered attestation). Replaced
 * up to the last of cosign's own endings, so an ending written into it does not end it.
 */
const PAYLOAD_TYPE = /invalid payloadType [\s\S]* on envelope\. Expected application\/vnd\.in-toto\+json/;

/** The subjects and issuer of a certificate that matched no expected identity: shown, not judged. */
const SUBJECTS =
  /(none of the expected identities matched what was in the certificate), got subjects \[[^\n]*/g;

export function classifyFailure(stderr: string): CosignFailure {
  const detail = cosignErrorLine(
    stderr.replace(
      PAYLOAD_TYPE,
      'invalid payloadType (as the registry holds it) on envelope. Expected application/vnd.in-toto+json',
    ),
  );
  // What the failure is, from cosign's own words only: a branch or repository in a certificate's
  // subject (refs/heads/DENIED, .../500) is no registry's answer.
  const own = detail.replace(SUBJECTS, '$1');
  if (NETWORK.test(own))
    return { kind: 'unreachable', service: SIGSTORE.test(own) ? 'sigstore' : 'registry', detail };
  if (CACHE.test(own)) return { kind: 'cache', detail };
  if (DENIED.test(own)) return { kind: 'denied', detail };
  if (TROUBLE.test(own)) return { kind: 'unknown', detail };
  if (INVALID.test(own)) return { kind: 'invalid', detail };
  if (MISSING.test(own)) return { kind: 'missing', detail };
  if (INPUT.test(own)) return { kind: 'input', detail };
  return { kind: 'unknown', detail };
}
