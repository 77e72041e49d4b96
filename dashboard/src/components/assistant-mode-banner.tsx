// A banner on the screens where a creator judges their assistant's answers (persona, knowledge): when
// no language model runs on the home server yet, it says in plain words that answers are quoted from
// their material by the built-in answerer and gives the next step; when the home server does not
// answer at all, it says that questions wait until it is back. Silent otherwise, and when the status
// cannot be read (the screen itself says what went wrong with its own data).
import { SETUP_GUIDE_URL } from "../api/config";
import { useApiResource } from "../lib/use-api-resource";

function SetupGuide() {
  if (SETUP_GUIDE_URL) {
    return (
      <a href={SETUP_GUIDE_URL} target="_blank" rel="noreferrer">
        Home server setup guide
      </a>
    );
  }
  return (
    <>
      the “Home server” section of <code>inference-bridge/README.md</code>
    </>
  );
}

export function AssistantModeBanner() {
  const status = useApiResource("/assistant/status");
  const current = status.data;
  if (!current) return null;
  if (!current.reachable) {
    return (
      <section className="notice notice-warn banner" role="status" aria-label="Home server status">
        <strong>Your home server is not answering right now</strong>
        <p>
          Questions wait and are answered as soon as it is back; new uploads are processed then too.
        </p>
      </section>
    );
  }
  if (current.mode !== "builtin") return null;
  return (
    <section
      className="notice notice-warn banner"
      role="status"
      aria-label="How your assistant answers"
    >
      <strong>Your assistant is quoting your material for now</strong>
      <p>
        No AI model is running on your home server yet, so your assistant answers by quoting the
        sentences of your material that fit each question best, and a note under each of those
        answers tells your visitors so.
      </p>
      <p>To let it answer in your own words and voice, on your home server:</p>
      <ol>
        <li>
          Install Ollama (
          <a href="https://ollama.com/download" target="_blank" rel="noreferrer">
            ollama.com/download
          </a>
          ).
        </li>
        <li>
          Run <code>ollama pull llama3.2:1b</code> and <code>ollama pull nomic-embed-text</code>.
        </li>
        <li>
          Restart the bridge (<code>sudo systemctl restart inference-bridge</code>).
        </li>
      </ol>
      <p className="small">
        Step by step: <SetupGuide />.
      </p>
    </section>
  );
}
