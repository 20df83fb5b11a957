import * as E from 'fp-ts/lib/Either.js';
import type * as TE from 'fp-ts/lib/TaskEither.js';
import {
  AttachmentsAPI,
  NetworkAPI,
  SessionsAPI,
  SessionState,
  type ApiCancelSessionRequest,
  type ApiGetSessionRequest,
  type ApiIdentityLookupRequest,
  type ApiListProvidersRequest,
  type ApiRedactSessionRequest,
  type ApiListSessionsRequest,
  type ApiResponse,
  type AttachmentContent,
  type CancelSessionResponse,
  type ConnectError,
  type GetSessionResponse,
  type HttpErrorModel,
  type ListSessionsResponse,
  type Result,
  type Session,
  type SessionFailCode,
} from '../../index.js';
import type { ResultReader } from '../../lib/operation/operation.js';
import { OPERATIONS as TABLE, type OperationName } from '../../requests/operations.js';
import { makeClient } from '../support/fixtures.js';
import { RequestBuilder } from '../../lib/pipeline/builder.js';
import { ApiExchangeAttachmentAccessKeyRequest } from '../../requests/attachments/exchangeAttachmentAccessKey.js';
import { ApiCreateSessionRequest } from '../../requests/sessions/createSession.js';
import { ApiExchangeResultsKeyRequest } from '../../requests/sessions/exchangeResultsKey.js';
import { expectLeft } from '../support/results.js';
import { expectNothingSent, trapAnyRequest, useNock } from '../support/wire.js';

// Type-level tests. `npx tsc -p . --noEmit` (part of `npm test`) is what checks them: each
// `@ts-expect-error` line must fail to compile, or the directive itself is an error, and each
// `Equal` must hold. The statements also run, so that what the types refuse is shown to be
// refused at run time too (plain JavaScript callers are not held to the types).

useNock();

const client = makeClient();

/** True exactly when A and B are the same type (not merely assignable either way). */
type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** The `data` type an execute() resolves to. */
type DataOf<R> = R extends { execute: () => Promise<Result<infer T>> } ? T : never;

/** The data an operation's description reads from a success answer. */
type DataRead<O> = O extends { readonly result: ResultReader<infer T> } ? T : never;

/** Runs `request`, which must be refused at run time without sending anything. */
const expectRefusedAtRunTime = async (request: {
  execute: () => Promise<Result<unknown>>;
}): Promise<readonly string[]> => {
  const trap = trapAnyRequest();
  const error = expectLeft(await request.execute(), 'InvalidRequest');
  expectNothingSent(trap);
  return error.problems;
};

describe('what does not compile', () => {
  test('an orderBy value that is not a SessionOrdering', async () => {
    // @ts-expect-error 'Bogus' is not a SessionOrdering
    const request = client.sessionsAPI.listSessions().orderBy('Bogus');

    expect(await expectRefusedAtRunTime(request)).toStrictEqual([
      'orderBy: expected one of Created | Updated | State, got "Bogus"',
    ]);
  });

  test('an orderDirection value that is not an OrderDirection', async () => {
    // @ts-expect-error 'Sideways' is not an OrderDirection
    const request = client.sessionsAPI.listSessions().orderDirection('Sideways');

    expect(await expectRefusedAtRunTime(request)).toHaveLength(1);
  });

  test('a page size given as a string', async () => {
    // @ts-expect-error pageSize takes a number
    const request = client.sessionsAPI.listSessions().pageSize('10');

    expect(await expectRefusedAtRunTime(request)).toHaveLength(1);
  });

  test('a body of the wrong shape: providers must be a list', async () => {
    // @ts-expect-error providers is string[]
    const request = client.sessionsAPI.createSession().createSessionRequest({ providers: 'x' });

    expect(await expectRefusedAtRunTime(request)).toStrictEqual([
      'createSessionRequest.providers: expected Array<string>',
    ]);
  });

  test('a misspelt property in a body literal', async () => {
    const request = client.sessionsAPI
      .createSession()
      // @ts-expect-error redirectUri is not a property of CreateSessionRequest
      .createSessionRequest({ redirectUri: 'https://rp.test/done' });

    expect(await expectRefusedAtRunTime(request)).toHaveLength(1);
  });

  test('a body missing its required field', async () => {
    const request = client.sessionsAPI
      .exchangeResultsKey('ses_1')
      // @ts-expect-error resultsAccessKey is required
      .exchangeResultsKeyRequest({});

    expect(await expectRefusedAtRunTime(request)).toStrictEqual([
      'exchangeResultsKeyRequest.resultsAccessKey: is required',
    ]);
  });

  test('an attachment exchange without its key', async () => {
    const request = client.attachmentsAPI
      .exchangeAttachmentAccessKey()
      // @ts-expect-error attachmentAccessKey is required
      .exchangeAttachmentAccessKeyRequest({});

    expect(await expectRefusedAtRunTime(request)).toHaveLength(1);
  });

  test('a path parameter left out', async () => {
    // @ts-expect-error getSession needs a sessionId
    const request = client.sessionsAPI.getSession();

    expect(await expectRefusedAtRunTime(request)).toStrictEqual(['sessionId: is required']);
  });

  test('reading data from an Either that was not narrowed', async () => {
    const result = await client.sessionsAPI.getSession('').execute();

    const readDataUnnarrowed = () => {
      // @ts-expect-error a Left has no `right`: narrow with E.isRight before reading data
      const { right }: { right: ApiResponse<GetSessionResponse> } = result;
      return right.data;
    };

    expect(E.isLeft(result)).toBe(true);
    expect(readDataUnnarrowed).toThrow(TypeError);
  });

  test('a setter that belongs to another operation', () => {
    const request = client.sessionsAPI.getSession('ses_1');

    // @ts-expect-error getSession has no pageSize
    const missing: unknown = request.pageSize;

    expect(missing).toBeUndefined();
  });
});

describe('what the types say', () => {
  test('data is the model of each operation, once narrowed', () => {
    // Derived from the operations' table: for each entry, what its API method's builder resolves
    // to is what its description reads. A tenth entry is checked without a line added here.
    type Matches = {
      readonly [N in OperationName]: Equal<
        DataOf<ReturnType<(typeof TABLE)[N]['start']>>,
        DataRead<(typeof TABLE)[N]['operation']>
      >;
    };
    // And spelt out for two, so that the derivation itself is seen to hold the public models.
    const checks: readonly boolean[] = [
      check<Equal<Matches[OperationName], true>>(),
      check<Equal<DataOf<ApiListSessionsRequest>, ListSessionsResponse>>(),
      check<
        Equal<
          DataRead<(typeof TABLE)['exchangeAttachmentAccessKey']['operation']>,
          AttachmentContent
        >
      >(),
    ];

    expect(checks).toStrictEqual([true, true, true]);
  });

  test('the API methods keep their public signatures, as the Go SDK names them', () => {
    // The methods come from the table; their types must still be exactly these.
    const checks: readonly boolean[] = [
      check<Equal<SessionsAPI['cancelSession'], (sessionId: string) => ApiCancelSessionRequest>>(),
      check<Equal<SessionsAPI['createSession'], () => ApiCreateSessionRequest>>(),
      check<
        Equal<
          SessionsAPI['exchangeResultsKey'],
          (sessionId: string) => ApiExchangeResultsKeyRequest
        >
      >(),
      check<Equal<SessionsAPI['getSession'], (sessionId: string) => ApiGetSessionRequest>>(),
      check<Equal<SessionsAPI['listSessions'], () => ApiListSessionsRequest>>(),
      check<Equal<SessionsAPI['redactSession'], (sessionId: string) => ApiRedactSessionRequest>>(),
      check<
        Equal<
          AttachmentsAPI['exchangeAttachmentAccessKey'],
          () => ApiExchangeAttachmentAccessKeyRequest
        >
      >(),
      check<Equal<NetworkAPI['listProviders'], () => ApiListProvidersRequest>>(),
      check<
        Equal<NetworkAPI['identityLookup'], (phoneNumber: string) => ApiIdentityLookupRequest>
      >(),
    ];

    expect(checks.every(Boolean)).toBe(true);
    const { sessionsAPI, attachmentsAPI, networkAPI } = client;
    expect(sessionsAPI.getSession('s1')).toBeInstanceOf(RequestBuilder);
    expect(sessionsAPI.createSession()).toBeInstanceOf(ApiCreateSessionRequest);
    expect(attachmentsAPI.exchangeAttachmentAccessKey()).toBeInstanceOf(
      ApiExchangeAttachmentAccessKeyRequest,
    );
    expect(networkAPI.identityLookup('+1')).toBeInstanceOf(RequestBuilder);
  });

  test('execute is a TaskEither of ConnectError and ApiResponse', () => {
    const task: TE.TaskEither<
      ConnectError,
      ApiResponse<CancelSessionResponse>
    > = client.sessionsAPI.cancelSession('ses_1').execute;

    expect(task).toBeInstanceOf(Function);
  });

  test('setters and options return the concrete builder, so they chain in any order', () => {
    const request = client.sessionsAPI.listSessions().timeout(1_000).orderBy('Created').page(1);
    const same = check<Equal<typeof request, ApiListSessionsRequest>>();
    const cancel =
      check<Equal<ReturnType<ApiCancelSessionRequest['maxRetries']>, ApiCancelSessionRequest>>();

    expect([same, cancel]).toStrictEqual([true, true]);
    expect(request.execute).toBeInstanceOf(Function);
  });

  test('enum value objects are literal types; model fields have the spec types', () => {
    const checks: readonly boolean[] = [
      check<Equal<typeof SessionState.IdvSuccess, 'IdvSuccess'>>(),
      check<Equal<Session['state'], SessionState>>(),
      check<Equal<Session['created'], number>>(),
      check<Equal<Session['failCode'], SessionFailCode | undefined>>(),
    ];

    expect(checks).toHaveLength(4);
    expect(SessionState.IdvSuccess).toBe('IdvSuccess');
  });

  test('ConnectError has exactly six members, matched exhaustively by _tag', async () => {
    const result = await client.sessionsAPI.getSession('').execute();

    expect(E.isLeft(result) ? describe6(result.left) : 'Right').toBe('refused');
  });

  test('HttpError.model is the union of the two error models', () => {
    const same =
      check<
        Equal<Extract<ConnectError, { _tag: 'HttpError' }>['model'], HttpErrorModel | undefined>
      >();

    expect(same).toBe(true);
  });
});

/** Compiles only when T is `true`; at run time, `true`. */
function check<T extends true>(): T;
function check(): boolean {
  return true;
}

/** An exhaustive match: adding or removing a member of ConnectError breaks compilation. */
function describe6(error: ConnectError): string {
  switch (error._tag) {
    case 'InvalidRequest':
      return 'refused';
    case 'NetworkError':
      return 'network';
    case 'TimeoutError':
      return 'timeout';
    case 'AbortError':
      return 'aborted';
    case 'HttpError':
      return 'http';
    case 'DecodeError':
      return 'decode';
    default: {
      const unreachable: never = error;
      return unreachable;
    }
  }
}
