import * as yup from 'yup';
import { AB_VARIANTS, type AbVariant } from '../../../contracts/audience';
import { SEGMENT_ID_PATTERN } from '../../../contracts/segments';
import { validate } from '../validation/validate';

/** The request headers and query parameter that choose personalized content. */
export interface VisitorInput {
  customerId: string | null;
  segments: string[];
  forceVariant: AbVariant | null;
}

const headerSchema = yup
  .object({
    customerId: yup
      .string()
      .trim()
      .max(200, 'X-Customer-Id is too long (a customer documentId, reference id or visitor id)')
      .nullable()
      .default(null),
    segments: yup
      .array()
      .of(
        yup
          .string()
          .required()
          .matches(
            SEGMENT_ID_PATTERN,
            'X-Segments holds "${value}", which is not a segment ID (A-Z, a-z, 0-9, -, _, space; 3 or more)'
          )
      )
      .max(50, 'X-Segments names more than 50 segments')
      .default([]),
    forceVariant: yup
      .mixed<AbVariant>()
      .nullable()
      .oneOf([...AB_VARIANTS, null], 'X-AB-Variant must be A or B')
      .default(null),
  })
  .noUnknown();

const header = (headers: Record<string, string | string[] | undefined>, name: string) => {
  const v = headers[name];
  const s = Array.isArray(v) ? v.join(',') : v;
  return s && s.trim() ? s.trim() : null;
};

/** Reads and validates the visitor headers: a bad value is a 400 that says what to send. */
export const readVisitorInput = (
  headers: Record<string, string | string[] | undefined>
): Promise<VisitorInput> => {
  const segments = header(headers, 'x-segments');
  return validate(headerSchema, {
    customerId: header(headers, 'x-customer-id'),
    segments: segments
      ? segments
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : [],
    forceVariant: header(headers, 'x-ab-variant')?.toUpperCase() ?? null,
  }) as Promise<VisitorInput>;
};

/** `?personalize=false` turns filtering off; anything but true/false is a 400. */
export const readPersonalizeParam = async (value: unknown): Promise<boolean> => {
  if (value === undefined) return true;
  const parsed = await validate(
    yup
      .string()
      .oneOf(['true', 'false'], 'personalize must be true or false (false returns every variant)'),
    Array.isArray(value) ? value[0] : value
  );
  return parsed !== 'false';
};
