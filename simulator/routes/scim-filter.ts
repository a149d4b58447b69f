import { badRequest } from '../http/webex-error';
import type { PersonRecord } from '../state/person';
import { uuidOf } from '../state/webex-id';

type Operator = 'eq' | 'sw' | 'ew';

/** The filterable user attributes and their operators, from the table in the spec's `filter` description. */
const ATTRIBUTES: Readonly<Record<string, { operators: readonly Operator[]; values: (record: PersonRecord) => (string | undefined)[] }>> = {
  id: { operators: ['eq'], values: ({ person }) => [uuidOf('PEOPLE', person.id)] },
  username: { operators: ['eq', 'sw', 'ew'], values: ({ person }) => [person.emails[0]] },
  displayname: { operators: ['eq', 'sw', 'ew'], values: ({ person }) => [person.displayName] },
  nickname: { operators: ['eq', 'sw', 'ew'], values: ({ person }) => [person.nickName] },
  'name.familyname': { operators: ['eq', 'sw', 'ew'], values: ({ person }) => [person.lastName] },
  'name.givenname': { operators: ['eq', 'sw'], values: ({ person }) => [person.firstName] },
  'emails.value': { operators: ['eq', 'sw', 'ew'], values: ({ person }) => person.emails },
  department: { operators: ['eq', 'sw', 'ew'], values: ({ person }) => [person.department] },
};

interface Comparison {
  attribute: string;
  operator: Operator;
  value: string;
}

const COMPARISON = /\s*([A-Za-z][\w.]*)\s+(\w+)\s+"((?:[^"\\]|\\.)*)"\s*/y;
const CONNECTIVE = /(and|or)\b/iy;

/**
 * Parses an RFC 7644 filter of the subset the simulator supports: comparisons `attribute op "value"`
 * (operators eq, sw, ew, case-insensitive; values compared case-insensitively) joined by `and` and
 * `or`, `and` binding tighter; no parentheses or `not`. Returns a predicate; 400 for anything else.
 */
export function parseScimFilter(filter: string): (record: PersonRecord) => boolean {
  const alternatives: Comparison[][] = [[]];
  let position = 0;
  for (;;) {
    COMPARISON.lastIndex = position;
    const match = COMPARISON.exec(filter);
    if (match === null) {
      throw badRequest([`filter ${JSON.stringify(filter)} is not supported: expected attribute eq|sw|ew "value" at position ${position}.`]);
    }
    alternatives[alternatives.length - 1].push(comparison(match[1], match[2], match[3]));
    position = COMPARISON.lastIndex;
    if (position === filter.length) {
      break;
    }
    CONNECTIVE.lastIndex = position;
    const connective = CONNECTIVE.exec(filter);
    if (connective === null) {
      throw badRequest([`filter ${JSON.stringify(filter)} is not supported: expected and or or at position ${position}.`]);
    }
    if (connective[1].toLowerCase() === 'or') {
      alternatives.push([]);
    }
    position = CONNECTIVE.lastIndex;
  }
  return (record) => alternatives.some((all) => all.every((test) => matches(record, test)));
}

function comparison(attribute: string, operator: string, rawValue: string): Comparison {
  const key = attribute.toLowerCase();
  const op = operator.toLowerCase() as Operator;
  const known = ATTRIBUTES[key];
  if (known === undefined) {
    throw badRequest([`filter attribute ${attribute} is not supported; use one of id, userName, displayName, nickName, name.familyName, name.givenName, emails.value, department.`]);
  }
  if (!known.operators.includes(op)) {
    throw badRequest([`filter operator ${operator} is not supported for ${attribute}; use ${known.operators.join(', ')}.`]);
  }
  return { attribute: key, operator: op, value: rawValue.replace(/\\(.)/g, '$1').toLowerCase() };
}

function matches(record: PersonRecord, { attribute, operator, value }: Comparison): boolean {
  return ATTRIBUTES[attribute].values(record).some((candidate) => {
    const text = candidate?.toLowerCase();
    return text !== undefined && (operator === 'eq' ? text === value : operator === 'sw' ? text.startsWith(value) : text.endsWith(value));
  });
}
