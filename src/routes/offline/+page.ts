// The service worker shows this page in place of any page that could not load. It is plain
// HTML: hydrating it under another page's URL would confuse the router, and every link on it
// should be a full navigation that tries the network again.
export const csr = false;
