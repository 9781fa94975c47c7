// A small GitHub REST server on 127.0.0.1 that speaks the endpoints boardroom calls, with
// GitHub's response and error shapes, so the real Octokit (and its plugins) can be tested.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: { name: string }[];
  assignees: { login: string }[];
  html_url: string;
  pull_request?: { url: string };
}

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
  readonly at: number;
}

/** A canned answer for the next request that matches, e.g. a 403 secondary rate limit. */
export interface Fault {
  readonly method: string;
  readonly path: RegExp;
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Record<string, string>;
}

export const SECONDARY_RATE_LIMIT: Omit<Fault, 'method' | 'path'> = {
  status: 403,
  headers: { 'retry-after': '1' },
  body: {
    message:
      'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
    documentation_url:
      'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
    status: '403',
  },
};

export const TITLE_MISSING: Omit<Fault, 'method' | 'path'> = {
  status: 422,
  body: {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', code: 'missing_field', field: 'title' }],
    documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    status: '422',
  },
};

export const VALIDATION_FAILED: Omit<Fault, 'method' | 'path'> = {
  status: 422,
  body: {
    message: 'Validation Failed',
    errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: 'example-nobody' }],
    documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue',
    status: '422',
  },
};

/**
 * GitHub's limits, counted in characters as GitHub counts them (code points): label names 50,
 * label descriptions 100, issue titles 256, issue and comment bodies 65,536.
 */
export const LIMITS = { label: 50, labelDescription: 100, title: 256, body: 65_536 } as const;

const characters = (text: string) => [...text].length;

/** GitHub's 422 body: "Validation Failed" with one error per field. */
function validationFailed(errors: Record<string, unknown>[], documentation: string) {
  return {
    message: 'Validation Failed',
    errors,
    documentation_url: `https://docs.github.com/rest/${documentation}`,
    status: '422',
  };
}

/** What GitHub says of a too-long field: code custom, "<field> is too long (maximum is N characters)". */
function tooLong(resource: string, field: string, max: number) {
  return {
    resource,
    code: 'custom',
    field,
    message: `${field} is too long (maximum is ${max} characters)`,
  };
}

/** A label whose name GitHub refuses to create, e.g. on the fault list of a test. */
export function labelRefused(name: string): Omit<Fault, 'method' | 'path'> {
  return {
    status: 422,
    body: validationFailed(
      [{ resource: 'Label', code: 'invalid', field: 'name', value: name }],
      'issues/labels#create-a-label',
    ),
  };
}

export interface FakeGitHub {
  readonly url: string;
  readonly issues: FakeIssue[];
  readonly labels: { name: string; color: string }[];
  readonly comments: { id: number; issue: number; body: string }[];
  readonly requests: RecordedRequest[];
  /** Requests that change something (POST, PATCH). */
  writes(): RecordedRequest[];
  fail(fault: Fault): void;
  close(): Promise<void>;
}

export async function startFakeGitHub(repository = 'example-org/portfolio'): Promise<FakeGitHub> {
  const issues: FakeIssue[] = [];
  const labels: { name: string; color: string }[] = [];
  const comments: { id: number; issue: number; body: string }[] = [];
  const requests: RecordedRequest[] = [];
  const faults: Fault[] = [];
  let base = '';
  const prefix = `/repos/${repository}`;

  const send = (
    res: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'x-ratelimit-remaining': '4999',
      ...headers,
    });
    res.end(JSON.stringify(body));
  };
  const notFound = (res: ServerResponse) =>
    send(res, 404, {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    });

  /** GitHub's pagination: per_page and page, with a Link header to the next page. */
  const page = <T>(res: ServerResponse, url: URL, items: T[]) => {
    const perPage = Number(url.searchParams.get('per_page') ?? 30);
    const pageNumber = Number(url.searchParams.get('page') ?? 1);
    const slice = items.slice((pageNumber - 1) * perPage, pageNumber * perPage);
    const headers: Record<string, string> = {};
    if (pageNumber * perPage < items.length) {
      const next = new URL(url.toString());
      next.searchParams.set('page', String(pageNumber + 1));
      headers.link = `<${base}${next.pathname}${next.search}>; rel="next"`;
    }
    send(res, 200, slice, headers);
  };

  const commentView = (c: { id: number; issue: number; body: string }) => ({
    id: c.id,
    body: c.body,
    user: { login: 'github-actions[bot]' },
    html_url: `https://github.example.com/${repository}/pull/${c.issue}#issuecomment-${c.id}`,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    const url = new URL(req.url ?? '/', base);
    const method = req.method ?? 'GET';
    requests.push({ method, path: url.pathname, body, at: performance.now() });

    const faultIndex = faults.findIndex((f) => f.method === method && f.path.test(url.pathname));
    if (faultIndex >= 0) {
      const [fault] = faults.splice(faultIndex, 1);
      return send(res, fault!.status, fault!.body, fault!.headers);
    }
    if (!url.pathname.startsWith(prefix)) return notFound(res);
    const route = url.pathname.slice(prefix.length);

    if (method === 'GET' && route === '/issues') {
      const state = url.searchParams.get('state') ?? 'open';
      const wanted = url.searchParams.get('labels')?.split(',').filter(Boolean) ?? [];
      const matching = issues.filter(
        (i) =>
          (state === 'all' || i.state === state) &&
          wanted.every((l) => i.labels.some((x) => x.name === l)),
      );
      return page(
        res,
        url,
        [...matching].sort((a, b) => b.number - a.number),
      );
    }
    /**
     * GitHub's checks on an issue's title, body and labels; a label the repository lacks is
     * created with the issue, as GitHub does. Answers the 422 and returns false on a problem.
     */
    const issueFieldsOk = (fields: Record<string, unknown> | undefined, creating: boolean) => {
      const documentation = creating
        ? 'issues/issues#create-an-issue'
        : 'issues/issues#update-an-issue';
      const problems: Record<string, unknown>[] = [];
      if (creating && (typeof fields?.title !== 'string' || fields.title === ''))
        problems.push({ resource: 'Issue', code: 'missing_field', field: 'title' });
      if (typeof fields?.title === 'string' && characters(fields.title) > LIMITS.title)
        problems.push(tooLong('Issue', 'title', LIMITS.title));
      if (typeof fields?.body === 'string' && characters(fields.body) > LIMITS.body)
        problems.push(tooLong('Issue', 'body', LIMITS.body));
      const names = Array.isArray(fields?.labels) ? (fields.labels as string[]) : [];
      // On an issue, a label name GitHub cannot create is "invalid", with the name as value.
      for (const name of names)
        if (characters(name) > LIMITS.label)
          problems.push({ value: name, resource: 'Label', field: 'name', code: 'invalid' });
      if (problems.length) {
        send(res, 422, validationFailed(problems, documentation));
        return false;
      }
      for (const name of names)
        if (!labels.some((l) => l.name.toLowerCase() === name.toLowerCase()))
          labels.push({ name, color: 'ededed' });
      return true;
    };

    if (method === 'POST' && route === '/issues') {
      if (!issueFieldsOk(body, true)) return;
      const number = issues.length + 1;
      const issue: FakeIssue = {
        number,
        title: String(body?.title),
        body: String(body?.body ?? ''),
        state: 'open',
        state_reason: null,
        labels: ((body?.labels as string[]) ?? []).map((name) => ({ name })),
        assignees: ((body?.assignees as string[]) ?? []).map((login) => ({ login })),
        html_url: `https://github.example.com/${repository}/issues/${number}`,
      };
      issues.push(issue);
      return send(res, 201, issue);
    }
    const issueRoute = /^\/issues\/(\d+)(\/comments)?$/.exec(route);
    if (issueRoute) {
      const issue = issues.find((i) => i.number === Number(issueRoute[1]));
      if (!issue) return notFound(res);
      if (method === 'PATCH' && !issueRoute[2]) {
        if (!issueFieldsOk(body, false)) return;
        if (typeof body?.title === 'string') issue.title = body.title;
        if (typeof body?.body === 'string') issue.body = body.body;
        if (body?.state === 'open' || body?.state === 'closed') issue.state = body.state;
        if (typeof body?.state_reason === 'string') issue.state_reason = body.state_reason;
        if (Array.isArray(body?.labels))
          issue.labels = (body.labels as string[]).map((name) => ({ name }));
        return send(res, 200, issue);
      }
      if (method === 'POST' && issueRoute[2]) {
        if (characters(String(body?.body)) > LIMITS.body)
          return send(
            res,
            422,
            validationFailed(
              [tooLong('IssueComment', 'body', LIMITS.body)],
              'issues/comments#create-an-issue-comment',
            ),
          );
        const comment = { id: comments.length + 1, issue: issue.number, body: String(body?.body) };
        comments.push(comment);
        return send(res, 201, commentView(comment));
      }
      if (method === 'GET' && issueRoute[2]) {
        return page(res, url, comments.filter((c) => c.issue === issue.number).map(commentView));
      }
    }
    const commentRoute = /^\/issues\/comments\/(\d+)$/.exec(route);
    if (commentRoute && method === 'PATCH') {
      const comment = comments.find((c) => c.id === Number(commentRoute[1]));
      if (!comment) return notFound(res);
      if (characters(String(body?.body)) > LIMITS.body)
        return send(
          res,
          422,
          validationFailed(
            [tooLong('IssueComment', 'body', LIMITS.body)],
            'issues/comments#update-an-issue-comment',
          ),
        );
      comment.body = String(body?.body);
      return send(res, 200, commentView(comment));
    }
    if (method === 'GET' && route === '/labels') return page(res, url, labels);
    if (method === 'POST' && route === '/labels') {
      const name = String(body?.name ?? '');
      const documentation = 'issues/labels#create-a-label';
      const problems: Record<string, unknown>[] = [];
      if (!name) problems.push({ resource: 'Label', code: 'missing_field', field: 'name' });
      if (characters(name) > LIMITS.label) problems.push(tooLong('Label', 'name', LIMITS.label));
      if (
        typeof body?.description === 'string' &&
        characters(body.description) > LIMITS.labelDescription
      )
        problems.push(tooLong('Label', 'description', LIMITS.labelDescription));
      if (problems.length) return send(res, 422, validationFailed(problems, documentation));
      if (labels.some((l) => l.name.toLowerCase() === name.toLowerCase())) {
        return send(
          res,
          422,
          validationFailed(
            [{ resource: 'Label', code: 'already_exists', field: 'name' }],
            documentation,
          ),
        );
      }
      const label = { name: String(body?.name), color: String(body?.color ?? 'ededed') };
      labels.push(label);
      return send(res, 201, label);
    }
    return notFound(res);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    issues,
    labels,
    comments,
    requests,
    writes: () => requests.filter((r) => r.method === 'POST' || r.method === 'PATCH'),
    fail: (fault) => faults.push(fault),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
