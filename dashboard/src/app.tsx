// The app shell: signed out, the sign-in and sign-up screens; signed in, the layout with every screen of
// screens.tsx as a route, told its entry (for its header); either way, an invitation link's page.
import { Suspense } from "react";
import { BrowserRouter, Navigate, Route, Routes } from "react-router";
import { AuthProvider, useAuth } from "./auth/auth-context";
import { Layout } from "./components/layout";
import { CurrentScreen } from "./components/screen-header";
import { ErrorNotice, Spinner } from "./components/ui";
import { screens } from "./screens";
import { AuthScreen } from "./screens/auth/auth-screen";
import { InviteScreen } from "./screens/invite/invite-screen";

function Gate() {
  const { me, meError, reloadMe } = useAuth();
  if (me === undefined) {
    return (
      <main className="center-page">
        {meError ? (
          <ErrorNotice
            error={meError}
            onRetry={() => void reloadMe()}
            title="The dashboard could not load your account"
          />
        ) : (
          <Spinner label="Opening your workspace" />
        )}
      </main>
    );
  }
  if (me === null) {
    return (
      <Routes>
        <Route path="/sign-up" element={<AuthScreen mode="sign-up" />} />
        <Route path="/sign-in" element={<AuthScreen mode="sign-in" />} />
        <Route path="/invite/:token" element={<InviteScreen />} />
        <Route path="*" element={<Navigate to="/sign-in" replace />} />
      </Routes>
    );
  }
  return (
    <Routes>
      <Route path="/invite/:token" element={<InviteScreen />} />
      <Route element={<Layout />}>
        {screens.map((screen) => (
          <Route
            key={screen.path}
            path={screen.path}
            element={
              <CurrentScreen value={screen}>
                <Suspense fallback={<Spinner label="Opening the screen" />}>
                  <screen.Component />
                </Suspense>
              </CurrentScreen>
            }
          />
        ))}
        <Route path="/sign-in" element={<Navigate to="/" replace />} />
        <Route path="/sign-up" element={<Navigate to="/" replace />} />
        <Route path="*" element={<Navigate to="/" replace />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <AuthProvider>
      <BrowserRouter>
        <Gate />
      </BrowserRouter>
    </AuthProvider>
  );
}
