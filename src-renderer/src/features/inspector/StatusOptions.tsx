/** The options of a conversation-status filter: any, then the API's statuses in the order a thread moves through them. */
export function StatusOptions() {
  return (
    <>
      <option value="">Any status</option>
      <option value="open">Open</option>
      <option value="pending">Pending</option>
      <option value="closed">Closed</option>
    </>
  );
}
