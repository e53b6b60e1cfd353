import { appError, type AppError } from '../../../shared/errors';

/** Every rejected link: code INVALID_URI, the field at fault, and a sentence naming it and why. */
export function invalidUri(field: string, reason: string): AppError {
  return appError('INVALID_URI', `This otpauth link cannot be used: ${reason}.`, { field });
}
