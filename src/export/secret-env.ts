// The Slurm job keeps the submitter's secrets out of the image under test. sbatch exports the
// submitting shell's environment, srun hands the job script's environment to its task, and Pyxis sets
// it in the container: HF_TOKEN, AWS_SECRET_ACCESS_KEY and the like would reach an image that may be
// untrusted and has the network. The job unsets, before any srun, every exported variable whose name
// looks secret by the project's one rule (images/probe/redaction-rules.json, secretName), turned into
// a bash regular expression here. Pure: text only.
import { REDACTION_RULES, type RedactionRules } from '../util/redact.js';

/**
 * Names the job never unsets: Slurm's, its own, those Enroot and Pyxis read, and the fabric and
 * MPI settings a multi-node step needs (NCCL_IB_PKEY and UCX_IB_PKEY are InfiniBand partition
 * keys, not secrets).
 */
export const KEPT_PREFIXES = [
  'SLURM_',
  'ML_IMAGE_',
  'ENROOT_',
  'PYXIS_',
  'NCCL_',
  'UCX_',
  'OMPI_',
  'PMIX_',
  'FI_',
] as const;
/** Names (space-separated) the job passes on although they look secret, e.g. a token .credentials reads. */
export const KEEP_ENV_VAR = 'ML_IMAGE_KEEP_ENV';

// The rule's only lookarounds: PASS and PAT as words of their own, PWD after a non-letter. POSIX ERE
// has none; a non-letter or the end of the name stands for them ([[ =~ ]] only asks whether the
// name matches). [:alpha:] rather than a range: ranges in a bracket follow the locale's collation.
const LOOKAROUNDS: readonly [string, string][] = [
  ['(?<![A-Za-z])', '(^|[^[:alpha:]])'],
  ['(?![A-Za-z])', '([^[:alpha:]]|$)'],
  ['(?<=[^A-Za-z])', '[^[:alpha:]]'],
];

/**
 * The secretName rule as a POSIX ERE for bash's [[ =~ ]], and whether the name is upper-cased first
 * (the rule ignores case; bash's ${n^^}). Throws when the rule holds a construct this translation
 * does not know (a unit test then fails, before any job is written).
 */
export function secretNameEre(rule: RedactionRules['secretName'] = REDACTION_RULES.secretName): {
  ere: string;
  upper: boolean;
} {
  let text = rule.pattern;
  LOOKAROUNDS.forEach(([js], i) => (text = text.split(js).join(`~${i}`)));
  if (rule.ignoreCase) text = text.toUpperCase();
  // Letters, digits, _ and the operators ERE reads as JavaScript does; no (?, class, escape or brace.
  if (rule.pattern.includes('~') || !/^(?:[A-Za-z0-9_|()?*+]|~[0-9])*$/.test(text) || text.includes('(?'))
    throw new Error(
      `redaction-rules.json: secretName "${rule.pattern}" holds a construct the Slurm job's bash pattern cannot express (src/export/secret-env.ts)`,
    );
  LOOKAROUNDS.forEach(([, ere], i) => (text = text.split(`~${i}`).join(ere)));
  return { ere: text, upper: rule.ignoreCase };
}

/** The job script's lines (bash) that unset the secret-looking variables and name them on stderr. */
export function hideSecretsShell(rule?: RedactionRules['secretName']): string {
  const { ere, upper } = secretNameEre(rule);
  const keep = KEPT_PREFIXES.map((p) => `${p}*`).join('|');
  return `# The submitting shell's environment reaches the image under test (sbatch exports it, srun passes it
# on, Pyxis sets it in the container): variables whose names look secret (the secretName rule of
# ml-image's redaction) stay out. ${KEEP_ENV_VAR}="NAME ..." passes the names given on, e.g. a
# token that Enroot's .credentials reads as $NAME to pull the image.
SECRET_NAME_RE='${ere}'
hide_secrets() {
  local n names hidden='' count=0
  if ! names=$(compgen -e); then
    echo "ml-image: this bash cannot list the environment (compgen): variables whose names look secret may reach the image under test" >&2
    return 0
  fi
  for n in $names; do
    case $n in ${keep}) continue ;; esac
    case " \${${KEEP_ENV_VAR}:-} " in *" $n "*) continue ;; esac
    if [[ ${upper ? '${n^^}' : '$n'} =~ $SECRET_NAME_RE ]] && unset -v "$n"; then
      hidden+=" $n"; count=$((count + 1))
    fi
  done
  if [ "$count" -gt 0 ]; then
    printf '%s\\n' "ml-image: not passing $count variable(s) whose names look secret into the image under test:$hidden (${KEEP_ENV_VAR}=NAME passes one on)" >&2
  fi
}
hide_secrets`;
}
