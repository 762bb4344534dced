/** The decisions feature's public surface: what the rest of Tahkim may use of it. */
export { DecisionsModule } from './decisions.module';
export { decisionsProblems } from './decisions.problems';
export { DECISION_TRANSITIONS, transitionFor, type Transition } from './decision-rules';
export {
  DECISION_NAMES,
  OUTCOME_NAMES,
  defaultDecisionLetter,
  type DecisionLetter,
  type DecisionLetterFacts,
} from './decision-texts';
export type { Decision } from './decision.entity';
export type { DecisionAttachment } from './decision-attachment.entity';
export type { DecisionRecommendation } from './decision-recommendation.entity';
