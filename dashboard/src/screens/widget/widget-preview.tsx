// A live picture of the widget with the settings being edited (before they are saved): the launcher and
// the open panel, in the chosen colours, position, name, greeting and suggested questions.
import type { WidgetSettings } from "@coach/contracts/widget";

export function WidgetPreview({ settings }: { settings: WidgetSettings }) {
  const { colors } = settings;
  return (
    <div className="widget-preview" aria-label="Widget preview" role="img">
      <div className={`preview-stage preview-${settings.position}`}>
        <div
          className="preview-panel"
          style={{ background: colors.background, color: colors.text }}
        >
          <div className="preview-head" style={{ background: colors.primary }}>
            {settings.avatar_url ? (
              <img src={settings.avatar_url} alt="" className="preview-avatar" />
            ) : (
              <span className="preview-avatar" aria-hidden="true" />
            )}
            <strong>{settings.assistant_name}</strong>
          </div>
          <div className="preview-body">
            {settings.greeting && <p className="preview-bubble">{settings.greeting}</p>}
            <div className="preview-chips">
              {settings.suggested_questions.map((q) => (
                <span
                  key={q}
                  className="preview-chip"
                  style={{ borderColor: colors.primary, color: colors.primary }}
                >
                  {q}
                </span>
              ))}
            </div>
          </div>
          <div className="preview-input">Type a message…</div>
        </div>
        <span className="preview-launcher" style={{ background: colors.primary }}>
          {settings.launcher_text || "Chat"}
        </span>
      </div>
    </div>
  );
}
