import { lazy, Suspense, type ReactNode } from 'react';
import { Skeleton } from 'antd';
import { Navigate, Route, Routes } from 'react-router';
import { RequireAuth } from '../auth/RequireAuth';
import { SignInPage } from '../auth/SignInPage';
import { SignUpPage } from '../auth/SignUpPage';
import { AppLayout } from './AppLayout';
import { ComingSoon } from './ComingSoon';
import { flattenNav } from './nav-items';
import { NotFound } from './NotFound';

// Feature pages load on first visit, keeping the first download small.
const AccountList = lazy(() => import('../accounts/AccountList').then((m) => ({ default: m.AccountList })));
const AccountShow = lazy(() => import('../accounts/AccountShow').then((m) => ({ default: m.AccountShow })));
const ContactList = lazy(() => import('../contacts/ContactList').then((m) => ({ default: m.ContactList })));
const ContactShow = lazy(() => import('../contacts/ContactShow').then((m) => ({ default: m.ContactShow })));
const ActivityList = lazy(() => import('../activities/ActivityList').then((m) => ({ default: m.ActivityList })));
const TaskList = lazy(() => import('../activities/TaskList').then((m) => ({ default: m.TaskList })));
const VisitPlanPage = lazy(() => import('../activities/VisitPlanPage').then((m) => ({ default: m.VisitPlanPage })));
const UserList = lazy(() => import('../settings/UserList').then((m) => ({ default: m.UserList })));
const TeamTree = lazy(() => import('../settings/TeamTree').then((m) => ({ default: m.TeamTree })));
const RoleList = lazy(() => import('../settings/RoleList').then((m) => ({ default: m.RoleList })));
const ApiKeyList = lazy(() => import('../settings/ApiKeyList').then((m) => ({ default: m.ApiKeyList })));
const WebhookList = lazy(() => import('../settings/WebhookList').then((m) => ({ default: m.WebhookList })));
const AuditList = lazy(() => import('../settings/AuditList').then((m) => ({ default: m.AuditList })));
const HistoryImportPage = lazy(() => import('../history-import/HistoryImportPage').then((m) => ({ default: m.HistoryImportPage })));
const ScoringRulesPage = lazy(() => import('../scoring/ScoringRulesPage').then((m) => ({ default: m.ScoringRulesPage })));
const PredictiveModelPage = lazy(() => import('../scoring/PredictiveModelPage').then((m) => ({ default: m.PredictiveModelPage })));
const CampaignList = lazy(() => import('../campaigns/CampaignList').then((m) => ({ default: m.CampaignList })));
const CampaignShow = lazy(() => import('../campaigns/CampaignShow').then((m) => ({ default: m.CampaignShow })));
const NurtureProgramList = lazy(() => import('../nurture/ProgramList').then((m) => ({ default: m.ProgramList })));
const NurtureProgramShow = lazy(() => import('../nurture/ProgramShow').then((m) => ({ default: m.ProgramShow })));
const NurtureTemplateList = lazy(() => import('../nurture/TemplateList').then((m) => ({ default: m.TemplateList })));
const NurturePoolsPage = lazy(() => import('../nurture/PoolsPage').then((m) => ({ default: m.PoolsPage })));
const NurtureSettings = lazy(() => import('../nurture/SenderSettings').then((m) => ({ default: m.SenderSettings })));
const LeadList = lazy(() => import('../leads/LeadList').then((m) => ({ default: m.LeadList })));
const LeadShow = lazy(() => import('../leads/LeadShow').then((m) => ({ default: m.LeadShow })));
const LeadInbox = lazy(() => import('../leads/LeadInbox').then((m) => ({ default: m.LeadInbox })));
const RoutingQueue = lazy(() => import('../leads/RoutingQueue').then((m) => ({ default: m.RoutingQueue })));
const AssignmentRules = lazy(() => import('../leads/AssignmentRules').then((m) => ({ default: m.AssignmentRules })));
const LeadFunnel = lazy(() => import('../leads/LeadFunnel').then((m) => ({ default: m.LeadFunnel })));
const ImportList = lazy(() => import('../imports/ImportList').then((m) => ({ default: m.ImportList })));
const ImportWizard = lazy(() => import('../imports/ImportWizard').then((m) => ({ default: m.ImportWizard })));
const PublicFormPage = lazy(() => import('../campaigns/PublicFormPage').then((m) => ({ default: m.PublicFormPage })));
const DuplicatesPage = lazy(() => import('../duplicates/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const RegistryPage = lazy(() => import('../enrichment/RegistryPage').then((m) => ({ default: m.RegistryPage })));
const OpportunityList = lazy(() => import('../opportunities/OpportunityList').then((m) => ({ default: m.OpportunityList })));
const PipelineBoard = lazy(() => import('../opportunities/PipelineBoard').then((m) => ({ default: m.PipelineBoard })));
const OpportunityShow = lazy(() => import('../opportunities/OpportunityShow').then((m) => ({ default: m.OpportunityShow })));
const BattleMapPage = lazy(() => import('../battle-map/BattleMapPage').then((m) => ({ default: m.BattleMapPage })));
const SalesProcessList = lazy(() => import('../sales-processes/SalesProcessList').then((m) => ({ default: m.SalesProcessList })));
const SalesProcessShow = lazy(() => import('../sales-processes/SalesProcessShow').then((m) => ({ default: m.SalesProcessShow })));
const LossReasonList = lazy(() => import('../sales-processes/LossReasonList').then((m) => ({ default: m.LossReasonList })));
const DashboardPage = lazy(() => import('../analytics/DashboardPage').then((m) => ({ default: m.DashboardPage })));
const FunnelPage = lazy(() => import('../analytics/FunnelPage').then((m) => ({ default: m.FunnelPage })));
const ForecastPage = lazy(() => import('../analytics/ForecastPage').then((m) => ({ default: m.ForecastPage })));
const ResultsPage = lazy(() => import('../analytics/ResultsPage').then((m) => ({ default: m.ResultsPage })));
const CampaignRoiPage = lazy(() => import('../analytics/CampaignRoiPage').then((m) => ({ default: m.CampaignRoiPage })));
const PlannerPage = lazy(() => import('../analytics/PlannerPage').then((m) => ({ default: m.PlannerPage })));
const TargetsPage = lazy(() => import('../analytics/TargetsPage').then((m) => ({ default: m.TargetsPage })));
const CatalogPage = lazy(() => import('../catalog/CatalogPage').then((m) => ({ default: m.CatalogPage })));

function Page({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Skeleton active paragraph={{ rows: 8 }} />}>{children}</Suspense>;
}

/** Modules with a real page; every other menu entry gets the "coming soon" page. */
const BUILT = new Set([
  'dashboard',
  'analytics',
  'leads',
  'campaigns',
  'nurture',
  'accounts',
  'contacts',
  'opportunities',
  'activities',
  'duplicates',
  'settings-registry',
  'settings',
  'settings-users',
  'settings-teams',
  'settings-roles',
  'settings-api-keys',
  'settings-webhooks',
  'settings-audit',
  'settings-history-import',
  'settings-scoring',
  'settings-predictive',
  'settings-sales-processes',
  'settings-loss-reasons',
  'settings-products',
]);

export function AppRoutes() {
  const planned = flattenNav().filter((item) => !BUILT.has(item.key));
  return (
    <Routes>
      <Route path="/login" element={<SignInPage />} />
      <Route path="/signup" element={<SignUpPage />} />
      {/* A campaign's public registration form: no sign-in, outside the app layout. */}
      <Route path="/f/:formKey" element={<Page><PublicFormPage /></Page>} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Navigate to="/dashboard" replace />} />
        <Route path="dashboard" element={<Page><DashboardPage /></Page>} />
        <Route path="analytics" element={<Navigate to="/analytics/funnel" replace />} />
        <Route path="analytics/funnel" element={<Page><FunnelPage /></Page>} />
        <Route path="analytics/forecast" element={<Page><ForecastPage /></Page>} />
        <Route path="analytics/results" element={<Page><ResultsPage /></Page>} />
        <Route path="analytics/campaigns" element={<Page><CampaignRoiPage /></Page>} />
        <Route path="analytics/planner" element={<Page><PlannerPage /></Page>} />
        <Route path="analytics/targets" element={<Page><TargetsPage /></Page>} />
        <Route path="leads" element={<Page><LeadList /></Page>} />
        <Route path="leads/inbox" element={<Page><LeadInbox /></Page>} />
        <Route path="leads/routing-queue" element={<Page><RoutingQueue /></Page>} />
        <Route path="leads/assignment" element={<Page><AssignmentRules /></Page>} />
        <Route path="leads/funnel" element={<Page><LeadFunnel /></Page>} />
        <Route path="leads/imports" element={<Page><ImportList /></Page>} />
        <Route path="leads/imports/new" element={<Page><ImportWizard /></Page>} />
        <Route path="leads/imports/:id" element={<Page><ImportWizard /></Page>} />
        <Route path="leads/:id" element={<Page><LeadShow /></Page>} />
        <Route path="campaigns" element={<Page><CampaignList /></Page>} />
        <Route path="campaigns/:id" element={<Page><CampaignShow /></Page>} />
        <Route path="nurture" element={<Page><NurtureProgramList /></Page>} />
        <Route path="nurture/programs/:id" element={<Page><NurtureProgramShow /></Page>} />
        <Route path="nurture/templates" element={<Page><NurtureTemplateList /></Page>} />
        <Route path="nurture/pools" element={<Page><NurturePoolsPage /></Page>} />
        <Route path="nurture/settings" element={<Page><NurtureSettings /></Page>} />
        <Route path="accounts" element={<Page><AccountList /></Page>} />
        <Route path="accounts/:id" element={<Page><AccountShow /></Page>} />
        <Route path="contacts" element={<Page><ContactList /></Page>} />
        <Route path="contacts/:id" element={<Page><ContactShow /></Page>} />
        <Route path="opportunities" element={<Page><OpportunityList /></Page>} />
        <Route path="opportunities/board" element={<Page><PipelineBoard /></Page>} />
        <Route path="opportunities/:id" element={<Page><OpportunityShow /></Page>} />
        <Route path="activities" element={<Page><ActivityList /></Page>} />
        <Route path="activities/tasks" element={<Page><TaskList /></Page>} />
        <Route path="activities/visit-plan" element={<Page><VisitPlanPage /></Page>} />
        <Route path="duplicates" element={<Page><DuplicatesPage /></Page>} />
        <Route path="settings/registry" element={<Page><RegistryPage /></Page>} />
        <Route path="settings" element={<Navigate to="/settings/users" replace />} />
        <Route path="settings/users" element={<Page><UserList /></Page>} />
        <Route path="settings/teams" element={<Page><TeamTree /></Page>} />
        <Route path="settings/roles" element={<Page><RoleList /></Page>} />
        <Route path="settings/api-keys" element={<Page><ApiKeyList /></Page>} />
        <Route path="settings/webhooks" element={<Page><WebhookList /></Page>} />
        <Route path="settings/audit" element={<Page><AuditList /></Page>} />
        <Route path="settings/history-import" element={<Page><HistoryImportPage /></Page>} />
        <Route path="settings/scoring" element={<Page><ScoringRulesPage /></Page>} />
        <Route path="settings/predictive-scoring" element={<Page><PredictiveModelPage /></Page>} />
        <Route path="settings/sales-processes" element={<Page><SalesProcessList /></Page>} />
        <Route path="settings/sales-processes/:id" element={<Page><SalesProcessShow /></Page>} />
        <Route path="settings/loss-reasons" element={<Page><LossReasonList /></Page>} />
        <Route path="settings/products" element={<Page><CatalogPage /></Page>} />
        {/* A deal's battle map on a page of its own; the deal page shows it as a tab. */}
        <Route path="opportunities/:id/battle-map" element={<Page><BattleMapPage /></Page>} />
        {planned.map((item) => (
          <Route key={item.key} path={`${item.path.slice(1)}/*`} element={<ComingSoon item={item} />} />
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
