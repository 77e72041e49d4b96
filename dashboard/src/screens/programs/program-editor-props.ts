// What each part of the programs screen that changes the selected program is given.
import type { ProgramView } from "@coach/contracts/programs";

/** The program as last saved, and what to tell once a change to it is saved. */
export type ProgramEditorProps = {
  program: ProgramView;
  /** Called with the program as the API answered the save. */
  onSaved: (program: ProgramView) => void;
};
