import { httpProblems } from '../problems/http.problems';
import { type FieldError, ProblemException } from './problem.exception';

/** A 400 naming each invalid field of a request, with what is wrong with it. */
export class RequestValidationException extends ProblemException {
  constructor(errors: FieldError[]) {
    super({
      status: 400,
      type: httpProblems.type('validation-error'),
      title: 'Your request has invalid fields',
      detail: errors.map((error) => `${error.field}: ${error.messages.join('; ')}`).join('. '),
      extensions: { errors },
    });
  }
}
