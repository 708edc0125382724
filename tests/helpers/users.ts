import type { Core } from '@strapi/strapi';
import request from 'supertest';
import { permission, type PermissionUid } from '../../contracts/permissions';

/** The password of every admin the tests create. */
export const PASSWORD = 'Test-Password-1';
let counter = 0;
/** The super admin's login. */
export const SUPER_ADMIN_EMAIL = 'super-admin@example.com';

/** An HTTP client for the admin API, logged in as a user. */
export interface AdminClient {
  token: string;
  get: (url: string) => request.Test;
  post: (url: string, body?: object) => request.Test;
  put: (url: string, body?: object) => request.Test;
  delete: (url: string) => request.Test;
  /** A POST without a body yet, for multipart uploads (.field / .attach). */
  upload: (url: string) => request.Test;
}

const clientFor = (strapi: Core.Strapi, token: string): AdminClient => {
  const agent = () => request(strapi.server.httpServer);
  const auth = (test: request.Test) => test.set('Authorization', `Bearer ${token}`);
  return {
    token,
    get: (url) => auth(agent().get(url)),
    post: (url, body = {}) => auth(agent().post(url).send(body)),
    put: (url, body = {}) => auth(agent().put(url).send(body)),
    delete: (url) => auth(agent().delete(url)),
    upload: (url) => auth(agent().post(url)),
  };
};

const login = async (strapi: Core.Strapi, email: string) => {
  const res = await request(strapi.server.httpServer)
    .post('/admin/login')
    .send({ email, password: PASSWORD });
  if (res.status !== 200)
    throw new Error(`Admin login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return clientFor(strapi, res.body.data.token);
};

/** The super admin (all permissions), created on first use. */
export const superAdmin = async (strapi: Core.Strapi): Promise<AdminClient> => {
  const email = SUPER_ADMIN_EMAIL;
  const users = strapi.service('admin::user');
  if (!(await users.exists())) {
    await users.createFirstAdmin({
      email,
      firstname: 'Super',
      lastname: 'Admin',
      password: PASSWORD,
    });
  }
  return login(strapi, email);
};

/**
 * One permission of a test role: a plugin permission uid ('customers.read'), or any admin
 * permission spelled out, such as Content Manager read on some fields of one content type.
 */
export type RolePermission =
  | PermissionUid
  | {
      action: string;
      subject?: string | null;
      properties?: { fields?: string[]; locales?: string[] };
      conditions?: string[];
    };

/** Content Manager read on a content type (all its fields, or only those given). */
export const contentManagerRead = (
  subject: string,
  fields?: string[],
  conditions: string[] = []
): RolePermission => ({
  action: 'plugin::content-manager.explorer.read',
  subject,
  properties: fields ? { fields } : {},
  conditions,
});

const toPermission = (p: RolePermission) =>
  typeof p === 'string'
    ? { action: permission(p), subject: null, properties: {}, conditions: [] }
    : { subject: null, properties: {}, conditions: [], ...p };

const describePermission = (p: RolePermission) =>
  typeof p === 'string' ? p : `${p.action} ${p.subject ?? ''}`.trim();

/**
 * An admin whose role holds exactly the given permissions (plugin uids such as
 * 'customers.read', or spelled-out admin permissions), for checking what a role may and may not do.
 */
export const adminWithPermissions = async (
  strapi: Core.Strapi,
  permissions: RolePermission[]
): Promise<AdminClient> =>
  login(strapi, (await createAdminWithPermissions(strapi, permissions)).email);

/** Creates an admin whose role holds exactly the given permissions; its credentials. */
export const createAdminWithPermissions = async (
  strapi: Core.Strapi,
  permissions: RolePermission[]
) => {
  counter += 1;
  const role = await strapi.service('admin::role').create({
    name: `Test role ${counter} ${Date.now()}`,
    description: permissions.map(describePermission).join(', ') || 'no permissions',
  });
  await strapi.service('admin::role').assignPermissions(role.id, permissions.map(toPermission));
  const email = `role-${counter}-${Date.now()}@example.com`;
  await strapi.service('admin::user').create({
    email,
    firstname: 'Role',
    lastname: `User ${counter}`,
    password: PASSWORD,
    isActive: true,
    roles: [role.id],
  });
  return { email, password: PASSWORD };
};

/** A client of the public content API (`/api/...`), optionally with an API token. */
export const contentApiClient = async (strapi: Core.Strapi, options: { token?: boolean } = {}) => {
  let accessKey: string | undefined;
  if (options.token) {
    const token = await strapi.service('admin::api-token').create({
      name: `test token ${Date.now()}`,
      type: 'full-access',
      lifespan: null,
    });
    accessKey = token.accessKey;
  }
  const agent = () => request(strapi.server.httpServer);
  const auth = (test: request.Test) =>
    accessKey ? test.set('Authorization', `Bearer ${accessKey}`) : test;
  return {
    get: (url: string) => auth(agent().get(url)),
    post: (url: string, body: object = {}) => auth(agent().post(url).send(body)),
    put: (url: string, body: object = {}) => auth(agent().put(url).send(body)),
  };
};
