// The `filter` query parameter as identity providers send it, turned into a Prisma where: `eq` on the
// attributes they look people and groups up by (Entra ID: `userName eq`, `externalId eq`,
// `displayName eq`; Okta: `userName eq`, `emails[type eq "work"].value eq`), joined with and/or.
// Anything else is a 400 invalidFilter rather than a silently wrong answer.
import { parse, type Filter } from "scim2-parse-filter";
import type { Prisma } from "@/generated/prisma/client";
import { ScimError } from "./scim-error";

const invalid = (detail: string) => new ScimError(400, detail, "invalidFilter");

function parseFilter(text: string): Filter {
  try {
    return parse(text);
  } catch (error) {
    throw invalid(`The filter could not be read: ${error instanceof Error ? error.message : "syntax error"}.`);
  }
}

const asText = (attr: string, value: unknown): string => {
  if (typeof value !== "string") throw invalid(`${attr} is compared with a string.`);
  return value;
};

function userCompare(attr: string, value: unknown): Prisma.ScimUserWhereInput {
  switch (attr.toLowerCase()) {
    case "id":
      return { id: asText(attr, value) };
    case "username":
      return { userName: { equals: asText(attr, value), mode: "insensitive" } };
    case "externalid":
      return { externalId: asText(attr, value) };
    case "emails":
    case "emails.value":
      return { user: { email: asText(attr, value).trim().toLowerCase() } };
    case "active":
      if (typeof value !== "boolean") throw invalid("active is compared with true or false.");
      return { active: value };
    default:
      throw invalid(`Filtering Users by ${attr} is not supported (use userName, externalId, emails or active).`);
  }
}

function groupCompare(attr: string, value: unknown): Prisma.ScimGroupWhereInput {
  switch (attr.toLowerCase()) {
    case "id":
      return { id: asText(attr, value) };
    case "displayname":
      return { displayName: { equals: asText(attr, value), mode: "insensitive" } };
    case "externalid":
      return { externalId: asText(attr, value) };
    case "members.value":
    case "members":
      return { members: { some: { scimUserId: asText(attr, value) } } };
    default:
      throw invalid(`Filtering Groups by ${attr} is not supported (use displayName, externalId or members).`);
  }
}

function toWhere<W extends object>(filter: Filter, compare: (attr: string, value: unknown) => W, inValuePath = false): W {
  switch (filter.op) {
    case "eq":
      return compare(filter.attrPath, filter.compValue);
    case "and":
    case "or":
      return { [filter.op.toUpperCase()]: filter.filters.map((f) => toWhere(f, compare, inValuePath)) } as W;
    case "[]":
      // `emails[type eq "work"]`: the sub-filter picks which email; Panelkit keeps one, so it only checks
      // the sub-filter is the type selector providers send, and the comparison next to it does the work.
      if (filter.valFilter.op !== "eq" || filter.valFilter.attrPath !== "type" || inValuePath) throw invalid("Only [type eq \"...\"] selectors are supported.");
      return {} as W;
    default:
      throw invalid(`The ${filter.op} operator is not supported: use eq, and, or.`);
  }
}

export function userFilter(text: string | null): Prisma.ScimUserWhereInput {
  return text?.trim() ? toWhere(parseFilter(text), userCompare) : {};
}

export function groupFilter(text: string | null): Prisma.ScimGroupWhereInput {
  return text?.trim() ? toWhere(parseFilter(text), groupCompare) : {};
}
