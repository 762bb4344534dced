import { ProblemException } from '../common/http/problem.exception';

const TITLES: Record<number, string> = {
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  422: 'Unprocessable Content',
};

/**
 * A problem+json error of an unregistered type: `urn:tahkim:problem:<type>` (reviews raises its
 * own through `reviewProblems`).
 */
// For decisions, production, publishing and typesetting, until they raise their registered
// problems (all four do now: nothing imports this any more, it can go).
export const problem = (status: 403 | 404 | 409 | 422, type: string, detail: string) =>
  new ProblemException({
    status,
    type: `urn:tahkim:problem:${type}`,
    title: TITLES[status],
    detail,
  });
