/**
 * The public tracking API. Open to anyone by default, as a tracking pixel must be; with
 * `trackingPublic: false` in the plugin config it needs an API token (or a users-permissions
 * role) allowed to use these actions.
 */
export default () => {
  const open = (strapi.config.get('plugin::segments.trackingPublic') ?? true) as boolean;
  const config = open ? { auth: false as const, policies: [] } : { policies: [] };
  return {
    type: 'content-api',
    routes: [
      { method: 'POST', path: '/events', handler: 'tracking.events', config },
      { method: 'POST', path: '/identify', handler: 'tracking.identify', config },
      // For a CRM or CDP with an API token (never public): push the members of an external segment.
      {
        method: 'PUT',
        path: '/external-segments/:segmentId/members',
        handler: 'segments.pushMembersByToken',
        config: { policies: [] },
      },
      {
        method: 'GET',
        path: '/tracker.js',
        handler: 'tracking.script',
        config: { auth: false as const, policies: [] },
      },
    ],
  };
};
