// Account notices as the sign-in answers them (`notices` in the login response): what happened to the
// person's account since they last signed in, said once.
import type { AccountNoticeCode, AccountNoticeRow } from "../db/accounts";

/** One notice in the login response. */
export type AccountNoticeView = {
  code: AccountNoticeCode;
  count: number;
  first_at: string;
  last_at: string;
  message: string;
};

const MESSAGES: Record<AccountNoticeCode, string> = {
  registration_attempted:
    "Someone tried to create an account with your email address. Nothing about your account changed; if it was not you, you need do nothing.",
};

/** A stored notice as the API shows it. */
export function noticeView(row: AccountNoticeRow): AccountNoticeView {
  return {
    code: row.code,
    count: row.count,
    first_at: new Date(row.firstAt).toISOString(),
    last_at: new Date(row.lastAt).toISOString(),
    message: MESSAGES[row.code],
  };
}
