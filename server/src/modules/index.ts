import type { AppDb } from '../platform/db/client.js';
import type { App } from '../platform/http/types.js';
import { registerAnalyticsRoutes } from './analytics/analytics.routes.js';
import { registerAssignmentRoutes } from './assignment/assignment.routes.js';
import { registerCampaignRoutes } from './campaigns/campaigns.routes.js';
import { registerCatalogRoutes } from './catalog/catalog.routes.js';
import { registerConversionRoutes } from './conversion/conversion.routes.js';
import { registerCustomerRoutes } from './customers/customers.routes.js';
import { registerDedupRoutes } from './dedup/dedup.routes.js';
import { registerEnrichmentRoutes } from './enrichment/enrichment.routes.js';
import { registerImportRoutes } from './imports/imports.routes.js';
import { registerLeadRoutes } from './leads/leads.routes.js';
import { registerNurtureRoutes } from './nurture/nurture.routes.js';
import { registerOpportunityRoutes } from './opportunities/opportunities.routes.js';
import { registerPredictiveRoutes } from './scoring/predictive.routes.js';
import { registerScoringRoutes } from './scoring/scoring.routes.js';

/**
 * The business modules, each registering its own routes. Add a module with one line here.
 * `db` is for public routes (no signed-in context), which act as the system for a tenant.
 */
export function registerModules(app: App, db: AppDb) {
  registerCustomerRoutes(app);
  registerCatalogRoutes(app);
  registerOpportunityRoutes(app);
  registerLeadRoutes(app);
  registerConversionRoutes(app);
  registerImportRoutes(app);
  registerCampaignRoutes(app, db);
  registerAssignmentRoutes(app);
  registerScoringRoutes(app, db);
  registerPredictiveRoutes(app, db);
  registerNurtureRoutes(app, db);
  registerDedupRoutes(app);
  registerEnrichmentRoutes(app);
  registerAnalyticsRoutes(app, db);
}
