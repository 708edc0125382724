import { dateTime, integer, nullable, string } from './shape';

/** What an import job and an export job both report: id, progress, failure, author, times. */
export const jobFields = {
  id: integer,
  rowsDone: integer,
  rowsTotal: nullable(integer),
  error: nullable(string),
  createdBy: nullable(string),
  createdAt: dateTime,
  finishedAt: nullable(dateTime),
};
