import { request } from './http-client';
import type { Activity, Page } from './types';

/** The rep's agenda (OPP-7): tasks by due time, the weekly visit plan, and in-app notifications. */

export interface PlanCounts {
  planned: number;
  done: number;
  missed: number;
  upcoming: number;
  cancelled: number;
  unplanned: number;
}

export interface VisitPlan {
  week: string;
  timeZone: string;
  from: string;
  to: string;
  days: (PlanCounts & { date: string })[];
  totals: PlanCounts;
  owners: (PlanCounts & { ownerId: string; ownerName: string | null })[];
  visits: (Activity & { day: string; planned: boolean; outcome: 'done' | 'missed' | 'upcoming' | 'cancelled' })[];
}

export type TaskView = 'open' | 'overdue';

export interface AppNotification {
  id: string;
  kind: string;
  title: string;
  object: string | null;
  recordId: string | null;
  createdAt: string;
  readAt: string | null;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();

export const agendaApi = {
  tasks: (params: { view: TaskView; ownerId?: string; cursor?: string }, signal?: AbortSignal) =>
    request<Page<Activity>>('GET', '/activities/tasks', { query: query(params), signal }),
  visitPlan: (params: { date?: string; ownerId?: string; teamId?: string }, signal?: AbortSignal) =>
    request<VisitPlan>('GET', '/activities/visit-plan', { query: query(params), signal }),
  notifications: (signal?: AbortSignal) => request<{ data: AppNotification[]; unreadCount: number }>('GET', '/notifications', { query: 'limit=20', signal }),
  markRead: (id: string) => request<void>('POST', `/notifications/${encodeURIComponent(id)}/read`, { body: {} }),
  markAllRead: () => request<void>('POST', '/notifications/read-all', { body: {} }),
};
