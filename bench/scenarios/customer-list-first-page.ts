import type { ListCustomers } from '../../contracts/customer-list';
import { pluginConfig } from '../../server/src/config/plugin-config';
import { SAMPLES } from '../lib/dataset';
import { measureLatency } from '../lib/latency';
import type { Scenario } from './types';

/** The admin's customer list as it opens: newest first, default page size. */
export default {
  name: 'customer-list-first-page',
  description: '`GET /segments/customers` as the super admin over N customers: 30 requests.',
  unit: 'ms',
  needs: ['customers'],
  async run(ctx) {
    const { pageSize } = pluginConfig(await ctx.strapi());
    const request = {
      url: '/segments/customers',
      expect: (body: ListCustomers.Response) =>
        body.data.length === Math.min(pageSize, ctx.customers) &&
        body.meta.pagination.total >= ctx.customers,
    };
    return measureLatency(
      await ctx.admin(),
      Array.from({ length: SAMPLES }, () => request)
    );
  },
} satisfies Scenario;
