/**
 * Every error code core can raise (its sentences live in main/i18n's errors catalogue), and the one
 * toUserError that turns anything thrown into what a person is shown.
 */
export {
  CONNECTION_ERROR_CODES,
  ERROR_CODES,
  TokenTrayError,
  hasErrorSentence,
  isErrorCode,
  renewalProblem,
  toUserError,
  userErrorOf,
} from './errors';
export type { ErrorCode, ErrorOptions, ErrorParams, ErrorSentenceKey, UserError } from './errors';
export { toTransportError } from './transport-error';
export { jsonMistake, statusAdviceKey } from './plain-advice';
export type { JsonMistake } from './plain-advice';
