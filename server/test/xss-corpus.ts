/**
 * XSS payloads for every field that shows people's text (see xss-fields.ts). Sources: the OWASP
 * "XSS Filter Evasion" and "XSS Prevention" cheat sheets, DOMPurify's mutation-XSS reports and
 * Markdown-specific forms (links, images, autolinks, reference definitions, footnotes).
 * Plain data without imports, so the Playwright specs can use it too.
 * `browser` marks the sample the end-to-end spec posts through the app.
 */
export interface XssPayload {
  label: string;
  payload: string;
  browser?: true;
}

const js = "alert(1)";
const b64Script = "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="; // <script>alert(1)</script>
const b64Svg = "PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+"; // <svg onload=alert(1)>
const entityEncoded = [..."javascript:"].map((char) => `&#${char.charCodeAt(0)};`).join("");

export const xssCorpus: readonly XssPayload[] = [
  // javascript: in Markdown links, in every spelling
  { label: "md link javascript:", payload: `[x](javascript:${js})`, browser: true },
  { label: "md link JAVASCRIPT: upper case", payload: `[x](JAVASCRIPT:${js})` },
  { label: "md link JaVaScRiPt: mixed case", payload: `[x](JaVaScRiPt:${js})` },
  { label: "md link &#106; decimal entity", payload: `[x](&#106;avascript:${js})`, browser: true },
  { label: "md link zero-padded decimal entities", payload: `[x](&#0000106;&#0000097;vascript:${js})` },
  { label: "md link &#x6A; hex entity", payload: `[x](&#x6A;avascript:${js})` },
  { label: "md link hex entities without semicolons", payload: `[x](&#x6A&#x61vascript:${js})` },
  { label: "md link scheme fully entity-encoded", payload: `[x](${entityEncoded}${js})` },
  { label: "md link &colon; named entity", payload: `[x](javascript&colon;${js})` },
  { label: "md link tab inside scheme", payload: `[x](java\tscript:${js})`, browser: true },
  { label: "md link &#x09; tab entity inside scheme", payload: `[x](java&#x09;script:${js})` },
  { label: "md link &#x0A; newline entity inside scheme", payload: `[x](java&#x0A;script:${js})` },
  { label: "md link &#x0D; carriage return entity inside scheme", payload: `[x](java&#x0D;script:${js})` },
  { label: "md link &Tab; named entity inside scheme", payload: `[x](java&Tab;script:${js})` },
  { label: "md link &NewLine; named entity inside scheme", payload: `[x](java&NewLine;script:${js})` },
  { label: "md link leading space", payload: `[x]( javascript:${js})` },
  { label: "md link leading and trailing spaces", payload: `[x](   javascript:${js}   )` },
  { label: "md link leading newline", payload: `[x](\njavascript:${js})` },
  { label: "md link leading &#32; space entity", payload: `[x](&#32;javascript:${js})` },
  { label: "md link leading control char U+0001", payload: `[x](\u0001javascript:${js})` },
  { label: "md link leading &#14; control entity", payload: `[x](&#14;javascript:${js})` },
  { label: "md link null byte inside scheme", payload: `[x](java\u0000script:${js})` },
  { label: "md link &#0; entity inside scheme", payload: `[x](java&#0;script:${js})` },
  { label: "md link zero-width space inside scheme", payload: `[x](java\u200Bscript:${js})` },
  { label: "md link URL-encoded scheme", payload: `[x](%6A%61%76%61%73%63%72%69%70%74%3A${js})` },
  { label: "md link URL-encoded colon", payload: `[x](javascript%3A${js})` },
  { label: "md link backslash-escaped colon", payload: `[x](javascript\\:${js})` },
  { label: "md link angle-bracket destination", payload: `[x](<javascript:${js}>)`, browser: true },
  { label: "md link with title", payload: `[x](javascript:${js} "Titel")` },
  { label: "md link javascript:// comment and %0A", payload: `[x](javascript://%0A${js})` },
  { label: "md link unicode escape in code", payload: `[x](javascript:\\u0061lert(1))` },
  { label: "md link livescript:", payload: `[x](livescript:${js})` },
  { label: "md link vbscript:", payload: "[x](vbscript:msgbox(1))" },
  { label: "md link VBSCRIPT: upper case", payload: "[x](VBSCRIPT:msgbox(1))" },

  // autolinks and reference definitions
  { label: "autolink javascript:", payload: `<javascript:${js}>`, browser: true },
  { label: "autolink JAVASCRIPT: upper case", payload: `<JAVASCRIPT:${js}>` },
  { label: "autolink vbscript:", payload: "<vbscript:msgbox(1)>" },
  { label: "autolink data:text/html", payload: `<data:text/html;base64,${b64Script}>` },
  { label: "bare javascript: text (GFM literal autolink)", payload: `javascript:${js}` },
  { label: "GFM www autolink followed by markup", payload: `www.example.org/"onmouseover="${js}` },
  { label: "reference definition javascript:", payload: `[Klick][x]\n\n[x]: javascript:${js}`, browser: true },
  { label: "reference definition in angle brackets", payload: `[x]\n\n[x]: <javascript:${js}>` },
  { label: "collapsed reference javascript:", payload: `[x][]\n\n[x]: javascript:${js}` },
  { label: "reference definition with title-breaking quotes", payload: `[x]\n\n[x]: https://example.org '" onmouseover="${js}'` },
  { label: "reference definition data:text/html", payload: `[x]\n\n[x]: data:text/html;base64,${b64Script}` },

  // images
  { label: "md image javascript:", payload: `![x](javascript:${js})` },
  { label: "md image reference javascript:", payload: `![x][i]\n\n[i]: javascript:${js}` },
  { label: "md image data:image/svg+xml", payload: `![x](data:image/svg+xml;base64,${b64Svg})`, browser: true },
  { label: "md image data:text/html", payload: `![x](data:text/html;base64,${b64Script})` },
  { label: "md image title breaking out into onerror", payload: `![x](https://example.org/a.png "\\" onerror=\\"${js}")` },
  { label: "md image alt breaking out into onerror", payload: `![" onerror="${js}](https://example.org/a.png)` },
  { label: "md image src breaking out with a quote", payload: `![x](https://example.org/a.png"onerror="${js})` },

  // data: URLs in links
  { label: "md link data:text/html inline script", payload: `[x](data:text/html,<script>${js}</script>)` },
  { label: "md link data:text/html base64", payload: `[x](data:text/html;base64,${b64Script})` },
  { label: "md link data:image/svg+xml", payload: `[x](data:image/svg+xml;base64,${b64Svg})` },
  { label: "md link DATA: upper case", payload: `[x](DATA:text/html;base64,${b64Script})` },
  { label: "md link &#100; entity data:", payload: `[x](&#100;ata:text/html;base64,${b64Script})` },

  // nested Markdown and attribute breaking through Markdown
  { label: "image inside javascript: link", payload: `[![x](https://example.org/a.png)](javascript:${js})`, browser: true },
  { label: "javascript: image inside javascript: link", payload: `[![x](javascript:${js})](javascript:alert(2))` },
  { label: "emphasis inside javascript: link text", payload: `[**fett** _kursiv_ ~~weg~~](javascript:${js})` },
  { label: "code inside javascript: link text", payload: `[\`code\`](javascript:${js})` },
  { label: "javascript: link inside a link", payload: `[a [b](javascript:${js})](https://example.org)` },
  { label: "javascript: link inside emphasis", payload: `*[x](javascript:${js})*` },
  { label: "javascript: link in heading, list, quote", payload: `# [h](javascript:${js})\n\n- [l](javascript:${js})\n\n> [q](javascript:${js})` },
  { label: "javascript: link in a GFM table", payload: `| a |\n|---|\n| [x](javascript:${js}) |` },
  { label: "javascript: link in a footnote", payload: `Text[^1]\n\n[^1]: [x](javascript:${js})` },
  { label: "footnote label with markup", payload: `a[^"><img src=x onerror=${js}>]\n\n[^"><img src=x onerror=${js}>]: b` },
  { label: "link title breaking double quotes", payload: `[x](https://example.org "a\\" onmouseover=\\"${js}")` },
  { label: "link title with &quot; entities", payload: `[x](https://example.org "&quot; onmouseover=&quot;${js}")` },
  { label: "link href breaking double quote", payload: `[x](https://example.org/"onmouseover="${js})`, browser: true },
  { label: "link href breaking single quote", payload: `[x](https://example.org/'onmouseover='${js})` },
  { label: "link href with script in query", payload: `[x](https://example.org/?q=<script>${js}</script>)` },
  { label: "attribute list syntax after a link", payload: `[x](https://example.org){onclick=${js}}` },
  { label: "code fence info string breaking the class", payload: `\`\`\`"onmouseover="${js}\nx\n\`\`\`` },
  { label: "code fence with script", payload: `\`\`\`html\n<script>${js}</script>\n\`\`\`` },
  { label: "inline code with script", payload: `\`<script>${js}</script>\`` },
  { label: "task list item with img onerror", payload: `- [x] <img src=x onerror=${js}>` },
  { label: "table cell with img onerror", payload: `| <img src=x onerror=${js}> |\n|---|\n| b |` },
  { label: "setext heading with svg onload", payload: `<svg onload=${js}>\n===` },
  { label: "HTML block inside a list item", payload: `- a\n\n  <div onclick="${js}">b</div>` },

  // raw HTML
  { label: "script tag", payload: `<script>${js}</script>`, browser: true },
  { label: "script tag with src, upper case", payload: "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>" },
  { label: "script with slash instead of space", payload: "<script/xss src=https://xss.example/xss.js></script>" },
  { label: "img onerror", payload: `<img src=x onerror=${js}>`, browser: true },
  { label: "IMG SRC javascript:", payload: "<IMG SRC=\"javascript:alert('XSS');\">" },
  { label: "IMG SRC javascript: with &quot;", payload: "<IMG SRC=javascript:alert(&quot;XSS&quot;)>" },
  { label: "img eval(src) trick", payload: "<img src=x:alert(alt) onerror=eval(src) alt=0>" },
  { label: "img with backtick quoted src", payload: `<img src=\`x\`onerror=${js}>` },
  { label: "malformed img with script inside quotes", payload: `<IMG """><SCRIPT>${js}</SCRIPT>">` },
  { label: "svg onload", payload: `<svg onload=${js}>`, browser: true },
  { label: "svg/onload without space", payload: `<svg/onload=${js}>` },
  { label: "svg with script", payload: `<svg><script>${js}</script></svg>` },
  { label: "svg a xlink:href", payload: `<svg><a xlink:href="javascript:${js}"><text x="20" y="20">x</text></a></svg>` },
  { label: "svg animate onbegin", payload: `<svg><animate onbegin=${js} attributeName=x dur=1s>` },
  { label: "iframe srcdoc", payload: `<iframe srcdoc="<script>${js}</script>"></iframe>`, browser: true },
  { label: "iframe src javascript:", payload: `<iframe src="javascript:${js}"></iframe>` },
  { label: "object data javascript:", payload: `<object data="javascript:${js}"></object>` },
  { label: "embed data:image/svg+xml", payload: `<embed src="data:image/svg+xml;base64,${b64Svg}">` },
  { label: "math href javascript:", payload: `<math href="javascript:${js}">KLICK</math>` },
  { label: "math/style mutation XSS", payload: `<math><mtext><table><mglyph><style><img src=x onerror=${js}></style></mglyph></table></mtext></math>` },
  { label: "details ontoggle", payload: `<details open ontoggle=${js}>`, browser: true },
  { label: "a href javascript:", payload: `<a href="javascript:${js}">x</a>` },
  { label: "a with onclick", payload: `<a href="https://example.org" onclick="${js}">x</a>` },
  { label: "a with unquoted onmouseover", payload: `<a href="https://example.org" onmouseover=${js}>x</a>` },
  { label: "style tag with @import", payload: "<style>@import 'https://xss.example/x.css';</style>" },
  { label: "style attribute with javascript: url", payload: `<div style="background:url(javascript:${js})">x</div>` },
  { label: "base href javascript:", payload: `<base href="javascript:${js}//">` },
  { label: "meta refresh to javascript:", payload: `<meta http-equiv="refresh" content="0;url=javascript:${js}">` },
  { label: "meta refresh to data:", payload: `<meta http-equiv="refresh" content="0;url=data:text/html;base64,${b64Script}">` },
  { label: "form action javascript:", payload: `<form action="javascript:${js}"><button>x</button></form>` },
  { label: "button formaction javascript:", payload: `<button formaction="javascript:${js}">x</button>` },
  { label: "input autofocus onfocus", payload: `<input autofocus onfocus=${js}>` },
  { label: "textarea autofocus onfocus", payload: `<textarea autofocus onfocus=${js}></textarea>` },
  { label: "body onload", payload: `<body onload=${js}>` },
  { label: "video source onerror", payload: `<video><source onerror="${js}">` },
  { label: "audio onerror", payload: `<audio src=x onerror=${js}>` },
  { label: "link stylesheet javascript:", payload: `<link rel="stylesheet" href="javascript:${js}">` },
  { label: "table background javascript:", payload: `<table background="javascript:${js}"><tr><td>x</td></tr></table>` },
  { label: "marquee onstart", payload: `<marquee onstart=${js}>x</marquee>` },
  { label: "custom element with onpointerover and style", payload: `<xss onpointerover=${js} style=display:block>x</xss>` },
  { label: "isindex action", payload: `<isindex action="javascript:${js}" type=image>` },

  // broken, unclosed and quote-breaking markup
  { label: "img onerror without closing bracket", payload: `<img src=x onerror=${js}` },
  { label: "IMG javascript: without closing bracket", payload: "<IMG SRC=javascript:alert('XSS')" },
  { label: "double opening bracket", payload: `<<script>${js};//<</script>` },
  { label: "script split by nested script", payload: `<scr<script>ipt>${js}</scr</script>ipt>` },
  { label: "unclosed a href", payload: '<a href="https://example.org' },
  { label: "iframe with trailing <", payload: "<iframe src=https://example.org <" },
  { label: "break out of a double-quoted attribute", payload: `"><script>${js}</script>`, browser: true },
  { label: "break out of a single-quoted attribute", payload: `'><img src=x onerror=${js}>` },
  { label: "close the paragraph first", payload: `</p><script>${js}</script><p>` },
  { label: "close a textarea first", payload: `</textarea><script>${js}</script>` },
  { label: "close the title first", payload: `</title><script>${js}</script>` },
  { label: "close a script first", payload: `</script><script>${js}</script>` },

  // entities, escapes, null bytes
  { label: "entity-encoded script tag", payload: `&lt;script&gt;${js}&lt;/script&gt;` },
  { label: "decimal-entity img onerror", payload: `&#60;img src=x onerror=${js}&#62;` },
  { label: "hex-entity svg onload", payload: `&#x3C;svg onload=${js}&#x3E;` },
  { label: "out-of-range numeric entities", payload: "&#99999999; &#x110000; &#xD800; &#0;" },
  { label: "JS hex escapes", payload: `\\x3cscript\\x3e${js}\\x3c/script\\x3e` },
  { label: "JSON unicode escapes", payload: `\\u003cscript\\u003e${js}\\u003c/script\\u003e`, browser: true },
  { label: "null byte inside script tag name", payload: `<scr\u0000ipt>${js}</scr\u0000ipt>` },
  { label: "null byte before tag name", payload: `<\u0000script>${js}</script>` },
  { label: "null byte inside event attribute", payload: `<img src=x o\u0000nerror=${js}>` },
  { label: "fullwidth angle brackets", payload: `＜script＞${js}＜/script＞` },
  { label: "U+2028/U+2029 before a script tag", payload: `\u2028\u2029<script>${js}</script>`, browser: true },

  // comments, CDATA, processing instructions
  { label: "comment hiding an img onerror", payload: `<!--<img src="--><img src=x onerror=${js}//">`, browser: true },
  { label: "comment closed with --!>", payload: `<!-- --!><img src=x onerror=${js}> -->` },
  { label: "conditional comment", payload: `<!--[if gte IE 4]><script>${js}</script><![endif]-->` },
  { label: "CDATA with script", payload: `<![CDATA[<script>${js}</script>]]>` },
  { label: "svg CDATA mutation", payload: `<svg><![CDATA[><image xlink:href="]]><img src=x onerror=${js}//"></svg>` },
  { label: "xml-stylesheet processing instruction", payload: `<?xml-stylesheet href="javascript:${js}"?>` },
  { label: "doctype followed by script", payload: `<!DOCTYPE html><script>${js}</script>` },

  // templating
  { label: "Angular constructor.constructor", payload: "{{constructor.constructor('alert(1)')()}}", browser: true },
  { label: "template expression markers", payload: "{{7*7}} ${7*7} <%= 7*7 %> #{7*7}" },
  { label: "JS template literal", payload: `\${${js}}` },
  { label: "Angular ng-click", payload: `<div ng-app ng-csp><div ng-click=$event.view.${js}>x</div></div>` },
  { label: "Vue v-html", payload: `<x v-html="'<img src=x onerror=${js}>'"></x>` },

  // must not make the renderer throw or hang
  { label: "deeply nested brackets", payload: `${"[".repeat(500)}x${"]".repeat(500)}(javascript:${js})` },
  { label: "deeply nested block quotes", payload: `${"> ".repeat(300)}[x](javascript:${js})` },
  { label: "many emphasis markers", payload: `${"*_".repeat(1000)}x` },
];
