// A list of tasks (links), with nothing to hydrate: the page ships no client code but the service
// worker's registration (docs/ARCHITECTURE.md, "Page weight").
export const csr = false;
