/**
 * Every error code core can raise, one plain sentence and next step each, and the one toUserError
 * that turns anything thrown into what a person is shown.
 */
export { ERROR_CODES, TokenTrayError, errorText, isErrorCode, toUserError } from './errors';
export type { ErrorCode, UserError } from './errors';
export { toTransportError } from './transport-error';
