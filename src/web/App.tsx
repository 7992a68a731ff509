import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router'
import { NotFoundPage } from './components/NotFoundPage.tsx'
import { StatePage } from './features/states/StatePage.tsx'
import { StatesPage } from './features/states/StatesPage.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import { cssVariablesResolver, theme } from './theme.ts'

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/states" replace /> },
      { path: 'states', element: <StatesPage /> },
      { path: 'states/:iso3', element: <StatePage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
])

const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } },
})

export function App({ styleNonce }: { styleNonce: string }) {
  return (
    <MantineProvider
      theme={theme}
      cssVariablesResolver={cssVariablesResolver}
      defaultColorScheme="light"
      getStyleNonce={() => styleNonce}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  )
}
