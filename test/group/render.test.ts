import { describe, expect, it } from 'vitest';
import { shownChoices } from '../../src/group/entry.js';
import { renderQuestionScreen, renderReveal, renderTurnLine } from '../../src/group/render.js';
import { answerFor, startTurns } from '../../src/group/state.js';
import { createTheme } from '../../src/ui/theme.js';
import { game, Q } from './fixtures.js';

const plain = createTheme({ color: false, plain: true, columns: 60 });

describe('group screens (plain)', () => {
  it('shows the question large and clear with numbered choices', () => {
    const s = game();
    expect(renderQuestionScreen(plain, s, shownChoices(Q[0]!, s.seed))).toMatchInlineSnapshot(`
      "QUESTION 1 OF 3
      choose one · assume-role, cross-account
      -----------------------------------------------------------

        Which API lets an IAM user in account A use a role in
        account B?

          1) GetFederationToken
          2) GetSessionToken
          3) AssumeRole
      -----------------------------------------------------------
      "
    `);
  });

  it('shows who has answered, not what', () => {
    const s = answerFor(startTurns(game()), 1, 'GetSessionToken');
    expect(renderTurnLine(plain, s)).toBe('answered: … Ana  ✔ Ben  … Chen\n');
  });

  it('reveals the answer, who got it, everyone’s answer and the explanation', () => {
    let s = startTurns(game());
    s = answerFor(s, 0, 'AssumeRole');
    s = answerFor(s, 1, 'GetSessionToken');
    s = answerFor(s, 2, 'AssumeRole');
    expect(renderReveal(plain, s, 0)).toMatchInlineSnapshot(`
      "
      == Answer ==
      The answer:
        AssumeRole

      Got it: Ana, Chen
        ✔ Ana: AssumeRole
        ✘ Ben: GetSessionToken
        ✔ Chen: AssumeRole

        Cross-account access is AssumeRole on a role whose trust
        policy names account A.
      "
    `);
  });
});
