import { PlaceholderPage } from '../../components/PlaceholderPage';

export function InspectorPage() {
  return (
    <PlaceholderPage title="Inspector">
      <p>Finding contacts and reading their conversations arrives in a later version.</p>
      <p>Until then, list conversations from the Requests page.</p>
    </PlaceholderPage>
  );
}
