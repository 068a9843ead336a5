// Markdown to HTML for tasks and entries: markdown-it with raw HTML off (so user text can never
// inject markup) and fenced code highlighted by highlight.js core with a few registered languages.
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';
import MarkdownIt from 'markdown-it';

for (const [name, lang] of Object.entries({ bash, css, go, javascript, json, python, rust, sql, typescript, xml })) {
  hljs.registerLanguage(name, lang);
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function highlight(code: string, lang: string): string {
  const language = lang && hljs.getLanguage(lang) ? lang : null;
  if (!language) return '';
  const html = hljs.highlight(code, { language, ignoreIllegals: true }).value;
  return `<pre class="hljs"><code class="language-${escapeHtml(language)}">${html}</code></pre>`;
}

// breaks: a line break in an entry is a line break (poems, lists typed without markdown).
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: true, highlight });

// Links leave the app in a new tab and pass no referrer or ranking credit.
const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export function renderMarkdown(source: string): string {
  return md.render(source);
}

/** Highlighted HTML for a whole entry of code; the language is guessed among the registered ones. */
export function highlightCode(code: string): string {
  return hljs.highlightAuto(code).value;
}
