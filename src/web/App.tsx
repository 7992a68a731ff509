import { MantineProvider } from '@mantine/core'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router'
import { NotFoundPage } from './components/NotFoundPage.tsx'
import { AccountPage } from './features/account/AccountPage.tsx'
import { AdminPage } from './features/admin/AdminPage.tsx'
import { AgreementPage } from './features/agreements/AgreementPage.tsx'
import { AgreementsPage } from './features/agreements/AgreementsPage.tsx'
import { ArrestOpportunitiesPage } from './features/arrest/ArrestOpportunitiesPage.tsx'
import { ArrestOpportunityPage } from './features/arrest/ArrestOpportunityPage.tsx'
import { ReportOpportunityPage } from './features/arrest/ReportOpportunityPage.tsx'
import { WriteStrategyPage } from './features/arrest/WriteStrategyPage.tsx'
import { AssetPage } from './features/assets/AssetPage.tsx'
import { AssetsPage } from './features/assets/AssetsPage.tsx'
import { NewAssetPage } from './features/assets/NewAssetPage.tsx'
import { AuditPage } from './features/audit/AuditPage.tsx'
import { RequireAuth } from './features/auth/RequireAuth.tsx'
import { SignInPage } from './features/auth/SignInPage.tsx'
import { PersonSoughtPage } from './features/persons-sought/PersonSoughtPage.tsx'
import { PersonsSoughtPage } from './features/persons-sought/PersonsSoughtPage.tsx'
import { InboxPage } from './features/requests/InboxPage.tsx'
import { NewRequestPage } from './features/requests/NewRequestPage.tsx'
import { RequestPage } from './features/requests/RequestPage.tsx'
import { WorkloadPage } from './features/requests/WorkloadPage.tsx'
import { SituationPage } from './features/situations/SituationPage.tsx'
import { SituationsPage } from './features/situations/SituationsPage.tsx'
import { StatePage } from './features/states/StatePage.tsx'
import { StatesPage } from './features/states/StatesPage.tsx'
import { AppLayout } from './layout/AppLayout.tsx'
import {
  ADMIN_ROLES,
  AUDITOR_ROLES,
  canDraftRequests,
  isAddressee,
  isCourtSide,
  isCourtStaff,
} from './layout/navigation.ts'
import { cssVariablesResolver, theme } from './theme.ts'

const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/states" replace /> },
      { path: 'states', element: <StatesPage /> },
      { path: 'states/:iso3', element: <StatePage /> },
      { path: 'agreements', element: <AgreementsPage /> },
      { path: 'agreements/:id', element: <AgreementPage /> },
      { path: 'persons-sought', element: <PersonsSoughtPage /> },
      { path: 'persons-sought/:personId', element: <PersonSoughtPage /> },
      { path: 'sign-in', element: <SignInPage /> },
      {
        path: 'account',
        element: (
          <RequireAuth>
            <AccountPage />
          </RequireAuth>
        ),
      },
      {
        path: 'admin',
        element: (
          <RequireAuth roles={ADMIN_ROLES}>
            <AdminPage />
          </RequireAuth>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireAuth roles={AUDITOR_ROLES}>
            <AuditPage />
          </RequireAuth>
        ),
      },
      {
        path: 'inbox',
        element: (
          <RequireAuth allow={isAddressee} otherwise={(user) => (isCourtSide(user) ? '/requests' : null)}>
            <InboxPage />
          </RequireAuth>
        ),
      },
      {
        path: 'requests',
        element: (
          <RequireAuth allow={isCourtSide} otherwise={(user) => (isAddressee(user) ? '/inbox' : null)}>
            <WorkloadPage />
          </RequireAuth>
        ),
      },
      {
        path: 'requests/new',
        element: (
          <RequireAuth allow={canDraftRequests}>
            <NewRequestPage />
          </RequireAuth>
        ),
      },
      {
        path: 'assets',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <AssetsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'assets/new',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <NewAssetPage />
          </RequireAuth>
        ),
      },
      {
        path: 'assets/:id',
        element: (
          <RequireAuth>
            <AssetPage />
          </RequireAuth>
        ),
      },
      {
        path: 'situations',
        element: (
          <RequireAuth allow={isCourtSide}>
            <SituationsPage />
          </RequireAuth>
        ),
      },
      {
        path: 'situations/:id',
        element: (
          <RequireAuth allow={isCourtSide}>
            <SituationPage />
          </RequireAuth>
        ),
      },
      {
        path: 'arrest-opportunities',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <ArrestOpportunitiesPage />
          </RequireAuth>
        ),
      },
      {
        path: 'arrest-opportunities/new',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <ReportOpportunityPage />
          </RequireAuth>
        ),
      },
      {
        path: 'arrest-strategies/new',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <WriteStrategyPage />
          </RequireAuth>
        ),
      },
      {
        path: 'arrest-opportunities/:id',
        element: (
          <RequireAuth allow={isCourtStaff}>
            <ArrestOpportunityPage />
          </RequireAuth>
        ),
      },
      {
        path: 'requests/:id',
        element: (
          <RequireAuth>
            <RequestPage />
          </RequireAuth>
        ),
      },
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
