// The SBOM as SPDX 2.3 JSON (`ml-image sbom --format spdx`), converted from the CycloneDX SBOM
// (buildSbom) so that the two formats always say the same thing:
//   - each CycloneDX component is a package: its version, its purl as an external reference (and
//     its CPE, the interpreter's, as a SECURITY cpe23Type one), its type as the package's purpose,
//     its group as the supplier, its ml-image:* properties as annotations
//     (ml-image:cuda.runtime=12.8), no files (filesAnalyzed false);
//   - the document DESCRIBES the image, which CONTAINS every other package but the base image, of
//     which it is a DESCENDANT_OF; pip's requirements are DEPENDS_ON relationships.
// Deterministic as the CycloneDX SBOM is: SPDX ids from the bom-refs, the namespace from its serial
// number (a hash of its content), the creation time from the record's capture (whole seconds, as
// SPDX writes times; a record without a readable one: the time of writing, named in the
// namespace). Every string was scrubbed on the way into the CycloneDX SBOM. Pure.
// The tests run the SPDX project's own validator on it (pyspdxtools, from scripts/test-env.sh).
import { buildSbom, SBOM_PROPERTY_PREFIX, type SbomInput } from './sbom.js';
import { TOOL_NAME } from './types.js';

interface CdxComponent {
  type?: string;
  name?: string;
  group?: string;
  version?: string;
  description?: string;
  purl?: string;
  cpe?: string;
  'bom-ref'?: string;
  properties?: { name: string; value: string }[];
}

interface CdxBom {
  serialNumber?: string;
  metadata?: {
    timestamp?: string;
    component?: CdxComponent;
    tools?: { components?: CdxComponent[] };
  };
  components?: CdxComponent[];
  dependencies?: { ref: string; dependsOn?: string[] }[];
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  supplier?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  primaryPackagePurpose?: string;
  description?: string;
  externalRefs?: (
    | { referenceCategory: 'PACKAGE-MANAGER'; referenceType: 'purl'; referenceLocator: string }
    | { referenceCategory: 'SECURITY'; referenceType: 'cpe23Type'; referenceLocator: string }
  )[];
  annotations?: { annotationDate: string; annotationType: 'OTHER'; annotator: string; comment: string }[];
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'CONTAINS' | 'DESCENDANT_OF' | 'DEPENDS_ON';
  relatedSpdxElement: string;
}

export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

/** Where the documents' namespaces live: a URI of this tool's, never fetched (SPDX 2.3 section 6.5). */
const SPDX_NAMESPACE_BASE = 'https://ml-image-action.github.io/spdx';
const DOCUMENT = 'SPDXRef-DOCUMENT';

/** CycloneDX component types as SPDX 2.3 package purposes (anything else: OTHER). */
const PURPOSE: Record<string, string> = {
  application: 'APPLICATION',
  framework: 'FRAMEWORK',
  library: 'LIBRARY',
  container: 'CONTAINER',
  'operating-system': 'OPERATING-SYSTEM',
  device: 'DEVICE',
  firmware: 'FIRMWARE',
  file: 'FILE',
};

const SPDX_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

/** A time as SPDX writes times (YYYY-MM-DDThh:mm:ssZ: whole seconds, UTC), or undefined. */
function spdxTime(iso: string | undefined): string | undefined {
  const t = iso === undefined ? Number.NaN : Date.parse(iso);
  const text = Number.isNaN(t) ? '' : new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return SPDX_TIME.test(text) ? text : undefined;
}

/** SPDX ids ("SPDXRef-" and letters, digits, "." and "-"), one per bom-ref, unique in the document. */
function idMaker(): (ref: string) => string {
  const taken = new Set<string>([DOCUMENT]);
  return (ref) => {
    const base = `SPDXRef-${ref.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '') || 'package'}`;
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  };
}

const roleOf = (c: CdxComponent) =>
  c.properties?.find((p) => p.name === `${SBOM_PROPERTY_PREFIX}ml-stack`)?.value;

type Annotation = NonNullable<SpdxPackage['annotations']>[number];

function packageOf(c: CdxComponent, id: string, annotate: (comment: string) => Annotation): SpdxPackage {
  const purpose = c.type === undefined ? undefined : (PURPOSE[c.type] ?? 'OTHER');
  const annotations = (c.properties ?? []).map((p) => annotate(`${p.name}=${p.value}`));
  // The purl, and the CPE (the interpreter's: cpe.ts) as SPDX 2.3 names it (cpe23Type).
  const externalRefs: NonNullable<SpdxPackage['externalRefs']> = [
    ...(c.purl !== undefined
      ? [{ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: c.purl } as const]
      : []),
    ...(c.cpe !== undefined
      ? [{ referenceCategory: 'SECURITY', referenceType: 'cpe23Type', referenceLocator: c.cpe } as const]
      : []),
  ];
  return {
    SPDXID: id,
    name: c.name ?? '',
    ...(c.version !== undefined && { versionInfo: c.version }),
    ...(c.group !== undefined && { supplier: `Organization: ${c.group}` }),
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    ...(purpose !== undefined && { primaryPackagePurpose: purpose }),
    ...(c.description !== undefined && { description: c.description }),
    ...(externalRefs.length > 0 && { externalRefs }),
    ...(annotations.length > 0 && { annotations }),
  };
}

/** The SPDX 2.3 document of a CycloneDX SBOM that buildSbom made. */
export function spdxFromCycloneDx(bom: CdxBom, now: Date = new Date()): SpdxDocument {
  const image = bom.metadata?.component ?? {};
  const tool = bom.metadata?.tools?.components?.[0];
  // The record's capture time (the SBOM's timestamp): the same record, the same document. A record
  // without a readable one gets the time of writing, and its namespace names that time too (SPDX:
  // another document, another namespace).
  const captured = spdxTime(bom.metadata?.timestamp);
  const created = captured ?? spdxTime(now.toISOString())!;
  const annotator = `Tool: ${TOOL_NAME}-${tool?.version ?? 'unknown'}`;
  const annotate = (comment: string): Annotation => ({
    annotationDate: created,
    annotationType: 'OTHER',
    annotator,
    comment,
  });
  const idOf = idMaker();
  const imageId = idOf(image['bom-ref'] ?? 'image');
  const ids = new Map<string, string>();
  const components = bom.components ?? [];
  const packages = [packageOf(image, imageId, annotate)];
  const relationships: SpdxRelationship[] = [
    { spdxElementId: DOCUMENT, relationshipType: 'DESCRIBES', relatedSpdxElement: imageId },
  ];
  for (const c of components) {
    const id = idOf(c['bom-ref'] ?? c.name ?? 'package');
    if (c['bom-ref'] !== undefined) ids.set(c['bom-ref'], id);
    packages.push(packageOf(c, id, annotate));
    relationships.push(
      roleOf(c) === 'base.image'
        ? { spdxElementId: imageId, relationshipType: 'DESCENDANT_OF', relatedSpdxElement: id }
        : { spdxElementId: imageId, relationshipType: 'CONTAINS', relatedSpdxElement: id },
    );
  }
  for (const d of bom.dependencies ?? []) {
    const from = ids.get(d.ref);
    for (const to of d.dependsOn ?? []) {
      const target = ids.get(to);
      if (from !== undefined && target !== undefined)
        relationships.push({
          spdxElementId: from,
          relationshipType: 'DEPENDS_ON',
          relatedSpdxElement: target,
        });
    }
  }
  const name = [image.name, image.version].filter((s) => s !== undefined && s !== '').join('@') || 'image';
  const serial = (bom.serialNumber ?? '').replace(/^urn:uuid:/, '');
  const slug = (image.name ?? 'image').replace(/[^A-Za-z0-9._-]+/g, '-');
  const written = captured ? '' : `-${created.replace(/[-:]/g, '')}`;
  return {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: DOCUMENT,
    name,
    documentNamespace: `${SPDX_NAMESPACE_BASE}/${slug}-${serial || 'unknown'}${written}`,
    creationInfo: { created, creators: [annotator] },
    packages,
    relationships,
  };
}

/** The SBOM of one image (one platform) as SPDX 2.3 JSON: buildSbom's, converted. */
export function buildSpdx(input: SbomInput, now: Date = new Date()): SpdxDocument {
  return spdxFromCycloneDx(buildSbom(input) as CdxBom, now);
}
