// The signed-in frame: a skip link, the navigation (a drawer on narrow screens) with the workspace
// switcher, and the current screen.
import { useEffect, useState } from "react";
import { matchPath, NavLink, Outlet, useLocation } from "react-router";
import { useAuth, useMe } from "../auth/auth-context";
import { screens, type ScreenEntry } from "../screens";
import { WorkspaceSwitcher } from "../screens/workspaces/workspace-switcher";
import { Button } from "./ui";

const GROUPS: ScreenEntry["group"][] = ["Start", "Coach", "Conversations", "Workspace"];

export function Layout() {
  const me = useMe();
  const { signOut } = useAuth();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  useEffect(() => {
    setMenuOpen(false);
    // A new screen starts at its top, not where the last one was scrolled to (on a phone, far down).
    window.scrollTo(0, 0);
    // Each screen names the tab, so history, bookmarks and screen readers say where one is.
    const current = screens.find((s) => matchPath(s.path, location.pathname));
    document.title = `${current?.label ?? "Dashboard"} · ${me.tenant.name} · Coach`;
  }, [location.pathname, me.tenant.name]);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Button
          variant="ghost"
          className="menu-button"
          aria-expanded={menuOpen}
          aria-controls="sidebar"
          onClick={() => setMenuOpen((open) => !open)}
        >
          {menuOpen ? "Close menu" : "Menu"}
        </Button>
        <span className="brand">Coach</span>
      </header>
      <nav id="sidebar" className={`sidebar ${menuOpen ? "open" : ""}`} aria-label="Main">
        <div className="brand brand-side">Coach</div>
        <WorkspaceSwitcher />
        {GROUPS.map((group) => (
          <div key={group} className="nav-group">
            <p className="nav-group-title">{group}</p>
            <ul>
              {screens
                .filter((s) => s.group === group)
                .map((s) => (
                  <li key={s.to}>
                    <NavLink
                      to={s.to}
                      end={s.to === "/"}
                      className={({ isActive }) => `nav-link ${isActive ? "active" : ""}`}
                    >
                      {s.label}
                    </NavLink>
                  </li>
                ))}
            </ul>
          </div>
        ))}
        <div className="sidebar-foot">
          <p className="muted small" title={me.user.email}>
            {me.user.full_name}
            <br />
            {me.role} · {me.user.email}
          </p>
          <Button variant="ghost" onClick={() => void signOut()}>
            Sign out
          </Button>
        </div>
      </nav>
      <main id="main" className="content" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
