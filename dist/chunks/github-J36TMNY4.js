import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);
import {
  isResolved,
  resolvedBy
} from "./chunk-MJAQU5M5.js";
import {
  githubBody,
  githubTitle
} from "./chunk-FOQKTZ3F.js";
import {
  cell
} from "./chunk-GTJPQZEF.js";
import "./chunk-4SV3DADC.js";
import "./chunk-F4NAEFNZ.js";
import {
  formatDate
} from "./chunk-XU4MFCUY.js";
import "./chunk-SC7SHDLN.js";
import "./chunk-7ADVH35N.js";
import "./chunk-6WH5L3UC.js";
import "./chunk-GGC72TJI.js";
import "./chunk-MFOCRCT4.js";
import "./chunk-OXRXBV5P.js";

// src/tasks/body.ts
var MAX_MARKER_FIGURES = 8e3;
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
  const figuresJson = JSON.stringify(task.finding.figures);
  const marker = {
    fingerprint: task.fingerprint,
    report: task.report,
    content: task.content,
    due,
    entity: task.entity,
    // Only said again in a closing comment; a marker too long to fit would lose the issue.
    figures: figuresJson.length <= MAX_MARKER_FIGURES ? task.finding.figures : {}
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
  return githubBody([...head, ...table].join("\n") + "\n", tail.join("\n"));
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
    const refused = await this.ensureLabels(new Set(input.desired.flatMap((task) => task.labels)));
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
    for (const desired of input.desired) {
      const task = {
        ...desired,
        title: githubTitle(desired.title),
        labels: desired.labels.filter((name) => !refused.has(name))
      };
      const found = existing.get(task.fingerprint);
      await attempt(
        task,
        () => found ? this.refresh(task, found.issue, found.marker, input) : this.open(task, input)
      );
    }
    const wanted = new Set(input.desired.map((task) => task.fingerprint));
    for (const [fingerprint, { issue, marker }] of existing) {
      if (wanted.has(fingerprint) || issue.state !== "open" || !isResolved(input, fingerprint, marker.report))
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
        `The finding is back as of ${input.asOf}: ${cell(task.finding.title)}${input.runLink ? ` ([run](${input.runLink}))` : ""}`
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
      `Resolved: boardroom no longer finds this in the ${marker.report} report as of ${input.asOf}.${figures ? ` ${cell(figures)}` : ""}${input.runLink ? ` ([run](${input.runLink}))` : ""}`
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
      body: githubBody(body)
    });
  }
  /**
   * Creates the labels the tasks need that the repository lacks. Returns the labels GitHub
   * refused (a 422 other than "already exists"), each named in a warning; the log counts only
   * the labels that exist afterwards.
   */
  async ensureLabels(names) {
    const labels = await this.octokit.paginate("GET /repos/{owner}/{repo}/labels", {
      owner: this.owner,
      repo: this.repo,
      per_page: 100
    });
    const have = new Set(labels.map((label) => label.name.toLowerCase()));
    const refused = /* @__PURE__ */ new Set();
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
        if (!alreadyExists(error)) {
          refused.add(name);
          this.log.warning(
            `GitHub refused the label "${name}": ${describe(error)}; its tasks are written without it`
          );
        }
      }
    }
    if (refused.has("boardroom"))
      throw new Error('GitHub refused the label "boardroom", by which boardroom finds its issues');
    const ready = names.size - refused.size;
    this.log.info(
      `GitHub: ${ready} label${ready === 1 ? "" : "s"} ready${refused.size ? `, ${refused.size} refused (${[...refused].map((n) => `"${n}"`).join(", ")})` : ""}`
    );
    return refused;
  }
};
function alreadyExists(error) {
  const errors = error.response?.data?.errors;
  return errors?.some((e) => e.code === "already_exists") ?? false;
}
function describe(error) {
  const err = error;
  const details = err.response?.data?.errors?.map((e) => e.message ?? `${e.field ?? ""} ${e.code ?? ""}`.trim()).join("; ");
  return `${err.status ? `GitHub answered ${err.status}: ` : ""}${err.response?.data?.message ?? err.message ?? String(error)}${details ? ` (${details})` : ""}`;
}
export {
  GitHubTaskSink
};
