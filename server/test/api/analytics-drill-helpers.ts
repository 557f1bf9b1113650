import { expect } from 'vitest';
import type { ApiClient } from '../test-app.js';

export interface Link { path: string; query: Record<string, string> }
interface Listed { id: string; name: string; amount?: { amount: string } | null }

/** The records a figure's drill link lists, with how many there are and their amounts summed (two decimals). */
export async function followDrill(client: ApiClient, link: Link) {
  const res = await client.get(`${link.path}?${new URLSearchParams(link.query)}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(res.body.truncated).toBe(false);
  const records = res.body.records as Listed[];
  const cents = records.reduce((s, r) => s + Math.round(Number(r.amount?.amount ?? 0) * 100), 0);
  return { records, count: records.length, sum: (cents / 100).toFixed(2) };
}

interface ForecastFigures {
  pipeline: string; bestCase: string; commit: string; closed: string; openDeals: number;
  drill: Record<'pipeline' | 'bestCase' | 'commit' | 'closed' | 'weighted' | 'openDeals', Link>;
}

/** Every money figure of a forecast row sums exactly the deals its link lists; the weighted link lists the open deals counted. */
export async function expectForecastDrills(client: ApiClient, row: ForecastFigures, label: string) {
  for (const figure of ['pipeline', 'bestCase', 'commit', 'closed'] as const) {
    expect((await followDrill(client, row.drill[figure])).sum, `${label} ${figure}`).toBe(row[figure]);
  }
  expect((await followDrill(client, row.drill.weighted)).count, `${label} open deals`).toBe(row.openDeals);
  expect(row.drill.openDeals).toEqual(row.drill.weighted);
}

interface WinRateFigures { won: number; lost: number; wonAmount: string; lostAmount: string; drill: Record<'won' | 'lost', Link> }

/** A win-rate row's won and lost counts and amounts are exactly the deals its links list. */
export async function expectWinRateDrills(client: ApiClient, row: WinRateFigures, label: string) {
  const won = await followDrill(client, row.drill.won);
  const lost = await followDrill(client, row.drill.lost);
  expect([won.count, won.sum, lost.count, lost.sum], label).toEqual([row.won, row.wonAmount, row.lost, row.lostAmount]);
}
