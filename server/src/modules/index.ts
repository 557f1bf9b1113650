import type { App } from '../platform/http/types.js';
import { registerCustomerRoutes } from './customers/customers.routes.js';
import { registerLeadRoutes } from './leads/leads.routes.js';

/** The business modules, each registering its own routes. Add a module with one line here. */
export function registerModules(app: App) {
  registerCustomerRoutes(app);
  registerLeadRoutes(app);
}
