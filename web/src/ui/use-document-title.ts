// Sets the tab title per page ("Feed · LenserFight").
import { useEffect } from 'react';

export function useDocumentTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · LenserFight` : 'LenserFight';
  }, [title]);
}
