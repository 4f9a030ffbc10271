// Kept in step with package.json "version" by a unit test.
export const VERSION = '0.1.0';
