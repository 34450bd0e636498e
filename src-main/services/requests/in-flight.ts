/** Requests the renderer may cancel by the id it gave them (Send and Save to file share the ids). */
export class InFlightRequests {
  private readonly byId = new Map<string, AbortController>();

  add(requestId: string, controller: AbortController): void {
    this.byId.set(requestId, controller);
  }

  delete(requestId: string): void {
    this.byId.delete(requestId);
  }

  /** Cancel a request; false when it already finished. */
  cancel(requestId: string): boolean {
    const c = this.byId.get(requestId);
    c?.abort();
    return c !== undefined;
  }
}
