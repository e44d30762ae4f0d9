// How a citizen's search finds a service in the charter: every word typed
// appears somewhere in its text, accents and case aside ("cnh segunda"
// finds "Segunda via da CNH"). One rule for the BFF's `GET /api/services?q=`
// and the catalog, which filters as the citizen types. Pure.

/** Text as the search compares it: no accents, no case ("Habilitação" → "habilitacao"). */
export function foldText(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** A matcher for `query`: true for a text holding every word of it (an empty query matches everything). */
export function wordMatcher(query: string): (text: string) => boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  return (text) => {
    if (!words.length) return true;
    const folded = foldText(text);
    return words.every((w) => folded.includes(w));
  };
}
