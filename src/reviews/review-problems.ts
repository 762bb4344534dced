import { ProblemException } from '../common/http/problem.exception';

const TITLES: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
};

/** A problem+json error of the review and decision features: `urn:tahkim:problem:<type>`. */
export const problem = (status: 403 | 404 | 409 | 422, type: string, detail: string) =>
  new ProblemException({
    status,
    type: `urn:tahkim:problem:${type}`,
    title: TITLES[status],
    detail,
  });
