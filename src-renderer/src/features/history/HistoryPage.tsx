import { PlaceholderPage } from '../../components/PlaceholderPage';

export function HistoryPage() {
  return (
    <PlaceholderPage title="History">
      <p>History arrives with the request engine.</p>
      <p>Until then, the Response panel on the Requests page shows only the latest request.</p>
    </PlaceholderPage>
  );
}
