import * as yup from 'yup';

/** The path of a job route (`/imports/:id`, `/exports/:id`): a positive whole number. */
export const idParamsSchema = yup.object({ id: yup.number().integer().positive().required() });
