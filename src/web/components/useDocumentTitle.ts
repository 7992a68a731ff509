import { useEffect } from 'react'

/** Sets the tab title, which screen readers announce on navigation: "<page> · Part IX". */
export function useDocumentTitle(title: string | null | undefined) {
  useEffect(() => {
    document.title = title ? `${title} · Part IX` : 'Part IX'
  }, [title])
}
