// The conversations inbox: the list with search and filters beside the selected transcript.
import { useEffect, useState } from "react";
import { useParams } from "react-router";
import { useApi } from "../../auth/auth-context";
import { usePagedResource } from "../../components/pager";
import { ScreenHeader } from "../../components/screen-header";
import { EmptyState } from "../../components/ui";
import { useInterval } from "../../lib/use-resource";
import {
  ConversationList,
  INBOX_PAGE_SIZE,
  inboxQuery,
  type InboxFilters,
} from "./conversation-list";
import { Transcript } from "./transcript";

/** `value`, once it has stopped changing for `ms`: a search runs when typing pauses, not per keystroke. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export function InboxScreen() {
  const api = useApi();
  const { conversationId } = useParams();
  const [filters, setFilters] = useState<InboxFilters>({
    q: "",
    channel: "",
    urgent: false,
    needsHuman: false,
    takenOver: false,
    hideTests: false,
  });
  const settled = useSettled(filters, 300);
  const conversations = usePagedResource(
    (page, signal) => api.get("/conversations", { query: inboxQuery(settled, page), signal }),
    [api, settled],
    INBOX_PAGE_SIZE,
    settled,
  );
  useInterval(() => void conversations.reload(), 5000, !conversations.error);

  return (
    <>
      <ScreenHeader />
      <div className={`inbox ${conversationId ? "has-selection" : ""}`}>
        <ConversationList
          filters={filters}
          onFilters={setFilters}
          conversations={conversations}
          selectedId={conversationId}
        />
        <section className="card inbox-detail" aria-label="Transcript">
          {conversationId ? (
            <Transcript
              conversationId={conversationId}
              onChanged={() => void conversations.reload()}
            />
          ) : (
            <EmptyState title="Pick a conversation">
              Choose one from the list to read it, see the sources behind each answer, and take
              over.
            </EmptyState>
          )}
        </section>
      </div>
    </>
  );
}
