// What each part of a contact's coaching preferences that changes their coaching state is given.
import type { ContactCoachingView } from "@coach/contracts/programs";

/** The contact, their coaching state as last read, and what to tell with the state a change leaves. */
export type CoachingStateProps = {
  contactId: string;
  state: ContactCoachingView;
  onChanged: (state: ContactCoachingView) => void;
};
