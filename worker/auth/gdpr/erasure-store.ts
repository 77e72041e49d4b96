// The contract every store holding an end user's (a contact's) data implements, so one request can
// export or erase them everywhere and answer with a receipt of what happened where.

/** The end user to export or erase, resolved by the Worker from the owner's workspace. */
export type ErasureSubject = {
  tenantId: string;
  contactId: string;
  /** The contact's conversations (their rooms are named `${tenantId}:${conversationId}`). */
  conversationIds: string[];
  requestId: string;
};

/** One line of the receipt. */
export type StoreReceipt = {
  store: string;
  /** "erased": done; "nothing_stored": the store held nothing; "failed": kept, repeat the request. */
  status: "erased" | "nothing_stored" | "failed";
  items: number;
  detail?: string;
};

/** A place where a contact's personal data may live. */
export interface ErasureStore {
  readonly name: string;
  /** The subject's data in this store, as JSON (undefined when the store cannot export). */
  exportData?(subject: ErasureSubject): Promise<unknown>;
  /** Erases the subject's data; idempotent, so a failed erasure can simply be repeated. */
  erase(subject: ErasureSubject): Promise<StoreReceipt>;
}

/**
 * The receipt of `erase`, which answers how many items went: erased, or nothing stored when none did.
 * When it throws, the store's data is kept and the receipt says `failed` with `unreachable`, so the
 * owner repeats the request.
 */
export async function erasureReceipt(
  store: string,
  unreachable: string,
  erase: () => Promise<number>,
): Promise<StoreReceipt> {
  try {
    const items = await erase();
    return { store, status: items > 0 ? "erased" : "nothing_stored", items };
  } catch {
    return { store, status: "failed", items: 0, detail: unreachable };
  }
}
