// The journey is links (the timeline pages by ?efter=) and downloads, with nothing to hydrate: it
// ships no client code but the service worker's registration (docs/ARCHITECTURE.md, "Page weight").
export const csr = false;
