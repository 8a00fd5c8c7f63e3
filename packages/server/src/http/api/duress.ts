/** HTTP shapes of the duress password (issue 15): the instance admin's setting, off by default. */
import { Type, type Static } from 'typebox';

export const DuressBody = Type.Object(
  {
    password: Type.String({
      minLength: 1,
      maxLength: 1024,
      description: 'The duress password: at least 10 characters, and no account’s real password',
    }),
    decoyName: Type.Optional(
      Type.Union([Type.String({ maxLength: 200 }), Type.Null()], {
        description: "The decoy organisation's name (default: the signing-in user's first organisation's)",
      }),
    ),
  },
  { additionalProperties: false },
);
export type DuressBody = Static<typeof DuressBody>;

export const DuressStatusSchema = Type.Object({
  enabled: Type.Boolean(),
  decoyName: Type.Union([Type.String(), Type.Null()]),
  setAt: Type.Union([Type.String(), Type.Null()]),
});
export type DuressStatusJson = Static<typeof DuressStatusSchema>;
