// The page the service worker answers with when a page is neither reachable nor on the device
// (docs/offline.md). Plain HTML and CSS: no client script that could need the network.
export const csr = false;
