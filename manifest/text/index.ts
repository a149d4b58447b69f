// One escaping module for every renderer: terminal, markdown, HTML, TypeScript literals, JSON.
// It lives in manifest/ because manifest/ is the one layer every other layer may import (policies/ may
// import only manifest/), so provisioning/, policies/ and cli/ all escape the same way.
export * from './untrusted';
export * from './visible';
export * from './terminal';
export * from './markdown';
export * from './html';
export * from './typescript';
export * from './json';
export * from './sarif';
