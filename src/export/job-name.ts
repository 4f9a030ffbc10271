// The job's name: the default an export gives (jobNameFor) and the check of any (checkJobName).
import { InputError } from '../errors.js';
import { repositoryOf } from '../oci/ref.js';
import { sha256 } from '../util/file-digest.js';

/** The job name without --name or a variant, and the prefix of every default one. */
export const DEFAULT_JOB_NAME = 'ml-image-smoke';

/** A DNS-1123 label short enough for Indexed Job pod hostnames (NAME-INDEX) and "-scripts". */
export function checkJobName(name: string, field = '--name'): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name) || name.length > 52)
    throw new InputError(
      `${field}: "${name}" must be lowercase letters, digits and "-", start and end with a letter or digit, at most 52 characters`,
    );
  return name;
}

/**
 * The default job name: the variant's DNS-label slug and 6 hex of a hash of the image's repository
 * and the variant ("cuda12.8" of ghcr.io/acme/train -> "ml-image-smoke-cuda12-8-<6 hex>"). The
 * Kubernetes submit line deletes an earlier Job of the same name, running or not: a re-export of the
 * same repository and variant replaces its own earlier run, while another repository's, or a variant
 * the slug folds onto the same letters (cuda12.8, cuda12-8, cuda12_8) or cuts to the same 30, keeps
 * its own.
 */
export function jobNameFor(image: string, variant: string | undefined): string {
  // The registry's host is case-blind (Ghcr.io is ghcr.io): one repository, one name.
  const hash = sha256(`${repositoryOf(image).toLowerCase()}\n${variant ?? ''}`).slice(0, 6);
  const slug = (variant ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return [DEFAULT_JOB_NAME, slug, hash].filter(Boolean).join('-');
}
