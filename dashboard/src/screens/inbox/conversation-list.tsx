// The inbox's list: search, filters (channel, urgent, needs a human, taken over, test chats hidden) and
// the conversations, newest activity first, with flags a creator should act on.
import { Link } from "react-router";
import type { Conversation, ConversationPage } from "@coach/contracts/conversation-views";
import { CheckLabel } from "../../components/checkboxes";
import { Pager, type PagedResource, type PageQuery } from "../../components/pager";
import { markdownPlain } from "../../components/markdown-text";
import { LoadError, Loaded } from "../../components/resource-view";
import { Badge, EmptyState } from "../../components/ui";
import { formatDateTime, formatPerson } from "../../lib/format";

export type InboxFilters = {
  q: string;
  channel: string;
  urgent: boolean;
  needsHuman: boolean;
  /** Leave out members' test chats from the dashboard. */
  hideTests: boolean;
  takenOver: boolean;
};

/** The inbox's yes/no filters, in the order they are offered. */
const FLAG_FILTERS = [
  ["urgent", "Urgent"],
  ["needsHuman", "Needs a human"],
  ["takenOver", "Taken over"],
  ["hideTests", "Hide test chats"],
] as const;

/** Conversations per page of the list. */
export const INBOX_PAGE_SIZE = 50;

/** The page of the list with its search and filters, as a query. */
export function inboxQuery(filters: InboxFilters, page: PageQuery): string {
  const params = new URLSearchParams({ limit: String(page.limit), offset: String(page.offset) });
  if (filters.q.trim()) params.set("q", filters.q.trim());
  if (filters.channel) params.set("channel", filters.channel);
  if (filters.urgent) params.set("urgent", "true");
  if (filters.hideTests) params.set("test", "false");
  if (filters.needsHuman) params.set("needs_human", "true");
  if (filters.takenOver) params.set("taken_over", "true");
  return params.toString();
}

/** A person as a coach recognises them: their name, their email, or where and when they came. */
export function contactName(c: Conversation): string {
  return formatPerson(c.contact, c.channel, { label: "since", at: c.started_at });
}

export function ConversationList({
  filters,
  onFilters,
  conversations,
  selectedId,
}: {
  filters: InboxFilters;
  onFilters: (next: InboxFilters) => void;
  conversations: PagedResource<ConversationPage>;
  selectedId: string | undefined;
}) {
  const list = conversations.data?.conversations ?? [];
  const filtered = filters.q || filters.channel || FLAG_FILTERS.some(([flag]) => filters[flag]);
  const none = (
    <EmptyState title={filtered ? "No conversation matches" : "No conversations yet"}>
      {filtered
        ? "Clear the search or filters to see every conversation."
        : "Embed your widget or connect a channel; conversations appear here as they happen."}
    </EmptyState>
  );
  return (
    <div className="inbox-list">
      <form className="inbox-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="inbox-search" className="visually-hidden">
          Search conversations
        </label>
        <input
          id="inbox-search"
          type="search"
          placeholder="Search messages and contacts"
          value={filters.q}
          onChange={(e) => onFilters({ ...filters, q: e.target.value })}
        />
        <div className="filter-row">
          <label htmlFor="inbox-channel" className="visually-hidden">
            Channel
          </label>
          <select
            id="inbox-channel"
            value={filters.channel}
            onChange={(e) => onFilters({ ...filters, channel: e.target.value })}
          >
            <option value="">All channels</option>
            <option value="web">Web widget</option>
            <option value="telegram">Telegram</option>
            <option value="whatsapp">WhatsApp</option>
          </select>
          {FLAG_FILTERS.map(([flag, label]) => (
            <CheckLabel
              key={flag}
              checked={filters[flag]}
              onChecked={(checked) => onFilters({ ...filters, [flag]: checked })}
            >
              {label}
            </CheckLabel>
          ))}
        </div>
      </form>
      <LoadError resource={conversations} title="Could not load conversations" />
      <Loaded resource={conversations} lines={6} empty={list.length === 0 && none}>
        <ul className="conversation-list" aria-label="Conversations">
          {list.map((c) => (
            <li key={c.id}>
              <Link
                to={`/inbox/${c.id}`}
                className={`conversation-item ${c.id === selectedId ? "selected" : ""}`}
                aria-current={c.id === selectedId ? "true" : undefined}
              >
                <span className="conversation-top">
                  <strong>{contactName(c)}</strong>
                  <span className="muted small">
                    {formatDateTime(c.last_message_at ?? c.started_at)}
                  </span>
                </span>
                {c.last_preview && (
                  <span className="conversation-preview muted">
                    {markdownPlain(c.last_preview)}
                  </span>
                )}
                <span className="conversation-flags">
                  <Badge>{c.channel}</Badge>
                  {c.urgent_at !== null && <Badge tone="bad">Urgent</Badge>}
                  {c.test && <Badge tone="info">Test chat</Badge>}
                  {/* A crisis also asks for a person; "Urgent" says it, and says more. */}
                  {c.needs_human && c.urgent_at === null && <Badge tone="bad">Needs a human</Badge>}
                  {c.contact?.unreachable_at != null && <Badge tone="warn">Can't be reached</Badge>}
                  {c.taken_over && <Badge tone="info">Taken over</Badge>}
                  {c.low_confidence && <Badge tone="warn">Low confidence</Badge>}
                  {c.message_count > 0 && (
                    <span className="muted small">{c.message_count} messages</span>
                  )}
                </span>
              </Link>
            </li>
          ))}
        </ul>
        <Pager {...conversations.pager} count={list.length} noun="conversations" />
      </Loaded>
    </div>
  );
}
