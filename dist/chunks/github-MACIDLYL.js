import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  cell,
  formatDate
} from "./chunk-W7MYWFA5.js";
import {
  resolvedBy
} from "./chunk-J53SFOOE.js";
import "./chunk-OXRXBV5P.js";

// src/tasks/body.ts
var MAX_BODY = 65e3;
var MARKER = /<!-- boardroom-task (\{.*?\}) -->/s;
function readMarker(body) {
  const match = body ? MARKER.exec(body) : null;
  if (!match) return void 0;
  try {
    const marker = JSON.parse(match[1]);
    return typeof marker.fingerprint === "string" ? marker : void 0;
  } catch {
    return void 0;
  }
}
function taskBody(task, due, runLink) {
  const marker = {
    fingerprint: task.fingerprint,
    report: task.report,
    content: task.content,
    due,
    entity: task.entity,
    figures: task.finding.figures
  };
  const markerLine = `<!-- boardroom-task ${JSON.stringify(marker).replace(/>/g, "\\u003e")} -->`;
  const figures = Object.entries(task.finding.figures);
  const head = [
    `**${cell(task.finding.title)}**`,
    "",
    "| | |",
    "| --- | --- |",
    `| Severity | ${task.finding.severity} |`,
    `| Owner | ${cell(task.ownerName)}${task.assignee ? ` (@${task.assignee})` : ""} |`,
    `| Due | ${formatDate(due)} |`,
    `| Priority | ${task.priority} |`,
    `| Entity | ${cell(task.entityName)} |`,
    `| Report | ${task.report}, period ${task.period} |`,
    ""
  ];
  const table = figures.length ? [
    "Figures behind it:",
    "",
    "| figure | value |",
    "| --- | --- |",
    ...figures.map(([k, v]) => `| ${k} | ${cell(String(v))} |`),
    ""
  ] : [];
  const tail = [
    runLink ? `Last changed by [this run](${runLink}).` : "Last changed by a boardroom run.",
    "",
    markerLine,
    ""
  ];
  let body = [...head, ...table, ...tail].join("\n");
  if (body.length > MAX_BODY)
    body = [
      ...head,
      "_The figures were too long to list here; see summary.json in the run artifact._",
      "",
      ...tail
    ].join("\n");
  return body;
}

// src/tasks/github.ts
var LABEL_COLORS = {
  boardroom: "0b2545",
  persona: "1d76db",
  entity: "5319e7",
  priority: "d93f0b"
};
var GitHubTaskSink = class {
  constructor(octokit, repository, log) {
    this.octokit = octokit;
    this.log = log;
    const [owner, repo] = repository.split("/");
    if (!owner || !repo) throw new Error(`repository "${repository}" is not owner/name`);
    this.owner = owner;
    this.repo = repo;
  }
  octokit;
  log;
  name = "github";
  owner;
  repo;
  async sync(input) {
    const where = { owner: this.owner, repo: this.repo };
    const issues = await this.octokit.paginate("GET /repos/{owner}/{repo}/issues", {
      ...where,
      labels: "boardroom",
      state: "all",
      per_page: 100
    });
    const existing = /* @__PURE__ */ new Map();
    for (const issue of issues) {
      const marker = readMarker(issue.body);
      if (!issue.pull_request && marker) existing.set(marker.fingerprint, { issue, marker });
    }
    await this.ensureLabels(new Set(input.desired.flatMap((task) => task.labels)));
    const results = [];
    const attempt = async (task, work) => {
      try {
        results.push(await work());
      } catch (error) {
        const reason = describe(error);
        this.log.error(`task "${task.title}": ${reason}`);
        results.push({
          fingerprint: task.fingerprint,
          title: task.title,
          state: "failed",
          url: null,
          error: reason
        });
      }
    };
    for (const task of input.desired) {
      const found = existing.get(task.fingerprint);
      await attempt(
        task,
        () => found ? this.refresh(task, found.issue, found.marker, input) : this.open(task, input)
      );
    }
    const wanted = new Set(input.desired.map((task) => task.fingerprint));
    for (const [fingerprint, { issue, marker }] of existing) {
      if (wanted.has(fingerprint) || issue.state !== "open" || !input.scope.has(marker.report))
        continue;
      await attempt({ fingerprint, title: issue.title }, () => this.close(issue, marker, input));
    }
    return results;
  }
  async open(task, input) {
    const create = (assignee) => this.octokit.request("POST /repos/{owner}/{repo}/issues", {
      owner: this.owner,
      repo: this.repo,
      title: task.title,
      body: taskBody(task, task.due, input.runLink),
      labels: [...task.labels],
      ...assignee ? { assignees: [assignee] } : {}
    });
    let data;
    try {
      ({ data } = await create(task.assignee));
    } catch (error) {
      if (!task.assignee || !describe(error).includes("assignees")) throw error;
      this.log.warning(
        `task "${task.title}": could not assign ${task.assignee} (${describe(error)}); opened unassigned`
      );
      ({ data } = await create(void 0));
    }
    return {
      fingerprint: task.fingerprint,
      title: task.title,
      state: "opened",
      url: data.html_url
    };
  }
  async refresh(task, issue, marker, input) {
    const reopening = issue.state !== "open";
    if (reopening && issue.state_reason === "not_planned") {
      return {
        fingerprint: task.fingerprint,
        title: task.title,
        state: "unchanged",
        url: issue.html_url
      };
    }
    if (!reopening && marker.content === task.content && issue.title === task.title) {
      return {
        fingerprint: task.fingerprint,
        title: task.title,
        state: "unchanged",
        url: issue.html_url
      };
    }
    const due = reopening ? task.due : marker.due;
    const otherLabels = issue.labels.map((l) => typeof l === "string" ? l : l.name ?? "").filter((name) => name && name !== "boardroom" && !/^(persona|entity|priority):/.test(name));
    await this.octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      title: task.title,
      body: taskBody(task, due, input.runLink),
      labels: [...otherLabels, ...task.labels],
      ...reopening ? { state: "open" } : {}
    });
    if (reopening) {
      await this.comment(
        issue.number,
        `The finding is back as of ${input.asOf}: ${task.finding.title}${input.runLink ? ` ([run](${input.runLink}))` : ""}`
      );
    }
    return {
      fingerprint: task.fingerprint,
      title: task.title,
      state: reopening ? "reopened" : "updated",
      url: issue.html_url
    };
  }
  async close(issue, marker, input) {
    const figures = resolvedBy(marker.figures, input.currentFigures(marker.entity));
    await this.octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: this.owner,
      repo: this.repo,
      issue_number: issue.number,
      state: "closed",
      state_reason: "completed"
    });
    await this.comment(
      issue.number,
      `Resolved: boardroom no longer finds this in the ${marker.report} report as of ${input.asOf}.${figures ? ` ${figures}` : ""}${input.runLink ? ` ([run](${input.runLink}))` : ""}`
    );
    return {
      fingerprint: marker.fingerprint,
      title: issue.title,
      state: "closed",
      url: issue.html_url
    };
  }
  async comment(issueNumber, body) {
    await this.octokit.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
      owner: this.owner,
      repo: this.repo,
      issue_number: issueNumber,
      body
    });
  }
  async ensureLabels(names) {
    const labels = await this.octokit.paginate("GET /repos/{owner}/{repo}/labels", {
      owner: this.owner,
      repo: this.repo,
      per_page: 100
    });
    const have = new Set(labels.map((label) => label.name.toLowerCase()));
    for (const name of names) {
      if (have.has(name.toLowerCase())) continue;
      try {
        await this.octokit.request("POST /repos/{owner}/{repo}/labels", {
          owner: this.owner,
          repo: this.repo,
          name,
          color: LABEL_COLORS[name.split(":")[0]] ?? "ededed",
          description: "Created by boardroom"
        });
      } catch (error) {
        if (error.status !== 422) throw error;
      }
    }
    this.log.info(`GitHub: ${names.size} labels ready`);
  }
};
function describe(error) {
  const err = error;
  const details = err.response?.data?.errors?.map((e) => e.message ?? `${e.field ?? ""} ${e.code ?? ""}`.trim()).join("; ");
  return `${err.status ? `GitHub answered ${err.status}: ` : ""}${err.response?.data?.message ?? err.message ?? String(error)}${details ? ` (${details})` : ""}`;
}
export {
  GitHubTaskSink
};
