import type { Core } from '@strapi/strapi';
import type services from '../services';

type Services = typeof services;
type ServiceName = keyof Services;

/** The plugin's services, typed by name. */
export const getService = <N extends ServiceName>(
  strapi: Core.Strapi,
  name: N
): ReturnType<Services[N]> => strapi.plugin('segments').service(name) as ReturnType<Services[N]>;
