import { describe, expect, it } from 'vitest';
import { exportFormat, toJson, toMarkdown, type GroupSummary } from '../../src/group/export.js';
import { advance, answerFor, expire, startTurns, type GroupState } from '../../src/group/state.js';
import { game } from './fixtures.js';

/** Given a two-question game: Ana right twice; Ben wrong, then out of time. */
function smallGame(): GroupState {
  let s = game(['Ana', 'Ben']);
  s = { ...s, questions: s.questions.slice(0, 2), answers: s.answers.slice(0, 2), timedOut: [false, false] };
  s = startTurns(s);
  s = answerFor(s, 0, 'AssumeRole');
  s = answerFor(s, 1, 'GetFederationToken');
  s = startTurns(advance(advance(s)));
  s = answerFor(s, 0, ['SerialNumber', 'TokenCode']);
  s = expire(s);
  return advance(advance(s));
}

describe('export', () => {
  it('picks the format from the file name', () => {
    expect([exportFormat('a.md'), exportFormat('A.JSON'), exportFormat('a.txt')]).toEqual([
      'md',
      'json',
      undefined,
    ]);
  });

  it('counts one question in the singular', () => {
    let s = game(['Ana', 'Ben']);
    s = { ...s, questions: s.questions.slice(0, 1), answers: s.answers.slice(0, 1), timedOut: [false] };
    s = answerFor(answerFor(startTurns(s), 0, 'AssumeRole'), 1, 'GetSessionToken');
    s = advance(advance(s));
    expect(toMarkdown(s)).toContain('Players: Ana, Ben · 1 question · seed 1\n');
  });

  it('writes Markdown: standings, each question with everyone’s answer, the explanation, most missed', () => {
    expect(toMarkdown(smallGame())).toMatchInlineSnapshot(`
      "# sts-trainer study group

      Players: Ana, Ben · 2 questions · seed 1

      ## Standings

      | # | player | points | correct | best streak |
      | --- | --- | --- | --- | --- |
      | 1 | Ana | 25 | 2/2 | 2 |
      | 2 | Ben | 0 | 0/2 | 0 |

      ## Questions

      ### 1. assume-role, cross-account

      Which API lets an IAM user in account A use a role in account B?

      **Answer:** AssumeRole

      | choice | right | chosen by |
      | --- | --- | --- |
      | 1) GetFederationToken |  | Ben |
      | 2) GetSessionToken |  |  |
      | 3) AssumeRole | ✔ | Ana |

      | player | answer | | points |
      | --- | --- | --- | --- |
      | Ana | AssumeRole | ✔ | +10 |
      | Ben | GetFederationToken | ✘ | +0 |

      Cross-account access is AssumeRole on a role whose trust policy names account A.

      ### 2. mfa

      Which parameters does GetSessionToken take for MFA?

      **Answer:** SerialNumber; TokenCode

      _Time ran out for this question._

      | choice | right | chosen by |
      | --- | --- | --- |
      | 1) SerialNumber | ✔ | Ana |
      | 2) ExternalId |  |  |
      | 3) TokenCode | ✔ | Ana |

      | player | answer | | points |
      | --- | --- | --- | --- |
      | Ana | SerialNumber; TokenCode | ✔ | +15 |
      | Ben | no answer | ✘ | +0 |

      The MFA device serial number (or ARN) and the current code.
      "
    `);
  });

  it('writes JSON with the same content', () => {
    const json = JSON.parse(toJson(smallGame())) as GroupSummary;
    expect(json.standings).toEqual([
      { rank: 1, player: 'Ana', points: 25, correct: 2, answered: 2, bestStreak: 2 },
      { rank: 2, player: 'Ben', points: 0, correct: 0, answered: 2, bestStreak: 0 },
    ]);
    expect(json.questions[1]).toMatchInlineSnapshot(`
      {
        "answer": [
          "SerialNumber",
          "TokenCode",
        ],
        "answers": [
          {
            "answer": "SerialNumber; TokenCode",
            "correct": true,
            "player": "Ana",
            "points": 15,
          },
          {
            "answer": null,
            "correct": false,
            "player": "Ben",
            "points": 0,
          },
        ],
        "choices": [
          {
            "chosenBy": [
              "Ana",
            ],
            "number": 1,
            "part": null,
            "right": true,
            "text": "SerialNumber",
          },
          {
            "chosenBy": [],
            "number": 2,
            "part": null,
            "right": false,
            "text": "ExternalId",
          },
          {
            "chosenBy": [
              "Ana",
            ],
            "number": 3,
            "part": null,
            "right": true,
            "text": "TokenCode",
          },
        ],
        "explanation": "The MFA device serial number (or ARN) and the current code.",
        "id": "g/mfa",
        "number": 2,
        "prompt": "Which parameters does GetSessionToken take for MFA?",
        "timedOut": true,
        "topics": [
          "mfa",
        ],
      }
    `);
    expect(json.mostMissed).toEqual([]);
  });
});

describe('export of a hostile content pack', () => {
  it('escapes control sequences in choices, prompts and player names (Markdown and JSON)', () => {
    const OSC = '\u001b]52;c;ZWNobyBwd25lZA==\u0007';
    let s = game(['Ana', `Ben${OSC}`]);
    const q0 = { ...s.questions[0]!, prompt: `Pick${OSC}`, choices: [`AssumeRole${OSC}`, 'GetSessionToken'] };
    s = {
      ...s,
      questions: [{ ...q0, answer: `AssumeRole${OSC}` }],
      answers: [s.answers[0]!],
      timedOut: [false],
    };
    s = startTurns(s);
    s = answerFor(s, 0, `AssumeRole${OSC}`);
    s = answerFor(s, 1, 'GetSessionToken');
    const md = toMarkdown(s);
    const json = toJson(s);
    for (const text of [md, json]) {
      expect(text).not.toContain('\u001b');
      expect(text).not.toContain('\u0007');
    }
    expect(md).toContain('AssumeRole\\e]52;c;ZWNobyBwd25lZA==\\a | ✔ | Ana |');
    expect(md).toContain('| Ben\\e]52;c;ZWNobyBwd25lZA==\\a | GetSessionToken | ✘ | +0 |');
    const choices = (JSON.parse(json) as GroupSummary).questions[0]!.choices;
    expect(choices.find((c) => c.text.startsWith('AssumeRole'))?.chosenBy).toEqual(['Ana']);
  });
});
