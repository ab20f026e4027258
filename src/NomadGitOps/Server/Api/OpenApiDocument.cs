namespace NomadGitOps.Server.Api;

/// <summary>The OpenAPI 3.1 description of the HTTP server, served at <c>/api/openapi.json</c> (no token needed).</summary>
internal static class OpenApiDocument
{
    /// <summary>The document for this <paramref name="version"/> of nomad-gitops.</summary>
    public static string Json(string version) => Template.Replace("{{version}}", version, StringComparison.Ordinal);

    private const string Template = """
    {
      "openapi": "3.1.0",
      "info": {
        "title": "nomad-gitops",
        "version": "{{version}}",
        "description": "HTTP API of the nomad-gitops controller: webhook receivers, object actions behind a bearer token, health. Every write is a CAS write of one item onto the object's Nomad variable, keeping a person's concurrent edit."
      },
      "components": {
        "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer", "description": "NOMAD_GITOPS_API_TOKEN or the content of --api-token-file" } },
        "parameters": {
          "action": { "name": "action", "in": "path", "required": true, "schema": { "type": "string", "enum": ["reconcile", "suspend", "resume"] } }
        },
        "schemas": {
          "Error": { "type": "object", "properties": { "error": { "type": "string" } }, "required": ["error"] },
          "ActionResult": {
            "type": "object",
            "properties": {
              "object": { "type": "string", "examples": ["gitrepository/apps"] },
              "action": { "type": "string" },
              "outcome": { "type": "string", "enum": ["Written", "Unchanged"] },
              "message": { "type": "string" },
              "requestedAt": { "type": ["string", "null"], "description": "reconcile_requested_at written (reconcile); wait for status_last_handled_reconcile_at to reach it" }
            }
          },
          "Object": {
            "type": "object",
            "properties": {
              "object": { "type": "string" },
              "kind": { "type": "string", "enum": ["gitrepository", "nomadjob", "receiver", "alert"] },
              "namespace": { "type": ["string", "null"] },
              "name": { "type": "string" },
              "modifyIndex": { "type": "integer" },
              "spec": { "type": "object", "additionalProperties": { "type": "string" } },
              "status": { "type": "object", "additionalProperties": { "type": "string" } }
            }
          }
        },
        "responses": {
          "Off": { "description": "API is off (no token configured)", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Unauthorized": { "description": "Missing or wrong bearer token", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "NotFound": { "description": "No such object or action", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } },
          "Done": { "description": "Written, or unchanged when the object already said so", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/ActionResult" } } } },
          "Suspended": { "description": "Reconcile of a suspended object", "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Error" } } } }
        }
      },
      "paths": {
        "/api/v1/gitrepository/{name}/{action}": {
          "post": {
            "summary": "Reconcile (write reconcile_requested_at), suspend or resume a GitRepository",
            "security": [{ "bearer": [] }],
            "parameters": [{ "name": "name", "in": "path", "required": true, "schema": { "type": "string" } }, { "$ref": "#/components/parameters/action" }],
            "responses": { "200": { "$ref": "#/components/responses/Done" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Off" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Suspended" } }
          }
        },
        "/api/v1/nomadjob/{namespace}/{job}/{action}": {
          "post": {
            "summary": "Reconcile, suspend or resume a NomadJob (job IDs with '/' are percent-encoded)",
            "security": [{ "bearer": [] }],
            "parameters": [
              { "name": "namespace", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "job", "in": "path", "required": true, "schema": { "type": "string" } },
              { "$ref": "#/components/parameters/action" }
            ],
            "responses": { "200": { "$ref": "#/components/responses/Done" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Off" }, "404": { "$ref": "#/components/responses/NotFound" }, "409": { "$ref": "#/components/responses/Suspended" } }
          }
        },
        "/api/v1/controller/{action}": {
          "post": {
            "summary": "Pause (suspend=true on <prefix>/controller) or resume every reconcile",
            "security": [{ "bearer": [] }],
            "parameters": [{ "name": "action", "in": "path", "required": true, "schema": { "type": "string", "enum": ["pause", "resume"] } }],
            "responses": { "200": { "$ref": "#/components/responses/Done" }, "401": { "$ref": "#/components/responses/Unauthorized" }, "403": { "$ref": "#/components/responses/Off" }, "404": { "$ref": "#/components/responses/NotFound" } }
          }
        },
        "/api/v1/objects": {
          "get": {
            "summary": "Every GitRepository, NomadJob, Receiver and Alert with its spec and status items",
            "security": [{ "bearer": [] }],
            "responses": {
              "200": {
                "description": "The objects",
                "content": { "application/json": { "schema": { "type": "object", "properties": {
                  "controller": { "type": "object", "properties": { "paused": { "type": "boolean" } } },
                  "objects": { "type": "array", "items": { "$ref": "#/components/schemas/Object" } } } } } }
              },
              "401": { "$ref": "#/components/responses/Unauthorized" },
              "403": { "$ref": "#/components/responses/Off" }
            }
          }
        },
        "/hook/{id}": {
          "post": {
            "summary": "Webhook delivery to a Receiver (its status_url); verified as the receiver's host signs",
            "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
            "responses": {
              "200": { "description": "{\"triggered\": [names]}, {\"ignored\": reason} or {\"ping\": \"ok\"}" },
              "400": { "description": "Malformed payload" },
              "401": { "description": "Missing or wrong signature" },
              "404": { "description": "No receiver has this path" },
              "405": { "description": "Not POST" },
              "413": { "description": "Body over NOMAD_GITOPS_WEBHOOK_MAX_BYTES" },
              "503": { "description": "Receiver suspended" }
            }
          }
        },
        "/healthz": { "get": { "summary": "The process serves", "responses": { "200": { "description": "ok" } } } },
        "/api/openapi.json": { "get": { "summary": "This document (no token needed)", "responses": { "200": { "description": "OpenAPI 3.1 JSON" } } } },
        "/metrics": { "get": { "summary": "Prometheus metrics (text exposition format; no token needed)", "responses": { "200": { "description": "metrics" } } } },
        "/": {
          "get": {
            "summary": "Status page: controller, repositories and jobs, failing first (HTML, or JSON with ?format=json); read-only, no token needed",
            "parameters": [{ "name": "format", "in": "query", "required": false, "schema": { "type": "string", "enum": ["json"] } }],
            "responses": { "200": { "description": "the overview" } }
          }
        },
        "/status.json": { "get": { "summary": "The status page's overview as JSON", "responses": { "200": { "description": "the overview" } } } },
        "/objects/{kind}/{name}": {
          "get": {
            "summary": "One object's items and last transitions (HTML, or JSON with ?format=json); a NomadJob's name is namespace/job",
            "parameters": [
              { "name": "kind", "in": "path", "required": true, "schema": { "type": "string", "enum": ["gitrepository", "nomadjob", "receiver"] } },
              { "name": "name", "in": "path", "required": true, "schema": { "type": "string" } },
              { "name": "format", "in": "query", "required": false, "schema": { "type": "string", "enum": ["json"] } }
            ],
            "responses": { "200": { "description": "the object" }, "404": { "description": "no such object" } }
          }
        },
        "/readyz": { "get": { "summary": "Nomad answers with a leader (leader and standby replicas alike)", "responses": { "200": { "description": "ready" }, "503": { "description": "not ready, with the reason" } } } }
      }
    }
    """;
}
