/** JSON schemas shared by the routes (registered with `app.addSchema`, referenced by `$id#`). */
export const ApiErrorSchema = {
  $id: 'ApiError',
  type: 'object',
  description:
    "Every error answer. `message` is in the language of the request (Accept-Language or the user's locale).",
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'requestId'],
      properties: {
        code: { type: 'string', description: 'Stable code, see docs/errors.md' },
        message: { type: 'string' },
        field: { type: 'string', description: 'The input field at fault, when there is one' },
        file: { type: 'string', description: 'The uploaded file at fault (its name), when there is one' },
        line: { type: 'integer', description: 'The 1-based line of that file, when known' },
        detail: {
          type: 'string',
          description:
            "For a bad file: the specific account of the value at fault, when it says more than `message`, in the request's language (English: the parser's own words; Russian and Kazakh: the line, the field and the value as the file had them)",
        },
        detailParams: {
          type: 'object',
          description:
            'The facts of `detail` as data (its code is the error `code`): `line`, `field` and `value` (the value at fault as the file had it), each when known',
          properties: {
            line: { type: 'integer' },
            field: { type: 'string' },
            value: { type: 'string' },
          },
        },
        lintErrors: {
          type: 'array',
          description:
            'FILING_LINT_UNACKNOWLEDGED: the lint errors to confirm (send their codes as `acknowledgedLintErrors`), each with its label in the language of the request',
          items: {
            type: 'object',
            required: ['code', 'label'],
            properties: { code: { type: 'string' }, label: { type: 'string' } },
          },
        },
        unknownFields: {
          type: 'array',
          description:
            'A 1C statement that cannot be read: the fields it names that the importer does not read, each with the line it first appears on (save an alias for one: …/ledger/import-aliases)',
          items: {
            type: 'object',
            required: ['field', 'line'],
            properties: { field: { type: 'string' }, line: { type: 'integer' } },
          },
        },
        requestId: { type: 'string' },
      },
    },
  },
} as const;

export const errorRef = { $ref: 'ApiError#' } as const;

export const OrgParamsSchema = {
  type: 'object',
  required: ['orgId'],
  properties: { orgId: { type: 'string', minLength: 1, maxLength: 100 } },
} as const;

export const RoleSchema = {
  type: 'string',
  enum: ['admin', 'accountant', 'lawyer', 'monitor', 'viewer'],
} as const;
export const LocaleSchema = { type: 'string', enum: ['en', 'ru', 'kk'] } as const;

export const UserSchema = {
  type: 'object',
  required: ['id', 'email', 'name', 'locale', 'totpEnabled', 'instanceAdmin', 'createdAt'],
  properties: {
    id: { type: 'string' },
    email: { type: 'string' },
    name: { type: 'string' },
    locale: LocaleSchema,
    totpEnabled: { type: 'boolean' },
    instanceAdmin: { type: 'boolean' },
    createdAt: { type: 'string' },
  },
} as const;

export const MembershipSchema = {
  type: 'object',
  required: ['organisationId', 'organisationName', 'role'],
  properties: { organisationId: { type: 'string' }, organisationName: { type: 'string' }, role: RoleSchema },
} as const;

export const OkSchema = {
  type: 'object',
  required: ['ok'],
  properties: { ok: { type: 'boolean' } },
} as const;
