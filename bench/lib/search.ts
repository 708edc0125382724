import type { Customer } from '../../contracts/customers';
import type { CustomerSample, Scenario } from '../scenarios/types';
import { measureLatency } from './latency';

/** How a search scenario finds its sample customer in a list answer. */
const FOUND: Record<keyof CustomerSample, (c: Customer, value: string) => boolean> = {
  email: (c, value) => c.emails.includes(value),
  phone: (c, value) => c.phones.includes(value),
  fullName: (c, value) => c.fullName === value,
};

/**
 * A scenario timing `GET /segments/customers?q=<value>` for 30 different existing customers'
 * `field`; each answer must contain that customer.
 */
export const searchScenario = (
  name: string,
  field: keyof CustomerSample,
  what: string
): Scenario => ({
  name,
  description: `\`GET /segments/customers?q=<${what}>\` for 30 different existing customers over N customers.`,
  unit: 'ms',
  needs: ['customers'],
  async run(ctx) {
    const { samples } = await ctx.loadedCustomers();
    const requests = samples.map((sample) => ({
      url: `/segments/customers?q=${encodeURIComponent(sample[field])}`,
      expect: (body: { data: Customer[] }) => body.data.some((c) => FOUND[field](c, sample[field])),
    }));
    return measureLatency(await ctx.admin(), requests);
  },
});
