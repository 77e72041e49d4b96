// Builds the bytes of a hostile upload recipe (arbitraries.ts) with the bridge suite's generators, and
// says which recipes the bridge must refuse: those past a cap of the PDF guard or the ZIP guard.
import {
  flateBombPdf,
  formFanOutPdf,
  nestedFlatePdf,
  objectStreamBombPdf,
} from "../../../inference-bridge/test/support/hostile-pdfs";
import {
  overlappingEntriesZip,
  zip64BombDocx,
  zip64HiddenTextDocx,
} from "../../../inference-bridge/test/support/hostile-zips";
import type { HostileUpload, HostileUploadRecipe } from "./arbitraries";

const MIB = 1024 * 1024;

function recipeBytes(recipe: HostileUploadRecipe): Promise<Uint8Array> | Uint8Array {
  switch (recipe.kind) {
    case "flate_string":
      return flateBombPdf(recipe.mib * MIB);
    case "nested_flate":
      return nestedFlatePdf(recipe.layers, recipe.mib * MIB);
    case "object_stream":
      return objectStreamBombPdf({ padBytes: recipe.mib * MIB });
    case "object_stream_string":
      return objectStreamBombPdf({ titleChars: recipe.mib * MIB });
    case "form_fan_out":
      return formFanOutPdf(recipe.depth, recipe.fanout);
    case "zip64_hidden":
      return zip64HiddenTextDocx(recipe.visible, recipe.hidden);
    case "zip64_bomb":
      return zip64BombDocx(recipe.mib * MIB);
    case "overlapping_zip":
      return overlappingEntriesZip();
  }
}

/** The file of `upload`, damaged by its flips. */
export async function hostileFile(upload: HostileUpload): Promise<Uint8Array> {
  const bytes = await recipeBytes(upload.recipe);
  for (const [at, xor] of upload.flips) {
    const index = Math.floor(at * bytes.length);
    bytes[index] = (bytes[index] ?? 0) ^ xor;
  }
  return bytes;
}

/** True when an undamaged file of `recipe` is past a guard's cap, so the bridge must refuse it. */
export function mustBeRefused(recipe: HostileUploadRecipe): boolean {
  switch (recipe.kind) {
    case "flate_string":
    case "object_stream_string":
      // One string over 1 MB.
      return true;
    case "nested_flate":
    case "object_stream":
      // One stream over 32 MB.
      return recipe.mib > 32;
    case "form_fan_out": {
      // The page draws the first form once; each form but the last draws the next `fanout` times.
      let draws = 0;
      for (let level = 0; level < recipe.depth; level++) draws += recipe.fanout ** level;
      return draws > 50_000;
    }
    default:
      return true;
  }
}
