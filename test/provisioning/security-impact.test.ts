import { changeImpact, fieldImpact } from '../../provisioning';

describe('security impact', () => {
  test.each([
    ['joinBeforeHost', true, false, 'strengthens'],
    ['joinBeforeHost', false, true, 'weakens'],
    ['unlistAllMeetings', false, true, 'strengthens'],
    ['requireLoginBeforeAccess', true, false, 'weakens'],
    ['passwordCriteria.minLength', 4, 12, 'strengthens'],
    ['passwordCriteria.minLength', 12, 8, 'weakens'],
    ['passwordCriteria.disallowValues', ['a'], ['a', 'b'], 'strengthens'],
    ['passwordCriteria.disallowValues', ['a', 'b'], ['b', 'c'], 'weakens'],
    ['passwordCriteria.disallowValues', ['a', 'b'], ['b', 'a'], 'neutral'],
  ])('meetingSecurity.%s %j -> %j %s', (field, before, after, impact) => {
    expect(fieldImpact('meetingSecurity', field, before as never, after as never)).toBe(impact);
  });

  test('an unknown field is neutral', () => {
    expect(fieldImpact('meetingSecurity', 'topic', 'a', 'b')).toBe('neutral');
  });

  test('a change weakens when any field weakens', () => {
    expect(changeImpact(['strengthens', 'weakens'])).toBe('weakens');
    expect(changeImpact(['neutral', 'strengthens'])).toBe('strengthens');
    expect(changeImpact(['neutral'])).toBe('neutral');
  });
});
