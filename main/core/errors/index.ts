/**
 * Every error code core can raise, one plain sentence and next step each, and the one toUserError
 * that turns anything thrown into what a person is shown.
 */
export {
  CONNECTION_ERROR_CODES,
  ERROR_CODES,
  TokenTrayError,
  errorText,
  isErrorCode,
  renewalProblem,
  toUserError,
} from './errors';
export type { ErrorCode, UserError } from './errors';
export { toTransportError } from './transport-error';
