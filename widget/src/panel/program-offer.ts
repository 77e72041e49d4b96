// The coaching program the embed offers (`data-program`): reads where the visitor stands with it, lets
// them join, and lets them stop every coaching message after confirming. The edge keeps the state, so a
// reload (or a stop sent from another channel) shows what is true, not what this tab remembers.
import { formatMessage } from "@coach/contracts/messages";
import { PROGRAM_STRINGS } from "../shared/strings";
import {
  joinProgram,
  readEnrollment,
  stopCoaching,
  type ProgramFailure,
  type SessionSource,
} from "./program-api";
import { ProgramView, type ProgramViewState } from "./program-view";

/** What went wrong, in the panel's language when shown. */
function failureWords(failure: ProgramFailure["failure"]): string {
  if (failure === "not_found") return PROGRAM_STRINGS.notFound;
  return failure === "network" ? PROGRAM_STRINGS.offline : PROGRAM_STRINGS.failed;
}

function failed(result: object): result is ProgramFailure {
  return "failure" in result;
}

/** The program bar and its behaviour; `refresh()` reads the visitor's standing again. */
export class ProgramOffer {
  readonly view: ProgramView;
  /** The program's own name once the edge has said it; the slug until then. */
  private name: string;
  private busy = false;
  private lastAttempt: () => Promise<ProgramViewState> = () => this.read();

  constructor(
    private readonly edge: string,
    private readonly slug: string,
    private readonly session: SessionSource,
  ) {
    this.name = slug;
    this.view = new ProgramView({
      join: () => void this.attempt(() => this.join()),
      leave: () => this.view.show({ kind: "confirm" }),
      confirm: () => void this.attempt(() => this.stop()),
      cancel: () => this.view.show({ kind: "enrolled", name: this.name }),
      retry: () => void this.attempt(this.lastAttempt),
    });
  }

  refresh(): void {
    void this.attempt(() => this.read());
  }

  /** Runs one request at a time with the buttons disabled, and shows where it leaves the visitor. */
  private async attempt(request: () => Promise<ProgramViewState>): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    this.lastAttempt = request;
    this.view.setBusy(true);
    const next = await request();
    this.busy = false;
    this.view.show(next);
  }

  private async read(): Promise<ProgramViewState> {
    const result = await readEnrollment(this.edge, this.session, this.slug);
    if (failed(result)) return this.failure(result);
    this.name = result.program?.name ?? this.name;
    if (result.status === "active" && !result.opted_out)
      return { kind: "enrolled", name: this.name };
    const note =
      result.status === "stopped" || result.opted_out
        ? PROGRAM_STRINGS.stoppedNote
        : result.status === "completed"
          ? formatMessage(PROGRAM_STRINGS.completedIn, { program: this.name })
          : null;
    return { kind: "join", name: this.name, note };
  }

  private async join(): Promise<ProgramViewState> {
    const result = await joinProgram(this.edge, this.session, this.slug);
    if (failed(result)) return this.failure(result);
    this.name = result.program_name;
    return { kind: "enrolled", name: this.name };
  }

  private async stop(): Promise<ProgramViewState> {
    const result = await stopCoaching(this.edge, this.session);
    return failed(result)
      ? this.failure(result)
      : { kind: "join", name: this.name, note: PROGRAM_STRINGS.stoppedNote };
  }

  private failure(result: ProgramFailure): ProgramViewState {
    return { kind: "error", message: failureWords(result.failure) };
  }
}
