import { notFound } from 'next/navigation';
import { DomainError } from '@/lib/errors/domain-error';

/** Turns a domain "not found" into the site's 404 page; other errors go on to the error page. */
export function notFoundOn(error: unknown): never {
  if (error instanceof DomainError && error.code === 'NOT_FOUND') notFound();
  throw error;
}
