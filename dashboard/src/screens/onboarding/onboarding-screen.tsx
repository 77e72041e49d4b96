// The first ten minutes: four steps (upload, persona, try, embed), each ticked from the workspace's real
// data, with a link to where it is done.
import { Link } from "react-router";
import type { KnowledgeDocument, PersonaVersion } from "@coach/contracts/content-views";
import type { Conversation } from "@coach/contracts/conversation-views";
import type { WidgetView } from "@coach/contracts/widget";
import { useApi, useMe } from "../../auth/auth-context";
import { ScreenHeader } from "../../components/screen-header";
import { Card, ErrorNotice, Skeleton } from "../../components/ui";
import { useResource } from "../../lib/use-resource";

type Progress = {
  documents: KnowledgeDocument[];
  persona: PersonaVersion;
  widget: WidgetView;
  conversations: Conversation[];
};

export function OnboardingScreen() {
  const api = useApi();
  const me = useMe();
  const progress = useResource(
    async (signal): Promise<Progress> => {
      const [documents, persona, widget, conversations] = await Promise.all([
        api.get("/knowledge/documents", { query: { limit: 100 }, signal }),
        api.get("/persona", { signal }),
        api.get("/widget", { signal }),
        api.get("/conversations", { query: { limit: 1 }, signal }),
      ]);
      return {
        documents: documents.documents,
        persona,
        widget,
        conversations: conversations.conversations,
      };
    },
    [api],
  );

  const data = progress.data;
  const ready = data?.documents.filter((d) => d.status === "ready").length ?? 0;
  const steps = data
    ? [
        {
          done: ready > 0,
          title: "Upload your material",
          detail:
            ready > 0
              ? `${ready} document${ready === 1 ? "" : "s"} ready to answer from.`
              : data.documents.length > 0
                ? "Your upload is being processed."
                : "Guides, course notes, FAQs: PDF, Word, text or Markdown.",
          to: "/knowledge",
          action: "Open the library",
        },
        {
          done: data.persona.version > 0,
          title: "Set your voice",
          detail:
            data.persona.version > 0
              ? `Persona version ${data.persona.version} is live.`
              : "Name your assistant, describe how you speak and what it says when it does not know.",
          to: "/persona",
          action: "Edit the persona",
        },
        {
          done: data.conversations.length > 0,
          title: "Try it",
          detail:
            data.conversations.length > 0
              ? "Your assistant has had its first conversation."
              : "Ask the test chat what your users would ask.",
          to: "/persona",
          action: "Open the test chat",
        },
        {
          done: data.widget.allowed_origins.some((o) => o !== window.location.origin),
          title: "Embed it on your site",
          detail: data.widget.allowed_origins.some((o) => o !== window.location.origin)
            ? `Allowed on ${data.widget.allowed_origins.filter((o) => o !== window.location.origin).join(", ")}.`
            : "Allow your site and paste one line of HTML.",
          to: "/widget",
          action: "Get the snippet",
        },
      ]
    : [];
  const doneCount = steps.filter((s) => s.done).length;

  return (
    <>
      <ScreenHeader title={`Welcome, ${me.user.full_name.split(" ")[0]}`} />
      <Card title={data ? `${doneCount} of 4 done` : "Your progress"}>
        <ErrorNotice
          error={progress.error}
          onRetry={() => void progress.reload()}
          title="Could not check your progress"
        />
        {!data && !progress.error ? (
          <Skeleton lines={4} />
        ) : (
          <ol className="checklist">
            {steps.map((step) => (
              <li key={step.title} className={step.done ? "done" : ""}>
                <span className="check" aria-hidden="true">
                  {step.done ? "✓" : ""}
                </span>
                <div>
                  <h3>
                    {step.title}
                    <span className="visually-hidden">{step.done ? " (done)" : " (to do)"}</span>
                  </h3>
                  <p className="muted">{step.detail}</p>
                </div>
                <Link className="btn btn-secondary" to={step.to}>
                  {step.action}
                </Link>
              </li>
            ))}
          </ol>
        )}
      </Card>
    </>
  );
}
