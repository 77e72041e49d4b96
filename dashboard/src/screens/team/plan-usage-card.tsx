// The workspace's standing on the platform's plan: each quota's use against its limit (answers this
// month, documents, seats, bridges), and a warning once answers were refused this month, so the
// creator learns it before their users complain.
import type { PlatformQuota } from "@coach/contracts/platform-usage";
import { Fragment } from "react";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge, Card } from "../../components/ui";
import { formatDateTime } from "../../lib/format";
import { useApiResource } from "../../lib/use-api-resource";

const LABELS: Record<PlatformQuota, string> = {
  answers_per_month: "Answers this month",
  documents: "Documents",
  seats: "Seats (members and pending invitations)",
  bridges: "Bridges",
};

export function PlanUsageCard() {
  const usage = useApiResource("/usage");
  const data = usage.data;
  return (
    <Card title="Plan usage">
      <LoadError resource={usage} title="Could not load your plan's usage" />
      <Loaded resource={usage} lines={4}>
        {data && (
          <>
            <p>
              Your workspace is on the <strong>{data.plan}</strong> plan. To raise a limit, ask the
              platform to move you to a larger plan.
            </p>
            {data.answers_refused_at !== null && (
              <p role="alert">
                <Badge tone="bad">Answers used up</Badge> Since{" "}
                {formatDateTime(data.answers_refused_at)}, people writing to your coach are told it
                has reached its answers for the month.
              </p>
            )}
            <dl className="contact-facts">
              {(Object.keys(LABELS) as PlatformQuota[]).map((quota) => {
                const { used, limit } = data.quotas[quota];
                return (
                  <Fragment key={quota}>
                    <dt>{LABELS[quota]}</dt>
                    <dd>
                      {limit === null ? `${used} (unlimited)` : `${used} of ${limit}`}{" "}
                      {limit !== null && used >= limit && <Badge tone="warn">At the limit</Badge>}
                    </dd>
                  </Fragment>
                );
              })}
            </dl>
          </>
        )}
      </Loaded>
    </Card>
  );
}
