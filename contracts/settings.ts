import * as yup from 'yup';

/** A named group of predefined tags shown on the customer profile. */
export interface TagGroup {
  name: string;
  tags: string[];
}

/** The plugin's editable settings. */
export interface Settings {
  tagGroups: TagGroup[];
}

export const DEFAULT_SETTINGS: Settings = { tagGroups: [] };

export const settingsSchema = yup
  .object({
    tagGroups: yup
      .array()
      .of(
        yup
          .object({
            name: yup
              .string()
              .trim()
              .required('Each tag group needs a name')
              .min(1, 'Each tag group needs a name')
              .max(100),
            tags: yup
              .array()
              .of(yup.string().trim().min(1).max(100).required())
              .max(200)
              .default([]),
          })
          .noUnknown()
      )
      .max(50)
      .required(),
  })
  .noUnknown('${unknown} is not a setting of the plugin');

/** GET and PUT /segments/settings */
export namespace GetSettings {
  export interface Response {
    data: Settings;
  }
}
