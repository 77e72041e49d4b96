// The templates of a WhatsApp number's business account as Meta holds them (GET /channels/:id/templates):
// each language with its review status and category, the one this number sends marked, more pages on
// demand, and a delete that asks twice. Read only once opened: each look is a call to Meta. A number
// connected without its business account id is asked for it first (POST /channels/:id/rotate).
import type { WhatsAppTemplateListing, WhatsAppTemplatePage } from "@coach/contracts/channels";
import { useState } from "react";
import { problemAt } from "../../api/errors";
import { useApi } from "../../auth/auth-context";
import { ActionForm } from "../../components/action-form";
import { ConfirmDelete } from "../../components/confirm-delete";
import { DataTable } from "../../components/data-table";
import { TextField } from "../../components/form-fields";
import { LazyDetails } from "../../components/lazy-details";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge, Button, ErrorNotice } from "../../components/ui";
import { useAction, useResource } from "../../lib/use-resource";

/** Templates asked of Meta at a time. */
const PAGE_SIZE = 25;

const STATUS_TONE: Record<string, "good" | "info" | "warn" | "neutral"> = {
  APPROVED: "good",
  PENDING: "info",
  REJECTED: "warn",
  PAUSED: "warn",
  DISABLED: "neutral",
};

const title = (word: string) =>
  `${word.charAt(0)}${word.slice(1).toLowerCase().replace(/_/g, " ")}`;

function AccountIdForm({ channelId, onSaved }: { channelId: string; onSaved: () => void }) {
  const api = useApi();
  const [id, setId] = useState("");
  const save = useAction(async () => {
    await api.post("/channels/:id/rotate", {
      params: { id: channelId },
      body: { business_account_id: id.trim() },
    });
    onSaved();
  });
  return (
    <ActionForm action={save} failed="The account id was not saved" submit="Save account id">
      <TextField
        label="WhatsApp Business Account id"
        hint="In WhatsApp Manager, under the account's settings: the number your templates belong to."
        inputMode="numeric"
        required
        value={id}
        onValue={setId}
        error={problemAt(save.error, "business_account_id")}
      />
    </ActionForm>
  );
}

function Catalogue({ channelId, onChanged }: { channelId: string; onChanged: () => void }) {
  const api = useApi();
  // Pages read so far, in order; `after` is the cursor of the last one.
  const [after, setAfter] = useState<string | undefined>();
  const [earlier, setEarlier] = useState<WhatsAppTemplateListing[]>([]);
  // Each answer keeps the cursor it was asked with, so a page still on screen is never shown twice.
  const page = useResource(
    async (signal) => ({
      after,
      page: await api.get("/channels/:id/templates", {
        params: { id: channelId },
        query: { limit: PAGE_SIZE, ...(after ? { after } : {}) },
        signal,
      }),
    }),
    [api, channelId, after],
  );
  const remove = useAction(async (name: string) => {
    await api.del("/channels/:id/templates/:name", { params: { id: channelId, name } });
    setEarlier([]);
    setAfter(undefined);
    await page.reload();
    onChanged();
  });
  if (page.error?.code === "whatsapp_business_account_required")
    return <AccountIdForm channelId={channelId} onSaved={() => void page.reload()} />;
  const loaded = page.data;
  const data: WhatsAppTemplatePage | undefined =
    loaded && loaded.after === after ? loaded.page : undefined;
  const templates = [...earlier, ...(data?.templates ?? [])];
  return (
    <>
      <LoadError resource={page} title="Could not read the templates from WhatsApp" />
      <ErrorNotice error={remove.error} title="The template was not deleted" />
      <Loaded resource={page} lines={3}>
        <DataTable columns={["Name", "Language", "Category", "Status"]} actions>
          {templates.map((t) => (
            <tr key={`${t.name}:${t.language}`}>
              <td>
                <code>{t.name}</code>{" "}
                {t.configured && <Badge tone="info">Sent by this number</Badge>}
              </td>
              <td>{t.language}</td>
              <td>{title(t.category)}</td>
              <td>
                <Badge tone={STATUS_TONE[t.status] ?? "neutral"}>{title(t.status)}</Badge>
              </td>
              <td>
                <ConfirmDelete
                  name={`the template “${t.name}” in every language`}
                  busy={remove.busy}
                  onDelete={() => void remove.run(t.name)}
                />
              </td>
            </tr>
          ))}
        </DataTable>
        {data && templates.length === 0 && (
          <p className="muted small">No templates in this account.</p>
        )}
        {data?.next_cursor && (
          <Button
            onClick={() => {
              setEarlier(templates);
              setAfter(data.next_cursor ?? undefined);
            }}
          >
            More templates
          </Button>
        )}
      </Loaded>
    </>
  );
}

export function TemplateCatalogue({
  channelId,
  onChanged,
}: {
  channelId: string;
  onChanged: () => void;
}) {
  return (
    <LazyDetails
      className="template-catalogue"
      summary="Templates in your WhatsApp Business Account"
    >
      <Catalogue channelId={channelId} onChanged={onChanged} />
    </LazyDetails>
  );
}
