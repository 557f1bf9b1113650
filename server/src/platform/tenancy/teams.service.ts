import { and, eq, like, sql } from 'drizzle-orm';
import { executor, inTransaction, type RequestContext } from '../access/context.js';
import { uuidv7 } from '../db/ids.js';
import { AppError, notFound } from '../http/errors.js';
import { RecordStore, type ApiRecord } from '../records/record-store.js';
import { teams } from './tenancy.schema.js';

export interface TeamRecord extends ApiRecord {
  name: string;
  parentId: string | null;
}

export const teamStore = new RecordStore<TeamRecord>({
  object: 'teams',
  table: teams,
  sortable: { name: teams.name, createdAt: teams.createdAt },
  defaultSort: 'createdAt',
  filters: { parentId: teams.parentId },
  searchColumns: [teams.name],
  references: { parentId: { table: teams } },
  toApi: (r) => ({
    name: r.name as string,
    parentId: (r.parentId as string | null) ?? null,
  }),
  toColumns: ({ id, name, parentId, path }) => ({ id, name, parentId, path }),
});

async function pathOf(ctx: RequestContext, teamId: string | null | undefined): Promise<string> {
  if (!teamId) return '/';
  const [row] = await executor(ctx)
    .select({ path: teams.path })
    .from(teams)
    .where(and(eq(teams.tenantId, ctx.tenantId), eq(teams.id, teamId)));
  if (!row) throw notFound();
  return row.path;
}

/** A team's path is its ancestors' ids, so "this team and everything below" is one prefix match. */
export function createTeam(ctx: RequestContext, input: { name: string; parentId?: string | null }) {
  return inTransaction(ctx, async (ctx) => {
    const id = uuidv7();
    const parentPath = input.parentId ? await pathOf(ctx, input.parentId).catch(() => '/') : '/';
    return teamStore.create(ctx, { ...input, id, path: `${parentPath}${id}/` });
  });
}

/** Moving a team moves its whole subtree; a team cannot move under itself. */
export function updateTeam(ctx: RequestContext, id: string, patch: { name?: string; parentId?: string | null }, version?: number) {
  return inTransaction(ctx, async (ctx) => {
    if (patch.parentId === undefined) return teamStore.update(ctx, id, { name: patch.name }, version);
    const oldPath = await pathOf(ctx, id);
    const parentPath = await pathOf(ctx, patch.parentId).catch(() => '/');
    if (parentPath.startsWith(oldPath)) throw new AppError(409, 'TEAM_CYCLE');
    const newPath = `${parentPath}${id}/`;
    const updated = await teamStore.update(ctx, id, { ...patch, path: newPath }, version);
    await executor(ctx)
      .update(teams)
      .set({ path: sql`${newPath} || substr(${teams.path}, ${oldPath.length + 1})` })
      .where(and(eq(teams.tenantId, ctx.tenantId), like(teams.path, `${oldPath}_%`)));
    return updated;
  });
}
