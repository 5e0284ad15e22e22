// A list of letters and decisions (links to the PDF files), with nothing to hydrate: the page ships
// no client code but the service worker's registration (docs/ARCHITECTURE.md, "Page weight").
export const csr = false;
