// Sign in and sign up. Sign-up registers, then signs in; the session keeps the token pair and the
// dashboard opens.
import { useState } from "react";
import { Link } from "react-router";
import { publicPost } from "../../api/client";
import { API_BASE } from "../../api/config";
import { keepDeviceToken, readDeviceToken } from "../../api/device-token";
import { useAuth } from "../../auth/auth-context";
import { TextField } from "../../components/form-fields";
import { Button, ErrorNotice } from "../../components/ui";
import { submitting, useAction } from "../../lib/use-resource";

export function AuthScreen({ mode }: { mode: "sign-in" | "sign-up" }) {
  const { signedIn } = useAuth();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [fullName, setFullName] = useState("");
  // An invitation link's page sends people here with its token (?invitation=…) to carry it along.
  const [linked] = useState(
    () => new URLSearchParams(window.location.search).get("invitation") ?? "",
  );
  const [invitation, setInvitation] = useState(linked);
  const submit = useAction(async () => {
    // A pasted link is as good as its token.
    const token = decodeURIComponent(invitation.trim().replace(/^.*\/invite\//, ""));
    const invited = token ? { invitation_token: token } : {};
    if (mode === "sign-up") {
      // Sign-up answers alike whether or not the email already has an account (202, no tokens), so it
      // reveals nothing; the new account is then signed in to like any other. A sign-up consumes the
      // invitation, so the sign-in after it does not send it again.
      await publicPost(API_BASE, "/auth/register", {
        email,
        password,
        full_name: fullName,
        ...invited,
      });
    }
    // A known device is not slowed by strangers' guesses; an unlock link (?unlock=…) lets a new one in once.
    const unlock = new URLSearchParams(window.location.search).get("unlock");
    const device = readDeviceToken();
    const tokens = await publicPost(API_BASE, "/auth/login", {
      email,
      password,
      ...(mode === "sign-in" ? invited : {}),
      ...(device ? { device_token: device } : {}),
      ...(unlock ? { unlock_token: unlock } : {}),
    });
    keepDeviceToken(tokens.device_token);
    await signedIn(tokens);
  });
  const onSubmit = submitting(submit);
  const signUp = mode === "sign-up";

  return (
    <main className="auth-page">
      <form className="card auth-card" onSubmit={onSubmit} aria-labelledby="auth-title">
        <p className="brand">Coach</p>
        <h1 id="auth-title">{signUp ? "Create your coaching workspace" : "Sign in"}</h1>
        <p className="muted">
          {signUp
            ? "Upload your material, set your voice, and embed your assistant in about ten minutes."
            : "Welcome back. Sign in to your workspace."}
        </p>
        {signUp && (
          <TextField
            label="Your name"
            name="full_name"
            autoComplete="name"
            required
            value={fullName}
            onValue={setFullName}
          />
        )}
        <TextField
          label="Email"
          name="email"
          type="email"
          autoComplete="email"
          required
          value={email}
          onValue={setEmail}
        />
        <TextField
          label="Password"
          hint={signUp ? "At least 8 characters; very common passwords are refused." : undefined}
          name="password"
          type="password"
          autoComplete={signUp ? "new-password" : "current-password"}
          required
          minLength={signUp ? 8 : 1}
          value={password}
          onValue={setPassword}
        />
        <details className="small" open={linked !== ""}>
          <summary>I was invited to a workspace</summary>
          <TextField
            label="Invitation link or token"
            hint="From the person who invited you; you join their workspace."
            autoComplete="off"
            value={invitation}
            onValue={setInvitation}
          />
        </details>
        <ErrorNotice
          error={submit.error}
          title={signUp ? "Could not create the account" : "Could not sign in"}
        />
        <Button type="submit" variant="primary" busy={submit.busy}>
          {signUp ? "Create account" : "Sign in"}
        </Button>
        <p className="muted small">
          {signUp ? (
            <>
              Already have an account? <Link to={`/sign-in${window.location.search}`}>Sign in</Link>
            </>
          ) : (
            <>
              New here? <Link to={`/sign-up${window.location.search}`}>Create an account</Link>
            </>
          )}
        </p>
      </form>
    </main>
  );
}
