// The SBOM's conda packages (record.conda, from each conda-meta/*.json): pkg:conda components.
import { ComponentType } from '@cyclonedx/cyclonedx-library/Enums';
import { Component } from '@cyclonedx/cyclonedx-library/Models';
import type { EnvRecord } from '../capture/record.js';
import { canonicalName } from '../requirements/parse.js';
import { condaPurl, localRef } from './purl.js';

/** The SBOM's scrubbing of a record's strings and its ml-image:* property writer (sbom.ts). */
interface SbomText {
  clean: (s: string) => string;
  cut: (s: string) => string;
  prop: (c: Component, name: string, value: string | null | undefined) => void;
}

/**
 * A version as a key both package managers' spellings of one release share (PEP 440's release
 * comparison): lower case, a leading v dropped, each release number without leading zeros and
 * trailing .0s dropped (conda-forge's certifi 2024.02.02 is pip's 2024.2.2; 1.0 is 1.0.0).
 */
export function versionKey(version: string): string {
  const m = /^v?(\d+(?:\.\d+)*)(.*)$/i.exec(version.trim());
  if (!m) return version.trim().toLowerCase();
  // Leading zeros taken off as text: a long number would lose digits as a Number.
  const release = m[1]!.split('.').map((n) => n.replace(/^0+(?=\d)/, ''));
  while (release.length > 1 && release.at(-1) === '0') release.pop();
  return `${release.join('.')}${m[2]!.toLowerCase()}`;
}

/**
 * Each conda package as a library component, pkg:conda/<name>@<version>?build=&channel=&subdir=.
 * A Python package conda installed has a dist-info too, so pip lists it as well, at the same
 * version: it stays one component, the pip one (pkg:pypi is what scanners match Python advisories
 * by, and one install is one component), with conda's build, channel and subdir as ml-image:conda.*
 * properties. Any other conda package is its own component with its pkg:conda purl: a name no pip
 * distribution has (mkl, pytorch-cuda, cuda-*), and a name pip has at another version (conda's
 * cuda-toolkit 12.4.1 beside pip's cuda-toolkit 13.0.2: two installs, each for scanners to match).
 */
export function condaComponents(
  record: EnvRecord,
  pipList: readonly Component[],
  { clean, cut, prop }: SbomText,
): Component[] {
  // The pip components by canonical name and version: conda's install of the distribution pip lists.
  const pipOf = new Map(
    pipList.map((c) => [JSON.stringify([canonicalName(c.name), versionKey(c.version ?? '')]), c]),
  );
  const out = new Map<string, Component>();
  const seen = new Set<string>();
  for (const p of record.conda ?? []) {
    // One package alike in two environments (probe 6 lists it in each) is one component, described once.
    const same = JSON.stringify([p.name, p.version, p.build, p.channel, p.subdir]);
    if (seen.has(same)) continue;
    seen.add(same);
    // The version cut before the purl is built from it (sbom.ts cut).
    const [name, version] = [clean(p.name), cut(clean(p.version))];
    // Every string scrubbed: a channel URL can hold a token (https://conda.anaconda.org/t/<token>/).
    const q = {
      build: p.build && clean(p.build),
      channel: p.channel && clean(p.channel),
      subdir: p.subdir && clean(p.subdir),
    };
    const purl = condaPurl({ name, version, ...q });
    const bomRef = purl ?? localRef('conda', name, version, q.build, q.channel, q.subdir);
    const pip = pipOf.get(JSON.stringify([canonicalName(name), versionKey(version)]));
    const c =
      pip ??
      out.get(bomRef) ??
      new Component(ComponentType.Library, name, {
        bomRef,
        ...(purl !== undefined && { purl }),
        ...(version !== '' && { version }),
      });
    for (const [k, v] of Object.entries(q)) prop(c, `conda.${k}`, v);
    if (!pip) out.set(bomRef, c);
  }
  return [...out.values()];
}
