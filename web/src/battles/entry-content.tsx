// An entry as its content type asks: markdown rendered, code highlighted, text as written, links as links.
import type { ContentType, Entry } from '../api/battles.ts';
import { Markdown, CodeBlock } from '../markdown/markdown.tsx';

function safeUrl(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
}

export function EntryContent({ entry, contentType }: { entry: Entry; contentType: ContentType }) {
  const text = entry.content_text ?? '';
  const url = entry.content_url ? safeUrl(entry.content_url) : null;
  return (
    <div className="entry-content stack stack-s">
      {text && (contentType === 'markdown' ? <Markdown source={text} /> : contentType === 'code' ? <CodeBlock code={text} /> : <p className="plain-text">{text}</p>)}
      {url && (
        <p className="break">
          <a href={url} target="_blank" rel="noopener noreferrer nofollow">{url}</a>
        </p>
      )}
      {!text && !url && <p className="muted">This entry has no text.</p>}
    </div>
  );
}
