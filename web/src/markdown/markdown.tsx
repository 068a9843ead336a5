// Components over render.ts. The HTML is safe to inject: markdown-it runs with html: false and
// escapes everything it does not itself produce.
import { useMemo } from 'react';
import { highlightCode, renderMarkdown } from './render.ts';

export function Markdown({ source, className = '' }: { source: string; className?: string }) {
  const html = useMemo(() => renderMarkdown(source), [source]);
  return <div className={`prose ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function CodeBlock({ code }: { code: string }) {
  const html = useMemo(() => highlightCode(code), [code]);
  return (
    <pre className="code-block hljs">
      <code dangerouslySetInnerHTML={{ __html: html }} />
    </pre>
  );
}
