import { guardRoutes } from '../validation/request-guard';
import admin from './admin';
import contentApi from './content-api';

// Every route passes the request guard (depth, prototype keys) before anything reads its input.
export default { admin: guardRoutes(admin), 'content-api': guardRoutes(contentApi) };
