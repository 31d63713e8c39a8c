// `GET /Account`: account statistics; a cheap "are these credentials valid" probe.
import type { Route } from "../../types.js";
import { withApiAuth } from "./auth.js";
import type { UptrendsState } from "./state.js";

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export const accountRoutes: Route<UptrendsState>[] = [
  {
    method: "GET",
    template: "/v4/Account",
    handler: withApiAuth((_req, ctx) => ({
      status: 200,
      body: {
        AccountId: ctx.state.accountId,
        // The sandbox subscription never runs out: always a year ahead of the clock.
        ExpirationDate: new Date(ctx.now() + YEAR_MS).toISOString(),
        MonitorQuota: 100,
        OperatorQuota: { Operators: ctx.state.operatorQuota, OperatorsInUse: ctx.state.operators.length },
        RemainingMessageCredits: 1000,
      },
    })),
  },
];
