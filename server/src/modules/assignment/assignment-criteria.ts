import { Type, type Static } from 'typebox';

const Amount = Type.String({ pattern: '^\\d{1,16}(\\.\\d{1,2})?$', examples: ['10000000.00'] });
const Names = (description: string) =>
  Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 100, description }));

const IntRange = (description: string) =>
  Type.Optional(
    Type.Object(
      { min: Type.Optional(Type.Integer({ minimum: 0 })), max: Type.Optional(Type.Integer({ minimum: 0 })) },
      { additionalProperties: false, description },
    ),
  );

/**
 * What a lead must look like for a rule to take it. Every criterion given must hold (AND);
 * a list holds when the lead's value is one of its entries (case-insensitive); a range is
 * inclusive at both ends. A lead without the value fails that criterion. `{}` matches any lead.
 */
export const AssignmentCriteriaSchema = Type.Object(
  {
    headcount: IntRange('Company size: number of employees, inclusive'),
    registeredCapital: Type.Optional(
      Type.Object(
        {
          min: Type.Optional(Amount),
          max: Type.Optional(Amount),
          currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', default: 'CNY' })),
        },
        { additionalProperties: false, description: 'Registered capital (注册资本), inclusive; CNY unless currency says otherwise' },
      ),
    ),
    productInterests: Names('Product lines of interest'),
    regions: Names('Sales regions (大区), e.g. 华北大区'),
    provinces: Names('Provinces, e.g. 北京'),
    sources: Names('Lead sources, e.g. trade_show, web_form'),
    industries: Names('Industries'),
    score: IntRange('Lead score, inclusive'),
    grades: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 1 }), { maxItems: 10, description: 'Grades, e.g. A, B' })),
  },
  { additionalProperties: false },
);

export type AssignmentCriteria = Static<typeof AssignmentCriteriaSchema>;

export const CRITERIA_KEYS = [
  'headcount', 'registeredCapital', 'productInterests', 'regions', 'provinces', 'sources', 'industries', 'score', 'grades',
] as const satisfies readonly (keyof AssignmentCriteria)[];
export type CriterionKey = (typeof CRITERIA_KEYS)[number];

export const ASSIGNMENT_STRATEGIES = ['round_robin', 'least_loaded'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];
