// Injection payloads for tests/e2e/injection.test.mjs: classic XSS vectors,
// each breaking out of the usual contexts (text, attribute, title, script,
// style, comment), and template or message-format syntax that must stay
// text. Each calls `__xss(n)`, which the test defines, so a payload that runs
// says which one it was.
const vectors = [
  (n) => `<script>__xss(${n})</script>`,
  (n) => `<img src=x onerror=__xss(${n})>`,
  (n) => `<svg onload=__xss(${n})>`,
  (n) => `<svg><script>__xss(${n})</script></svg>`,
  (n) => `<iframe src="javascript:__xss(${n})"></iframe>`,
  (n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
  (n) => `<body onload=__xss(${n})>`,
  (n) => `<a href="javascript:__xss(${n})">click</a>`,
  (n) => `<details open ontoggle=__xss(${n})>`,
  (n) => `<input autofocus onfocus=__xss(${n})>`,
  (n) => `<video><source onerror=__xss(${n})></video>`,
  (n) => `<audio src=x onerror=__xss(${n})>`,
  (n) => `<object data="javascript:__xss(${n})"></object>`,
  (n) => `<embed src="javascript:__xss(${n})">`,
  (n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
  (n) => `<form action="javascript:__xss(${n})"><button>go</button></form>`,
  (n) => `<marquee onstart=__xss(${n})>`,
  (n) => `<div style="background:url(javascript:__xss(${n}))">`,
  (n) => `<base href="javascript:__xss(${n})//">`,
  (n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
  (n) => `<link rel=stylesheet href="javascript:__xss(${n})">`,
  (n) => `<style>@import 'javascript:__xss(${n})';</style>`,
  (n) => `<img src="x" onerror="&#95;&#95;xss(${n})">`,
  (n) => `<IMG SRC=JaVaScRiPt:__xss(${n})>`,
  (n) => `<scr<script>ipt>__xss(${n})</scr</script>ipt>`,
  (n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
  (n) => `<template><img src=x onerror=__xss(${n})></template>`,
  (n) => `<select autofocus onfocus=__xss(${n})>`,
  (n) => `<textarea autofocus onfocus=__xss(${n})>`,
  (n) => `<keygen autofocus onfocus=__xss(${n})>`,
  (n) => `<x onclick=__xss(${n})>custom</x>`,
  (n) => `<a href="data:text/html;base64,PHNjcmlwdD5wYXJlbnQuX194c3MoMSk8L3NjcmlwdD4=">${n}</a>`,
  (n) => `javascript:__xss(${n})`,
  (n) => `<img src=x:alert(alt) onerror=eval(src) alt=__xss(${n})>`,
  (n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
  (n) => `<svg><a xlink:href="javascript:__xss(${n})"><text x=20 y=20>x</text></a></svg>`,
  (n) => `<isindex type=image src=1 onerror=__xss(${n})>`,
  (n) => `<object type="text/x-scriptlet" data="javascript:__xss(${n})"></object>`,
];

// What comes before a vector, to leave whatever context it lands in.
const breakouts = ['', '">', "'>", '</title>', '</script>', '-->', '</style>', '</textarea>'];

// Syntax of other engines, which must stay as typed.
const plain = [
  '{{constructor.constructor("__xss(900)")()}}', '${__xss(901)}', '#{__xss(902)}', '<%= __xss(903) %>',
  '{ $count } { NUMBER($x) } {-brand}', '{"@context": "</script><script>__xss(904)</script>"}',
  '&lt;script&gt;__xss(905)&lt;/script&gt;', '&#x3C;script&#x3E;__xss(906)&#x3C;/script&#x3E;',
  '%3Cscript%3E__xss(907)%3C%2Fscript%3E', '\u202eevil\u202c \u200b zero\u200dwidth', 'line\u2028separator\u2029end',
  'NUL \u0001 control', '<![CDATA[<script>__xss(908)</script>]]>', '<!-- <script>__xss(909)</script> -->',
];

export const PAYLOADS = [];
vectors.forEach((vector, i) => {
  PAYLOADS.push(vector(i));
  // Each vector once more behind two of the breakouts.
  PAYLOADS.push(breakouts[1 + (i % (breakouts.length - 1))] + vector(100 + i));
  if (i % 3 === 0) PAYLOADS.push(breakouts[1 + ((i + 3) % (breakouts.length - 1))] + vector(200 + i));
});
PAYLOADS.push(...plain);

// Links that are not http(s): every one must be refused (no href at all).
export const BAD_URLS = [
  'javascript:__xss(1000)', 'JaVaScRiPt:__xss(1001)', ' javascript:__xss(1002)', 'java\tscript:__xss(1003)',
  'java\nscript:__xss(1004)', '\u0000javascript:__xss(1005)', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'vbscript:msgbox(1)', 'file:///etc/passwd', '//evil.example/x', '/relative/path', 'mailto:a@b.c', 'ftp://example.org/x',
  'blob:https://example.org/x', 'https:javascript:__xss(1006)', 'http:/\\evil.example', '&#106;avascript:__xss(1007)',
];

// http(s) links with something hostile inside: kept, and harmless as an attribute value.
export const ODD_HTTP_URLS = [
  'https://example.org/"onmouseover="__xss(1100)', "https://example.org/'><script>__xss(1101)</script>",
  'https://example.org/?q=<img src=x onerror=__xss(1102)>', 'HTTPS://EXAMPLE.ORG/#javascript:__xss(1103)',
];
