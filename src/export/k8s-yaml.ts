// job.yaml as text: the manifests of src/export/k8s.ts as one multi-document YAML file that every
// reader takes the same way, and the command that applies it. Pure: the caller writes the file.
import { Document, visit } from 'yaml';
import { VERSION } from '../version.js';
import { EXPORT_MARKER } from './common.js';

export const K8S_JOB_FILE = 'job.yaml';

/**
 * How FILE (job.yaml) is applied, the first time and every time after: what an earlier export
 * applied goes first. A Job's pod template cannot change in place ("field is immutable"), and a
 * finished Job stays a day (ttlSecondsAfterFinished) under the same name, so `kubectl apply` alone
 * would fail on it, or, for the same image, leave the finished Job as it is and run nothing. The
 * foreground delete returns once the earlier Job's pods are gone too: `kubectl logs -l` then shows
 * this run's pods only.
 */
export const k8sSubmit = (file: string): string =>
  `kubectl delete -f ${file} --ignore-not-found --cascade=foreground && kubectl apply -f ${file}`;

/**
 * A one-line string left plain in job.yaml: letters, digits and ._/@:+-, a letter or "/" first (no
 * number, timestamp or .inf to YAML 1.1, 1.2 or Go), and no word of YAML 1.1's booleans and null or
 * Go's strconv.ParseBool and ParseFloat (t, f, inf, infinity, nan), in any case.
 */
export function plainYamlString(s: string): boolean {
  return (
    /^[A-Za-z/][A-Za-z0-9._/@:+-]*$/.test(s) &&
    !/^(?:y|n|t|f|yes|no|on|off|true|false|null|inf|infinity|nan)$/i.test(s)
  );
}

/**
 * What job.yaml never holds raw: YAML 1.1's line breaks beyond \n and \r (NEL, U+2028, U+2029: a
 * YAML 1.2 reader takes them as text), and the characters neither version lets a stream hold (DEL,
 * the C1 controls, U+FFFE and U+FFFF: kubectl and PyYAML refuse the file). The yaml package escapes
 * the C0 controls itself.
 */
const YAML_RAW_NEVER = /[\u007f-\u009f\u2028\u2029\ufffe\uffff]/;
const YAML_RAW_NEVER_ALL = new RegExp(YAML_RAW_NEVER.source, 'g');

/** The manifests as one multi-document YAML file for `kubectl apply -f`. */
export function k8sYaml(objects: readonly Record<string, unknown>[]): string {
  // No anchors for the shared label objects: plain YAML reads the same in every tool. Written with
  // the 1.2 schema: the 1.1 one writes the string "<<" as a plain merge key whatever its type (PyYAML
  // then refuses the file), and what 1.1 reads otherwise is quoted here (plainYamlString). kubectl
  // (sigs.k8s.io/yaml) reads YAML 1.1 with Go's strconv for numbers (0o17, 0X10, 0B11, 1e1_0): a
  // one-line string that is not plainly a word, keys included, is double-quoted. A string of several
  // lines is a block scalar, a string to every reader. A string holding a line break of YAML 1.1's
  // own (NEL, U+2028, U+2029: kubectl's and PyYAML's reader folds or splits there, in a block
  // scalar too) or a character no YAML stream may hold (DEL, C1, U+FFFE, U+FFFF) is double-quoted,
  // each written as its escape.
  const header = `# ml-image smoke suites: a ConfigMap and a Job (Indexed, with a headless Service, for several pods), ${EXPORT_MARKER} ${VERSION}.\n# Run it, and again (an earlier run of this name goes first: a Job cannot change in place): ${k8sSubmit(K8S_JOB_FILE)}\n`;
  const yaml = (o: Record<string, unknown>) => {
    const doc = new Document(o, { version: '1.2', aliasDuplicateObjects: false });
    visit(doc, {
      Scalar(_key, node) {
        if (
          typeof node.value === 'string' &&
          (YAML_RAW_NEVER.test(node.value) || (!node.value.includes('\n') && !plainYamlString(node.value)))
        )
          node.type = 'QUOTE_DOUBLE';
      },
    });
    // The yaml package leaves them raw inside double quotes (it quotes by JSON.stringify): each is
    // then inside a double-quoted scalar, where its escape reads as the character in YAML 1.1 and 1.2.
    return doc
      .toString({ lineWidth: 0 })
      .replace(YAML_RAW_NEVER_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  };
  return header + objects.map(yaml).join('---\n');
}
