// A person as far as the edge knows them, in the lists that name people (enrolments, members), so the
// dashboard names them the same way everywhere: their name, their email, the site a widget visitor
// came from, or the channel they came on — never an id.

export type PersonView = {
  display_name: string | null;
  email: string | null;
  channel: "web" | "telegram" | "whatsapp";
  /** A widget visitor's site, the host name of the page they first opened the widget on. */
  site: string | null;
};
