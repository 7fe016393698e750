// The discovery endpoints (RFC 7643 §5–7): what this SCIM service supports, so a provider's validator (and
// Okta's "Test connector configuration") can read it. Static apart from the base URL.
import { scimBaseUrl } from "@/server/services/scim/_shared/scim-base-url";
import { GROUP_SCHEMA, listResponse } from "@/server/services/scim/_shared/scim-resources";
import { MAX_PAGE } from "@/server/services/scim/_shared/paging";
import { USER_SCHEMA } from "@/server/services/scim/_shared/user-attributes";

const ENTERPRISE_USER = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

export function serviceProviderConfig() {
  return {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_PAGE },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: false },
    authenticationSchemes: [
      { type: "oauthbearertoken", name: "Bearer token", description: "A SCIM token made in Panelkit's Settings, sent as Authorization: Bearer <token>.", primary: true },
    ],
    meta: { resourceType: "ServiceProviderConfig", location: `${scimBaseUrl()}/ServiceProviderConfig` },
  };
}

export function resourceTypes() {
  const types = [
    { id: "User", name: "User", endpoint: "/Users", schema: USER_SCHEMA, schemaExtensions: [{ schema: ENTERPRISE_USER, required: false }] },
    { id: "Group", name: "Group", endpoint: "/Groups", schema: GROUP_SCHEMA, schemaExtensions: [] },
  ].map((type) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
    ...type,
    meta: { resourceType: "ResourceType", location: `${scimBaseUrl()}/ResourceTypes/${type.id}` },
  }));
  return listResponse(types, types.length, 1);
}

const attribute = (name: string, type: string, extra: Record<string, unknown> = {}) => ({
  name,
  type,
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: "readWrite",
  returned: "default",
  uniqueness: "none",
  ...extra,
});
const subAttributes = (names: string[]) => names.map((name) => attribute(name, name === "primary" ? "boolean" : "string"));

export function schemas() {
  const resources = [
    {
      id: USER_SCHEMA,
      name: "User",
      description: "A person with access to the organisation in Panelkit while active.",
      attributes: [
        attribute("userName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("active", "boolean"),
        attribute("displayName", "string"),
        attribute("title", "string"),
        attribute("name", "complex", { subAttributes: subAttributes(["formatted", "familyName", "givenName", "middleName", "honorificPrefix", "honorificSuffix"]) }),
        attribute("emails", "complex", { multiValued: true, subAttributes: subAttributes(["value", "type", "primary"]) }),
        attribute("phoneNumbers", "complex", { multiValued: true, subAttributes: subAttributes(["value", "type", "primary"]) }),
        attribute("groups", "complex", { multiValued: true, mutability: "readOnly", subAttributes: subAttributes(["value", "display"]) }),
      ],
    },
    {
      id: GROUP_SCHEMA,
      name: "Group",
      description: "A group pushed by the identity provider; Settings maps it onto a Panelkit role.",
      attributes: [
        attribute("displayName", "string", { required: true, uniqueness: "server" }),
        attribute("externalId", "string", { caseExact: true }),
        attribute("members", "complex", { multiValued: true, subAttributes: subAttributes(["value", "display"]) }),
      ],
    },
  ].map((schema) => ({
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
    ...schema,
    meta: { resourceType: "Schema", location: `${scimBaseUrl()}/Schemas/${schema.id}` },
  }));
  return listResponse(resources, resources.length, 1);
}
