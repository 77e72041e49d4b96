// Which of a workspace's own crisis resources a reply names, and how: those for the person's country
// before those for everyone, those in their language before those for every language, in the order the
// creator listed them. A few at most, since a person in a crisis reads the first lines only.
import type { CrisisResource, CrisisResources } from "@coach/contracts/safety-settings";
import type { CrisisLanguage } from "./crisis-patterns";

/** Most resources of the workspace's own named in one reply. */
const MAX_NAMED_RESOURCES = 3;

function specificity(resource: CrisisResource, country: string | null): number {
  return (resource.country === country ? 0 : 2) + (resource.language ? 0 : 1);
}

/** The resources of `own` for a person in `country` (null when unknown) writing in `language`, best first. */
export function resourcesFor(
  own: CrisisResources,
  country: string | null,
  language: CrisisLanguage,
): CrisisResource[] {
  return own.resources
    .filter(
      (r) => (r.country === "*" || r.country === country) && (r.language ?? language) === language,
    )
    .sort((a, b) => specificity(a, country) - specificity(b, country))
    .slice(0, MAX_NAMED_RESOURCES);
}

/** One resource as the reply names it: "Name, phone (url): text". */
export function describeResource(resource: CrisisResource): string {
  const phone = resource.phone ? `, ${resource.phone}` : "";
  const url = resource.url ? ` (${resource.url})` : "";
  const text = resource.text ? `: ${resource.text.replace(/[.!?]+$/, "")}` : "";
  return `${resource.name}${phone}${url}${text}`;
}
