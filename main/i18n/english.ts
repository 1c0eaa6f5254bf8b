/**
 * The English catalogue: the source of truth, and the fallback before a locale is chosen. One JSON
 * file per area (the window, setup and sign-in, the app around it, errors), merged into one.
 */
import app from './catalogues/en/app.json';
import common from './catalogues/en/common.json';
import errors from './catalogues/en/errors.json';
import setup from './catalogues/en/setup.json';
import window from './catalogues/en/window.json';

/** English, every key. */
export const englishMessages = { ...app, ...common, ...errors, ...setup, ...window };
