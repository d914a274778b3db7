/**
 * The tool version written into every report. It is the version in
 * packages/core/package.json (the engine's own version); `version.test.ts` fails when
 * the two differ, so a release bumps package.json and this line together. (A JSON
 * import would sit outside core's TypeScript rootDir, so the value is mirrored here.)
 */
export const TOOL_VERSION = '0.2.0';
