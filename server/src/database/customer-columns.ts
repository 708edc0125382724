/** The single-valued profile fields an editor or an import can write, and their columns. */
export const PROFILE_COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  gender: 'gender',
  dateOfBirth: 'date_of_birth',
  street: 'street',
  houseNumber: 'house_number',
  zipCode: 'zip_code',
  city: 'city',
  country: 'country',
  jobTitle: 'job_title',
  referenceId: 'reference_id',
} as const;

export type ProfileField = keyof typeof PROFILE_COLUMNS;
