// The widget designer: settings with a live preview, the sites allowed to embed it, and the embed
// snippet to copy into a site.
import type { WidgetSettings, WidgetView } from "@coach/contracts/widget";
import { Field, TextField } from "../../components/form-fields";
import { ScreenHeader } from "../../components/screen-header";
import {
  Button,
  Card,
  CopyButton,
  ErrorNotice,
  Skeleton,
  SuccessNotice,
} from "../../components/ui";
import { LoadError } from "../../components/resource-view";
import { embedSnippet } from "../../lib/embed-snippet";
import { submitting } from "../../lib/use-resource";
import { type DraftShape, useSettingsDraft } from "../../lib/use-settings-draft";
import { OriginsEditor } from "./origins-editor";
import { WidgetPreview } from "./widget-preview";

type Draft = Pick<WidgetView, "settings" | "allowed_origins">;

/** The form edits the settings and the sites; empty suggested questions are dropped on save. */
const WIDGET_DRAFT: DraftShape<"/widget", Draft> = {
  toDraft: ({ settings, allowed_origins }) => ({ settings, allowed_origins }),
  toBody: ({ settings, allowed_origins }) => ({
    settings: {
      ...settings,
      suggested_questions: settings.suggested_questions.map((q) => q.trim()).filter(Boolean),
    },
    allowed_origins,
  }),
};

export function WidgetScreen() {
  const { current: widget, draft, change, save, saved } = useSettingsDraft("/widget", WIDGET_DRAFT);
  const settings = draft?.settings;
  const origins = draft?.allowed_origins ?? [];
  const set = <K extends keyof WidgetSettings>(key: K, value: WidgetSettings[K]) =>
    change((d) => ({ ...d, settings: { ...d.settings, [key]: value } }));
  const setColour = (key: keyof WidgetSettings["colors"], value: string) =>
    settings && set("colors", { ...settings.colors, [key]: value });
  const onSubmit = submitting(save);

  if (widget.error && !widget.data) {
    return (
      <>
        <ScreenHeader />
        <LoadError resource={widget} title="Could not load the widget" />
      </>
    );
  }
  return (
    <>
      <ScreenHeader />
      {!settings || !widget.data ? (
        <Skeleton lines={8} />
      ) : (
        <>
          <Card title="Embed snippet">
            <p className="muted">
              Paste this before the closing &lt;/body&gt; tag of each page, on a site listed under
              “Allowed sites”.
            </p>
            <pre className="snippet" data-testid="embed-snippet">
              <code>{embedSnippet(widget.data.public_key)}</code>
            </pre>
            <CopyButton text={embedSnippet(widget.data.public_key)} label="Copy snippet" />
          </Card>
          <form onSubmit={onSubmit}>
            <div className="split">
              <Card title="Look and words">
                <div className="form-grid">
                  <TextField
                    label="Assistant name"
                    required
                    maxLength={60}
                    value={settings.assistant_name}
                    onValue={(value) => set("assistant_name", value)}
                  />
                  <TextField
                    label="Launcher text"
                    maxLength={40}
                    value={settings.launcher_text}
                    onValue={(value) => set("launcher_text", value)}
                  />
                  <Field label="Greeting" wide>
                    {(id) => (
                      <textarea
                        id={id}
                        rows={2}
                        maxLength={500}
                        value={settings.greeting}
                        onChange={(e) => set("greeting", e.target.value)}
                      />
                    )}
                  </Field>
                  <TextField
                    label="Primary colour"
                    type="color"
                    value={settings.colors.primary}
                    onValue={(value) => setColour("primary", value)}
                  />
                  <TextField
                    label="Background colour"
                    type="color"
                    value={settings.colors.background}
                    onValue={(value) => setColour("background", value)}
                  />
                  <TextField
                    label="Text colour"
                    type="color"
                    value={settings.colors.text}
                    onValue={(value) => setColour("text", value)}
                  />
                  <Field label="Position">
                    {(id) => (
                      <select
                        id={id}
                        value={settings.position}
                        onChange={(e) =>
                          set("position", e.target.value as WidgetSettings["position"])
                        }
                      >
                        <option value="right">Bottom right</option>
                        <option value="left">Bottom left</option>
                      </select>
                    )}
                  </Field>
                  <Field
                    label="Suggested questions"
                    hint="Up to six, one per line; shown as buttons when the chat opens."
                    wide
                  >
                    {(id, describedBy) => (
                      <textarea
                        id={id}
                        rows={3}
                        aria-describedby={describedBy}
                        value={settings.suggested_questions.join("\n")}
                        onChange={(e) =>
                          set(
                            "suggested_questions",
                            e.target.value
                              .split("\n")
                              .map((q) => q.trimStart())
                              .filter((q, i, all) => q || i === all.length - 1)
                              .slice(0, 6),
                          )
                        }
                      />
                    )}
                  </Field>
                </div>
              </Card>
              <Card title="Live preview" className="sticky">
                <WidgetPreview
                  settings={{
                    ...settings,
                    suggested_questions: settings.suggested_questions.filter(Boolean),
                  }}
                />
              </Card>
            </div>
            <Card title="Allowed sites">
              <OriginsEditor
                origins={origins}
                onChange={(next) => change((d) => ({ ...d, allowed_origins: next }))}
              />
            </Card>
            <ErrorNotice error={save.error} title="The widget was not saved" />
            {saved && (
              <SuccessNotice>Saved. Visitors see the changes within a minute.</SuccessNotice>
            )}
            <div className="form-actions">
              <Button type="submit" variant="primary" busy={save.busy}>
                Save widget
              </Button>
            </div>
          </form>
        </>
      )}
    </>
  );
}
