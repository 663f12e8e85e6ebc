import type { FieldErrors, Resolver } from 'react-hook-form';
import { registrationFieldErrors, type RegistrationValues } from '@/lib/enterprises/registration/registration-schema';

export const EMPTY_REGISTRATION: RegistrationValues = {
  enterpriseName: '', uscc: '', legalRepresentative: '', contactName: '', contactPhone: '', email: '', basicAccountBank: '',
  basicAccountName: '', basicAccountNumber: '', regionId: '', personName: '', phone: '', password: '', confirmPassword: '', code: '',
};

/** The server's errors as react-hook-form's: a message about no field is the form's own (`root`). */
export function toFormErrors(errors: Record<string, string>): FieldErrors<RegistrationValues> {
  return Object.fromEntries(
    Object.entries(errors).map(([field, message]) => [field === '_' ? 'root' : field, { type: 'validate', message }]),
  ) as FieldErrors<RegistrationValues>;
}

/**
 * react-hook-form's check of the registration: the server's own parser (registration-schema.ts), so the
 * page says exactly what the server would. `joining()` says whether the USCC typed is an enterprise on the
 * platform already, whose own fields are then not asked for.
 */
export function registrationResolver(joining: () => boolean): Resolver<RegistrationValues> {
  return (values) => {
    const errors = registrationFieldErrors(values, joining());
    return errors ? { values: {}, errors: toFormErrors(errors) } : { values, errors: {} };
  };
}
