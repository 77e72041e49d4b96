// An invitation link (/invite/:token): which workspace it opens, with which role and for which email.
// Signed in with that email, one click joins and opens the workspace; signed out, creating an account
// or signing in carries the invitation along and lands in the workspace. A used, withdrawn or expired
// link says so, in the edge's words.
import { Link, useNavigate, useParams } from "react-router";
import { publicGet } from "../../api/client";
import { API_BASE } from "../../api/config";
import { useAuth } from "../../auth/auth-context";
import { Button, ErrorNotice, Spinner } from "../../components/ui";
import { ROLE_HELP } from "../../lib/roles";
import { useAction, useResource } from "../../lib/use-resource";

export function InviteScreen() {
  const { token = "" } = useParams();
  const { api, me, signOut, switchWorkspace } = useAuth();
  const navigate = useNavigate();
  const invitation = useResource(
    (signal) => publicGet(API_BASE, "/invitations/:token", { params: { token }, signal }),
    [token],
  );
  const join = useAction(async () => {
    const joined = await api.post("/invitations/:token/accept", { params: { token } });
    await switchWorkspace(joined.tenant_id);
    navigate("/", { replace: true });
  });
  const carried = `?invitation=${encodeURIComponent(token)}`;
  const invited = invitation.data;

  return (
    <main className="auth-page">
      <section className="card auth-card" aria-labelledby="invite-title">
        <p className="brand">Coach</p>
        {invitation.loading && !invited && <Spinner label="Opening the invitation" />}
        {invitation.error && (
          <>
            <h1 id="invite-title">This invitation cannot be used</h1>
            <ErrorNotice error={invitation.error} title="The link does not work any more" />
            <Link to="/">{me ? "Go to your workspace" : "Sign in"}</Link>
          </>
        )}
        {invited && (
          <>
            <h1 id="invite-title">Join {invited.workspace_name}</h1>
            <p>
              You are invited as <strong>{invited.role}</strong>: {ROLE_HELP[invited.role]}
            </p>
            <p className="muted small">
              For {invited.email}. The invitation works once, until{" "}
              {new Date(invited.expires_at).toLocaleDateString()}.
            </p>
            {!me ? (
              <>
                <Link className="btn btn-primary" to={`/sign-up${carried}`}>
                  Create an account to join
                </Link>
                <p className="muted small">
                  Already have an account? <Link to={`/sign-in${carried}`}>Sign in to join</Link>
                </p>
              </>
            ) : me.user.email === invited.email ? (
              <>
                <ErrorNotice error={join.error} title="Could not join the workspace" />
                <Button variant="primary" busy={join.busy} onClick={() => void join.run()}>
                  Join {invited.workspace_name} as {invited.role}
                </Button>
              </>
            ) : (
              <>
                <p>
                  You are signed in as <strong>{me.user.email}</strong>. Sign out, then sign in or
                  create an account with {invited.email} to join.
                </p>
                <Button onClick={() => void signOut()}>Sign out</Button>
              </>
            )}
          </>
        )}
      </section>
    </main>
  );
}
