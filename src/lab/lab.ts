/**
 * A lab: one scenario's world on the engine, answering real STS wire requests.
 * `handle` takes a request as it arrived (method, raw path and query, headers,
 * body) and returns the HTTP answer plus an event for the lab terminal; it does
 * no I/O itself (src/lab/server.ts owns the socket). The simulated clock follows
 * `clock()` (the wall clock in a real lab) plus whatever `advance` added.
 */
import { randomUUID } from 'node:crypto';
import { createEngine, isStsApi } from '../engine/index.js';
import type { Call, CallResult, Engine, TraceCheck } from '../engine/types.js';
import type { Scenario } from '../content/schema.js';
import { KeyRing, type KnownKey, type Signer } from './credentials.js';
import type { KeyLimits } from './temporary-keys.js';
import { parseForm, queryParams } from './query.js';
import { serviceCall, type HttpAnswer } from './services.js';
import type { SignedRequest } from './sigv4.js';
import { matchCall, stepsMinted, tasksFor, type CallMatch, type LabTask } from './tasks.js';
import { IdpKeys, mintJwt, mintSaml, readJwt, readSaml } from './tokens.js';
import { errorXml, successXml } from './xml.js';
import { stepNote } from '../learn/authorize-notes.js';
import { checkText, failedCheckLine } from '../learn/check-text.js';

/** One call as the lab terminal shows it: a success, or an error with its AWS code and message. */
export type LabEvent = LabEventBase &
  (
    | { outcome: 'success'; code?: never; message?: never }
    | { outcome: 'error'; code: string; message: string }
  );

interface LabEventBase {
  /** Simulated time of the call, ISO-8601. */
  at: string;
  /** The STS API or the service operation, e.g. `AssumeRole`, `s3:GetObject`. */
  api: string;
  /** Who signed: a profile name, a session (`ReportReader/dana-q1-report`), or `unsigned`. */
  caller: string;
  /** What the call was about: the role, the resource. */
  target?: string;
  /** The check that decided: the first failed one, or why the signature was refused. */
  deciding?: string;
  /** The principal the call produced or reported (success). */
  principal?: string;
  /** The engine's full result, when the call reached the engine (for the `d` trace view). */
  result?: CallResult;
  /** Tasks this call completed. */
  completed: LabTask[];
}

/** A minted federation token and the parameters its step sends with it. */
export interface LabToken {
  kind: 'web-identity' | 'saml';
  text: string;
  roleArn?: string;
  sessionName?: string;
  principalArn?: string;
  /** Every other parameter the step sends (DurationSeconds, Policy…): the command `lab token` prints sends them too. */
  params?: Record<string, unknown>;
}

export interface LabReply {
  response: HttpAnswer;
  event: LabEvent;
}

export interface LabOptions {
  scenario: Scenario;
  /** Wall-clock milliseconds (tests and the bench may pass their own). */
  clock?: () => number;
  idp?: IdpKeys;
  /** How many temporary keys the lab remembers, and how many dropped ones by id (tests pass small ones). */
  limits?: KeyLimits;
}

const FORM = 'application/x-www-form-urlencoded';
const SENSITIVE_TOKEN = /^(WebIdentityToken|SAMLAssertion)$/;

export class Lab {
  readonly scenario: Scenario;
  readonly engine: Engine;
  readonly keys: KeyRing;
  readonly tasks: LabTask[];
  readonly done = new Set<string>();
  private readonly idp: IdpKeys;
  private readonly clock: () => number;
  private offset = 0;
  private simMs: number;
  private readonly startMs: number;
  private serial = 0;

  constructor(options: LabOptions) {
    this.scenario = options.scenario;
    this.engine = createEngine(options.scenario.world);
    this.keys = new KeyRing(this.engine, options.limits);
    this.tasks = tasksFor(options.scenario);
    this.idp = options.idp ?? new IdpKeys();
    this.clock = options.clock ?? Date.now;
    this.simMs = Date.parse(this.engine.now());
    this.syncClock();
    this.startMs = this.simMs;
  }

  /** Simulated now (epoch ms), after catching up with the clock. */
  now(): number {
    this.syncClock();
    return this.simMs;
  }

  /** The world's clock follows the wall clock; it never runs backwards (a world may start later). */
  private syncClock(): void {
    const target = this.clock() + this.offset;
    if (target > this.simMs) {
      this.engine.advance((target - this.simMs) / 1000);
      this.simMs = Date.parse(this.engine.now());
    }
  }

  /** Moves the simulated clock forward; returns the advance tasks this completed. */
  advance(seconds: number): LabTask[] {
    if (Number.isFinite(seconds) && seconds > 0) this.offset += seconds * 1000;
    this.syncClock();
    this.keys.prune(this.simMs);
    return this.completeAdvances();
  }

  private completeAdvances(): LabTask[] {
    const moved = (this.simMs - this.startMs) / 1000;
    const newly = this.tasks.filter(
      (t) => t.kind === 'advance' && !this.done.has(t.id) && moved >= t.after! - 1,
    );
    for (const t of newly) this.done.add(t.id);
    return newly;
  }

  /** The MFA devices of the world's users and the code each shows. */
  mfaCodes(): { user: string; serial: string; code: string }[] {
    return this.engine
      .longTermKeys()
      .filter((k) => k.mfaSerial && k.mfaCode)
      .map((k) => ({ user: k.name, serial: k.mfaSerial!, code: k.mfaCode! }));
  }

  /** A step's (or what-if's) web identity token or SAML assertion, minted now and signed by the lab's IdP key. */
  token(id: string): LabToken | undefined {
    const task = this.tasks.find((t) => t.id === id || t.id === `what-if/${id}`);
    const params = task?.call?.params;
    const now = this.now();
    const about: Omit<LabToken, 'kind' | 'text'> = {};
    for (const [field, param] of [
      ['roleArn', 'RoleArn'],
      ['sessionName', 'RoleSessionName'],
      ['principalArn', 'PrincipalArn'],
    ] as const) {
      if (typeof params?.[param] === 'string') about[field] = params[param] as string;
    }
    const rest = Object.fromEntries(Object.entries(params ?? {}).filter(([k]) => !SENSITIVE_TOKEN.test(k)));
    if (Object.keys(rest).length) about.params = rest;
    const jwt = params?.WebIdentityToken;
    if (jwt && typeof jwt === 'object') {
      return { kind: 'web-identity', text: mintJwt(jwt as Record<string, unknown>, now, this.idp), ...about };
    }
    const saml = params?.SAMLAssertion;
    if (saml && typeof saml === 'object') {
      return { kind: 'saml', text: mintSaml(saml as Record<string, unknown>, now, this.idp), ...about };
    }
    return undefined;
  }

  /**
   * Makes the ID-token key off the main thread when a step sends a web identity token (RSA key
   * generation would otherwise block the first mint for 0.1–0.3 s); a lab without one never makes it.
   */
  async prepareTokens(): Promise<void> {
    const oidc = this.tasks.some((t) => {
      const jwt = t.call?.params?.WebIdentityToken;
      return Boolean(jwt) && typeof jwt === 'object';
    });
    if (oidc) await this.idp.prepare();
  }

  /** Ids of the steps and what-ifs that carry a token. */
  tokenSteps(): string[] {
    return this.tasks
      .filter((t) => t.call?.params && Object.keys(t.call.params).some((k) => SENSITIVE_TOKEN.test(k)))
      .map((t) => t.id);
  }

  /** Answers one request. Never throws for anything a client can send. */
  handle(req: SignedRequest, host = ''): LabReply {
    const requestId = randomUUID();
    this.syncClock();
    this.keys.prune(this.simMs);
    const contentType = req.headers['content-type']?.[0] ?? '';
    const bodyText = req.body.toString('utf8');
    const form = parseForm(req.query);
    if (req.method === 'POST' && contentType.startsWith(FORM)) {
      for (const [k, v] of parseForm(bodyText)) form.set(k, v);
    }
    // Signature times are checked against the wall clock the lab follows, not the simulated time
    // `lab advance` moved on: real clients sign with their own clock, which no advance changes.
    const signer = this.keys.check(req, this.clock(), this.simMs);
    const service = signer.kind === 'unsigned' ? 'sts' : (signer.auth?.service ?? 'sts');
    if (service !== 'sts') return this.service(req, host, form, bodyText, contentType, signer, requestId);
    const action = form.get('Action');
    if (!action)
      return this.refuse(requestId, 'MissingAction', 'Missing Action', 400, 'the request has no Action', '?');
    // the STS actions a lab answers: the engine's STS APIs (its SignIn and Request are not STS actions)
    if (!isStsApi(action) || form.get('Version') !== '2011-06-15') {
      const version = form.get('Version') ?? '';
      return this.refuse(
        requestId,
        'InvalidAction',
        `Could not find operation ${action} for version ${version}`,
        400,
        `STS has no action ${action} in version ${version || '(none)'}`,
        action,
      );
    }
    const unsignedApi = action === 'AssumeRoleWithSAML' || action === 'AssumeRoleWithWebIdentity';
    if (signer.kind === 'refused' && !unsignedApi) {
      return this.refuse(
        requestId,
        signer.error.code,
        signer.error.message,
        signer.error.httpStatus,
        signer.why,
        action,
        this.claimedBy(signer),
      );
    }
    const key = signer.kind === 'signed' && !unsignedApi ? signer.key : undefined;
    const params = this.tokenParams(queryParams(form));
    const call: Call = { api: action, as: key ? key.as : 'anonymous', params };
    const { result, match } = this.call(call, key);
    const response: HttpAnswer =
      result.outcome === 'success'
        ? {
            status: 200,
            headers: xmlHeaders(requestId),
            body: successXml(action, result.response, requestId),
          }
        : {
            status: result.httpStatus,
            headers: xmlHeaders(requestId),
            body: errorXml(result.code, result.message, requestId),
          };
    return { response, event: this.event(call, key, result, match) };
  }

  /** Web identity tokens and SAML assertions arrive as text; the engine reads their claims. */
  private tokenParams(params: Record<string, unknown>): Record<string, unknown> {
    if (typeof params.WebIdentityToken === 'string') {
      params.WebIdentityToken = readJwt(params.WebIdentityToken, this.idp) ?? params.WebIdentityToken;
    }
    if (typeof params.SAMLAssertion === 'string') {
      params.SAMLAssertion = readSaml(params.SAMLAssertion, this.idp) ?? params.SAMLAssertion;
    }
    return params;
  }

  /** Runs the call on the engine, matches it against the tasks once, and keeps the keys it minted. */
  private call(call: Call, key: KnownKey | undefined): { result: CallResult; match: CallMatch } {
    this.serial += 1;
    const id = `lab${this.serial}`;
    // A Request mints nothing, and the denial the engine would record under its id is reachable
    // only as `$labN`, which the lab never shows: no id, nothing kept.
    const result = this.engine.call(call, call.api === 'Request' ? undefined : { id });
    const match = matchCall(this.tasks, { call, signerSteps: key?.steps ?? [], result });
    const creds = (result.response as { Credentials?: Record<string, string> } | undefined)?.Credentials;
    if (result.outcome === 'success' && creds?.AccessKeyId && creds.SecretAccessKey) {
      this.keys.add({
        as: `$${id}`,
        accessKeyId: creds.AccessKeyId,
        secretAccessKey: creds.SecretAccessKey,
        sessionToken: creds.SessionToken ?? '',
        expiresMs: Date.parse(creds.Expiration ?? ''),
        account: result.view?.account ?? key?.account ?? '',
        ...(key?.userArn && call.api === 'GetSessionToken' ? { userArn: key.userArn } : {}),
        label: sessionLabel(result.view?.arn ?? '', call.api),
        steps: stepsMinted(match),
      });
    }
    return { result, match };
  }

  private service(
    req: SignedRequest,
    host: string,
    form: Map<string, string>,
    body: string,
    contentType: string,
    signer: ReturnType<KeyRing['check']>,
    requestId: string,
  ): LabReply {
    const auth = signer.kind === 'unsigned' ? undefined : signer.auth;
    const mapped = serviceCall(
      {
        method: req.method,
        path: safeDecodePath(req.path),
        host,
        query: parseForm(req.query),
        body,
        contentType,
        target: req.headers['x-amz-target']?.[0],
        service: auth?.service ?? '',
        region: auth?.region ?? 'us-east-1',
        account: signer.kind === 'signed' ? signer.key.account : '',
        ...(signer.kind === 'signed' && signer.key.userArn ? { callerArn: signer.key.userArn } : {}),
      },
      form,
    );
    if (typeof mapped === 'string') {
      return this.refuse(requestId, 'NotImplemented', mapped, 501, mapped, `${auth?.service ?? '?'}:?`);
    }
    if (signer.kind === 'refused') {
      const { code, message, httpStatus } = signer.error;
      return {
        response: mapped.denied(code, message, httpStatus, requestId),
        event: this.refusedEvent(mapped.action, code, message, signer.why, this.claimedBy(signer)),
      };
    }
    const key = signer.kind === 'signed' ? signer.key : undefined;
    const call: Call = {
      api: 'Request',
      as: key ? key.as : 'anonymous',
      action: mapped.action,
      resource: mapped.resource,
    };
    const { result, match } = this.call(call, key);
    const response =
      result.outcome === 'success'
        ? mapped.allowed(requestId)
        : mapped.denied(result.code, result.message, result.httpStatus, requestId);
    return { response, event: this.event(call, key, result, match) };
  }

  private refuse(
    requestId: string,
    code: string,
    message: string,
    status: number,
    why: string,
    api: string,
    caller = '?',
  ): LabReply {
    return {
      response: { status, headers: xmlHeaders(requestId), body: errorXml(code, message, requestId) },
      event: this.refusedEvent(api, code, message, why, caller),
    };
  }

  /** Whose key a refused request names (a known key's label, else the key id), for its call line. */
  private claimedBy(signer: Signer): string {
    if (signer.kind !== 'refused' || !signer.auth) return '?';
    return this.keys.get(signer.auth.accessKeyId)?.label ?? signer.auth.accessKeyId;
  }

  private refusedEvent(api: string, code: string, message: string, why: string, caller = '?'): LabEvent {
    return {
      at: new Date(this.simMs).toISOString(),
      api,
      caller,
      outcome: 'error',
      code,
      message,
      deciding: why,
      completed: [],
    };
  }

  /** The call's line for the lab terminal; the tasks it completed are marked done. */
  private event(call: Call, key: KnownKey | undefined, result: CallResult, match: CallMatch): LabEvent {
    const completed = match.completing.filter((t) => t.possible && !this.done.has(t.id));
    for (const t of completed) this.done.add(t.id);
    for (const t of this.completeAdvances()) completed.push(t);
    const api = call.api === 'Request' ? (call.action ?? 'Request') : call.api;
    const caller = key ? key.label : 'unsigned';
    // Object literals, not spreads: this runs once per call (the hot path under load).
    const event: LabEvent =
      result.outcome === 'error'
        ? {
            at: result.at,
            api,
            caller,
            result,
            completed,
            outcome: 'error',
            code: result.code,
            message: result.message,
          }
        : { at: result.at, api, caller, result, completed, outcome: 'success' };
    const target = targetOf(call);
    if (target) event.target = target;
    if (result.outcome === 'error') {
      const deciding = decidingCheck(result.trace);
      if (deciding) event.deciding = deciding;
    } else if (result.view && call.api !== 'Request') event.principal = result.view.arn;
    return event;
  }
}

const xmlHeaders = (requestId: string) => ({ 'content-type': 'text/xml', 'x-amzn-RequestId': requestId });

function safeDecodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** `ReportReader/dana-q1-report` for a role session, `carla (federated)`, `lena (session)`. */
function sessionLabel(arn: string, api: string): string {
  const role = /:assumed-role\/(.+)$/.exec(arn);
  if (role) return role[1]!;
  const fed = /:federated-user\/(.+)$/.exec(arn);
  if (fed) return `${fed[1]} (federated)`;
  const user = /:user\/(?:.*\/)?([^/]+)$/.exec(arn);
  return user ? `${user[1]} (${api === 'GetSessionToken' ? 'session' : 'temporary'})` : arn;
}

function targetOf(call: Call): string | undefined {
  if (call.api === 'Request') return call.resource;
  const role = call.params?.RoleArn;
  if (typeof role === 'string') return role.split('/').pop();
  return undefined;
}

/** The first check that failed, as one line (`failed check: <title> — <detail>`). */
export function decidingCheck(trace: readonly TraceCheck[]): string | undefined {
  const failed = trace.find((c) => !c.ok && !c.info);
  if (!failed) return undefined;
  // An authorization is reduced to the step that failed.
  const step = failed.decision?.steps.find((s) => s.outcome === 'fail');
  const words = checkText(failed);
  const detail = step ? stepNote(step) : words.detail;
  return failedCheckLine(detail ? { title: words.title, detail } : { title: words.title });
}
