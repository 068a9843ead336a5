// Copies a value to the clipboard and says so (aria-live), for tokens, links and hashes.
import { useState } from 'react';
import { CheckIcon, CopyIcon } from './icons.tsx';

export function CopyButton({ value, label = 'Copy' }: { value: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // Older browsers and insecure origins: select-and-copy fallback.
      const ta = document.createElement('textarea');
      ta.value = value;
      ta.setAttribute('readonly', '');
      ta.style.position = 'fixed';
      ta.style.opacity = '0';
      document.body.append(ta);
      ta.select();
      document.execCommand('copy');
      ta.remove();
    }
    setCopied(true);
    window.setTimeout(() => setCopied(false), 2000);
  }
  return (
    <button type="button" className="btn btn-s" onClick={() => void copy()}>
      {copied ? <CheckIcon width={16} height={16} /> : <CopyIcon width={16} height={16} />}
      <span aria-live="polite">{copied ? 'Copied' : label}</span>
    </button>
  );
}

export function CopyBox({ value, label, testId }: { value: string; label?: string; testId?: string }) {
  return (
    <div className="copy-box">
      <code data-testid={testId}>{value}</code>
      <CopyButton value={value} label={label} />
    </div>
  );
}
