import { TaskStatus, type Task } from '@lit/task';
import type { AipClient } from '../api/client.js';
import type { ApiError } from '../api/errors.js';
import type { Persona } from '../api/schemas.js';

/**
 * The listing an element loaded last, kept so that a reload of it that fails
 * (the connection dropped just after a sale reloaded it everywhere) leaves it
 * on screen, a checkout's certificate with it, rather than an error. Only a
 * failed reload of the same listing from the same marketplace falls back to
 * it: another id, another marketplace, or a listing now gone (404) shows what
 * the task says. Lit's task forgets its value when a load fails.
 */
export class KeptListing {
  private kept: { client: AipClient; persona: Persona } | null = null;

  constructor(private readonly task: Task<readonly [AipClient, string | null, number], Persona | null>) {}

  /**
   * The task's listing (the last one while it reloads), or the kept one
   * through a failed reload of it. `client` and `id`: what the element asks
   * for now.
   */
  value(client: AipClient, id: string | null): Persona | null {
    const { status, value } = this.task;
    // Complete, the task's arguments are the element's own: its client loaded this listing.
    if (status === TaskStatus.COMPLETE) this.kept = value ? { client, persona: value } : null;
    if (status !== TaskStatus.ERROR) return value ?? null;
    const kept = this.kept;
    const gone = (this.task.error as ApiError | undefined)?.code === 'not_found';
    return kept && !gone && kept.client === client && kept.persona.id === id ? kept.persona : null;
  }
}
