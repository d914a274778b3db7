/**
 * Name of the marker file in every directory Parallax writes; walkers skip such
 * directories as inputs. Its own module (and the `@parallax/core/marker` subpath) so
 * the file reader in @parallax/ingest can use it without loading the engine (wink's
 * model and every lexicon) through core's barrel.
 */
export const OUTPUT_MARKER = '.parallax-output';
