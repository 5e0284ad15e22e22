// The front page and the citizen's overview are links and plain forms, with nothing to hydrate: they
// ship no client code but the service worker's registration (docs/ARCHITECTURE.md, "Page weight").
export const csr = false;
