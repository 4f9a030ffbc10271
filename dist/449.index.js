export const id = 449;
export const ids = [449];
export const modules = {

/***/ 41449:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   formatBytes: () => (/* binding */ formatBytes),
/* harmony export */   isBuildTag: () => (/* binding */ isBuildTag),
/* harmony export */   readBuiltTargets: () => (/* binding */ readBuiltTargets),
/* harmony export */   readRunBuild: () => (/* binding */ readRunBuild),
/* harmony export */   removeBuildImages: () => (/* binding */ removeBuildImages)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _build_result_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(99183);
/* harmony import */ var _capture_record_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(66917);
/* harmony import */ var _build_push_tag_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2851);
/* harmony import */ var _config_platform_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(15063);
/* harmony import */ var _oci_ref_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(17700);
/* harmony import */ var _results_results_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(95899);
/* harmony import */ var _smoke_local_image_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(79450);
/* harmony import */ var _util_text_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(49997);
// The post step's removal of the images a run left in the engine of a self-hosted runner (a
// GitHub-hosted VM is discarded after the job): the local tags its build left and the pushed
// platform images its smoke stage pulled by digest, as build.json (read through the results
// contract) records them. Loaded by post.ts only when there is something to remove, so that every
// other post step loads no schema of the results.
//
// Only with keep-images: false (on a runner where one job at a time uses the engine: two jobs that
// build the same content share the image). What is removed, and only that:
//   - the tags this run's build left (build.json's localRef, REPO:ml-image-local-VARIANT-ARCH, and
//     the docker driver's push tag of this run, REPO:ml-image-build-VARIANT-ARCH or, for a scoped
//     run, REPO:ml-image-build.SCOPE-VARIANT-ARCH (prN, untrusted or ref-<8 hex>: push-tag.ts;
//     src/build localTag), only while they still name the image build.json records (a
//     concurrent job's newer image under one is left alone); never another run's tag on the image;
//   - the tags a load put on the image besides its local tag (build.json's loadedTags: a variant
//     built for one platform), again only while they name the image build.json records;
//   - REPO@DIGEST of each platform build.json records, when the engine holds it.
// A smoke-only run (no build stage: its build.json is the one the workflow downloaded) built
// nothing: the build tags are the build job's, kept or removed by its own post step on a runner
// that shares the engine. It removes only REPO@DIGEST, and only while the image carries no tag
// (what its smoke stage's pull by digest leaves; a tagged one is another job's, left with a line).
// A run that builds reads only the build.json its build wrote (newer than the run, no link); with
// none (a build that failed or was cancelled), the targets its main step saved as they were built
// (and the image a failed push of the docker driver left under its push tag: src/build/target.ts).
// Only images the build labelled with the variant qualify: never a base image, never a tag of
// another shape. Removal is without force: an image a container uses is left, with a line.










/** Whether REF is a tag the build leaves for this variant and platform (REPO:ml-image-local-/-build-). */
function isBuildTag(ref, v, platform) {
    const colon = ref.lastIndexOf(':');
    if (ref.includes('@') || colon < 0 || colon < ref.lastIndexOf('/'))
        return false;
    const arch = (0,_config_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .archOf */ .Qh)(platform);
    if (arch === undefined || (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .repositoryOf */ ._M)(ref.slice(0, colon)) !== (0,_oci_ref_js__WEBPACK_IMPORTED_MODULE_5__/* .repositoryOf */ ._M)(v.repository))
        return false;
    const shape = new RegExp(`^(?:ml-image-local-|${_build_push_tag_js__WEBPACK_IMPORTED_MODULE_4__/* .BUILD_TAG_PREFIX_PATTERN */ .Yp})${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeRegExp */ .Nt)(v.variant)}-${(0,_util_text_js__WEBPACK_IMPORTED_MODULE_8__/* .escapeRegExp */ .Nt)(arch)}$`);
    return shape.test(ref.slice(colon + 1));
}
/**
 * An image the build made for this variant: it carries the build's variant label (a base image
 * does not, so a build.json that names one is not followed) and is not the recorded base.
 */
function isBuiltImage(d, v) {
    const base = v.baseDigest;
    return (d.labels[_capture_record_js__WEBPACK_IMPORTED_MODULE_3__/* .VARIANT_LABEL */ .z] === v.variant &&
        !(base !== undefined && (d.id === base || d.repoDigests.some((r) => r.endsWith(`@${base}`)))));
}
const short = (id) => id.replace(/^sha256:/, '').slice(0, 12);
/** Remove REF (which names the image D) without force; the outcome goes into OUT. */
async function removeRef(docker, ref, d, out, seen) {
    const r = await docker.removeImage(ref);
    if (r.outcome === 'conflict')
        out.kept.push(`${ref} (in use: ${r.message})`);
    if (r.outcome !== 'removed')
        return;
    out.removed.push(ref);
    if (r.deleted.includes(d.id) && !seen.has(d.id)) {
        seen.add(d.id);
        out.deletedImages += 1;
        out.deletedBytes += d.sizeBytes;
    }
}
/** A smoke-only run's REPO@DIGEST: removed only while no tag names the image (another job's). */
async function removePulled(docker, byDigest, v, p, out, seen) {
    const d = await docker.inspectLocalImage(byDigest);
    if (d === undefined || !(0,_smoke_local_image_js__WEBPACK_IMPORTED_MODULE_7__/* .isRecordedImage */ .a)(d, p) || !isBuiltImage(d, v))
        return;
    const tags = d.repoTags ?? [];
    if (tags.length > 0)
        out.kept.push(`${byDigest} (tagged ${tags.join(', ')}: not pulled by this smoke-only run)`);
    else
        await removeRef(docker, byDigest, d, out, seen);
}
/** One platform's references: its build tags first (each checked again), then REPO@DIGEST. */
async function removeTarget(docker, v, p, out, seen, scope) {
    const byDigest = `${v.repository}@${p.digest}`;
    if (!scope.built)
        return removePulled(docker, byDigest, v, p, out, seen);
    // Only the tags this run's build left: its load tag, and the tag the docker driver pushed by,
    // which names this run's pull request (pushTag). Another run that built the same content holds
    // the same image under its own tag, which is that run's to remove.
    const pushed = `${v.repository}:${(0,_build_push_tag_js__WEBPACK_IMPORTED_MODULE_4__/* .buildPushTag */ .f7)(v.variant, (0,_config_platform_js__WEBPACK_IMPORTED_MODULE_9__/* .archOf */ .Qh)(p.platform) ?? p.platform, scope.pushScope)}`;
    const tags = new Set([...(p.localRef !== undefined ? [p.localRef] : []), pushed].filter((t) => isBuildTag(t, v, p.platform)));
    // A variant built for one platform is loaded under its tags too (build.json's loadedTags): each
    // is this run's while it names the image build.json records.
    for (const t of p.loadedTags ?? [])
        tags.add(t);
    for (const tag of [...tags].sort()) {
        const d = await docker.inspectLocalImage(tag);
        if (d === undefined)
            continue; // gone already: nothing to do
        if (!(0,_smoke_local_image_js__WEBPACK_IMPORTED_MODULE_7__/* .isRecordedImage */ .a)(d, p)) {
            out.kept.push(`${tag} (it now names image ${short(d.id)}, not the one this run built)`);
        }
        else if (isBuiltImage(d, v))
            await removeRef(docker, tag, d, out, seen);
    }
    const d = await docker.inspectLocalImage(byDigest);
    if (d !== undefined && (0,_smoke_local_image_js__WEBPACK_IMPORTED_MODULE_7__/* .isRecordedImage */ .a)(d, p) && isBuiltImage(d, v))
        await removeRef(docker, byDigest, d, out, seen);
}
/** Remove the images of BUILD from the engine (see the head of this file). */
async function removeBuildImages(docker, build, scope) {
    const out = { removed: [], deletedImages: 0, deletedBytes: 0, kept: [], failed: [] };
    const seen = new Set();
    for (const v of build.variants)
        for (const p of v.platforms) {
            try {
                await removeTarget(docker, v, p, out, seen, scope);
            }
            catch (e) {
                out.failed.push(`${v.variant} ${p.platform}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`);
            }
        }
    return out;
}
/** build.json of the run's result directory; undefined when the run wrote (or downloaded) none. */
function readRunBuild(resultDir, builtSince) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_1___default().join(resultDir, _results_results_js__WEBPACK_IMPORTED_MODULE_6__/* .BUILD_FILE */ .oS);
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(file))
        return undefined;
    // A run that builds writes its own build.json: an older one (an earlier run's, or one the
    // checkout brought) names no image of this run. lstat: a link is no file the build wrote.
    if (builtSince !== undefined) {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(file);
        if (!st.isFile() || st.mtimeMs < builtSince - 1000)
            return undefined;
    }
    return (0,_results_results_js__WEBPACK_IMPORTED_MODULE_6__/* .openResultDir */ .lR)(resultDir, 'result-dir', {
        create: false,
        flag: 'the "result-dir" input',
    }).readBuild();
}
/**
 * The targets the main step saved as its build built them (post.ts builtTargetRecorder): a build
 * result of those targets; undefined when none were saved. Checked as build.json is.
 */
function readBuiltTargets(raw) {
    if (raw.trim() === '')
        return undefined;
    const parsed = _build_result_js__WEBPACK_IMPORTED_MODULE_2__/* .BuildResultSchema */ .fh.safeParse({
        ...JSON.parse(raw),
        schemaVersion: _build_result_js__WEBPACK_IMPORTED_MODULE_2__/* .BUILD_RESULT_SCHEMA_VERSION */ .ef,
    });
    if (!parsed.success)
        throw new Error(`the saved targets of the build are no build result: ${parsed.error.issues[0]?.message}`);
    return parsed.data.variants.length > 0 ? parsed.data : undefined;
}
/** "1.2 GB": decimal units, as `docker image ls` shows sizes. */
function formatBytes(n) {
    const units = ['B', 'kB', 'MB', 'GB', 'TB'];
    let i = 0;
    let x = n;
    while (x >= 1000 && i < units.length - 1) {
        x /= 1000;
        i++;
    }
    return `${i === 0 ? x : x.toFixed(1)} ${units[i]}`;
}


/***/ })

};
