// Requirements travel to the build and the resolver as one text: every file the config names, with
// its -r/--requirement includes inlined, each line checked strictly at the door. The reader lives in
// src/requirements/; this module keeps the build's import path.
export {
  readRequirements,
  readRequirementsText,
  type RequirementOrigin,
  type RequirementsText,
} from '../requirements/read.js';
