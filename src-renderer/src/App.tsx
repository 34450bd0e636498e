import { useEffect, type ComponentType } from 'react';
import { AppHeader } from './features/header/AppHeader';
import { HistoryPage } from './features/history/HistoryPage';
import { InspectorPage } from './features/inspector/InspectorPage';
import { KeysPage } from './features/keys/KeysPage';
import { SaveProblemsBanner } from './features/header/SaveProblemsBanner';
import { NavBar } from './features/nav/NavBar';
import { RequestsPage } from './features/requests/RequestsPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { consoleStore, selectPage, useConsoleStore, type PageId } from './store';

const PAGES: Record<PageId, ComponentType> = {
  keys: KeysPage,
  requests: RequestsPage,
  inspector: InspectorPage,
  history: HistoryPage,
  settings: SettingsPage,
};

export function App() {
  const page = useConsoleStore(selectPage);
  // One session for the window's lifetime: initial loads, keys-changed events, the clock.
  useEffect(() => consoleStore.getState().startSession(), []);

  const Page = PAGES[page];
  return (
    <div className="app">
      <AppHeader />
      <SaveProblemsBanner />
      <NavBar />
      <main className="main">
        <Page />
      </main>
    </div>
  );
}
