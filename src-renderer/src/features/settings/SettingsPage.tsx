import { PlaceholderPage } from '../../components/PlaceholderPage';

export function SettingsPage() {
  return (
    <PlaceholderPage title="Settings">
      <p>Theme, request timeout, response size limit, proxy and sandbox data settings arrive in a later version.</p>
      <p>Nothing is configurable yet. The console sends no telemetry.</p>
    </PlaceholderPage>
  );
}
