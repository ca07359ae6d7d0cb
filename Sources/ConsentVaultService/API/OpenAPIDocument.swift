// The service's OpenAPI 3.1 document, served at `GET /v1/openapi.json`. Keep it in step with
// `Router.routes`: `OpenAPITests` fails when a route is missing here or this names one the server lacks.

/// The OpenAPI document, as served.
enum OpenAPIDocument {
    /// The JSON text.
    static let text = #"""
{
  "openapi": "3.1.0",
  "info": {
    "title": "ConsentVault",
    "version": "1",
    "description": "The vault as a service: field-level consent, progressive profiling, data subject requests and prompt redaction. Every error is RFC 9457 problem details with a stable code."
  },
  "servers": [{"url": "http://vault"}],
  "security": [{"bearer": []}],
  "paths": {
    "/v1/health": {
      "get": {
        "summary": "Liveness; needs no token",
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}}}}},
        "security": []
      }
    },
    "/v1/openapi.json": {
      "get": {
        "summary": "This document; needs no token",
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object"}}}}},
        "security": []
      }
    },
    "/v1/members": {
      "post": {
        "summary": "Enrol a member with consented fields; honours Idempotency-Key",
        "description": "Role operation: member.enroll.",
        "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"fields": {"type": "object", "additionalProperties": {"type": "string"}}, "consents": {"type": "array", "items": {"type": "object", "properties": {"purpose": {"type": "string"}, "field": {"type": "string"}}, "required": ["purpose"]}}, "channel": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}, "required": ["fields", "channel"]}}}},
        "responses": {"201": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "consents": {"type": "array", "items": {"$ref": "#/components/schemas/Grant"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      },
      "get": {
        "summary": "A page of member ids",
        "description": "Role operation: member.list.",
        "parameters": [{"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 10000}}, {"name": "after", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"members": {"type": "array", "items": {"type": "string"}}, "next_after": {"type": "string"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/lookup": {
      "post": {
        "summary": "Find a member by a unique value (never in the URL)",
        "description": "Role operation: member.find.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"email": {"type": "string"}, "phone": {"type": "string"}, "member_number": {"type": "string"}}}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}": {
      "get": {
        "summary": "Read the fields a purpose may use now",
        "description": "Role operation: member.read.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}, {"name": "purpose", "in": "query", "required": true, "schema": {"type": "string"}}, {"name": "field", "in": "query", "schema": {"type": "string"}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "fields": {"type": "object", "additionalProperties": {"type": "string"}}, "denied": {"type": "array", "items": {"type": "object", "properties": {"field": {"type": "string"}, "reason": {"type": "string"}}}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/fields": {
      "patch": {
        "summary": "Set and unset fields",
        "description": "Role operation: member.set / member.unset.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"set": {"type": "object", "additionalProperties": {"type": "string"}}, "unset": {"type": "array", "items": {"type": "string"}}}}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "set": {"type": "array", "items": {"type": "string"}}, "unset": {"type": "array", "items": {"type": "string"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/consents": {
      "post": {
        "summary": "Grant, deny or withdraw a consent",
        "description": "Role operation: consent.grant / consent.withdraw.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"action": {"type": "string", "enum": ["grant", "deny", "withdraw"]}, "purpose": {"type": "string"}, "field": {"type": "string"}, "channel": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}, "required": ["action", "purpose", "channel"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grant"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      },
      "get": {
        "summary": "The member's consent state per purpose",
        "description": "Role operation: consent.show.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "purposes": {"type": "array", "items": {"type": "object", "properties": {"purpose": {"type": "string"}, "lawful_basis": {"type": "string"}, "state": {"type": "string"}, "in_force": {"type": "boolean"}, "fields": {"type": "object", "additionalProperties": {"type": "string"}}}}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/consents/confirm": {
      "post": {
        "summary": "Confirm a double opt-in token",
        "description": "Role operation: consent.confirm.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"token": {"type": "string"}}, "required": ["token"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Grant"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/profile/next": {
      "get": {
        "summary": "The next field to ask the member for",
        "description": "Role operation: profile.next.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}, {"name": "channel", "in": "query", "schema": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "ask": {"type": ["object", "null"]}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/profile/shared": {
      "post": {
        "summary": "The member shared a field: store it and earn points once",
        "description": "Role operation: profile.share.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"field": {"type": "string"}, "value": {"type": "string"}, "purpose": {"type": "string"}, "channel": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}, "required": ["field", "value", "purpose", "channel"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/profile/declined": {
      "post": {
        "summary": "The member declined to share a field",
        "description": "Role operation: profile.decline.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"field": {"type": "string"}, "channel": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}, "required": ["field", "channel"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "field": {"type": "string"}, "declined": {"type": "boolean"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/rewards": {
      "get": {
        "summary": "Points balance and ledger",
        "description": "Role operation: rewards.balance / rewards.ledger.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "balance": {"type": "integer"}, "entries": {"type": "array", "items": {"type": "object"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/consents/history": {
      "get": {
        "summary": "Every consent event with the notice shown",
        "description": "Role operation: consent.history.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "events": {"type": "array", "items": {"type": "object"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/audit": {
      "get": {
        "summary": "Who accessed which of the member's data, when and why",
        "description": "Role operation: audit.show.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "entries": {"type": "array", "items": {"type": "object"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/export": {
      "post": {
        "summary": "The signed export (Art. 15, 20) as its files",
        "description": "Role operation: dsr.export.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"request": {"type": "string"}}}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "files": {"type": "object", "additionalProperties": {"type": "string"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/requests/{id}/extend": {
      "post": {
        "summary": "Extend a request's deadline by two months, with a reason",
        "description": "Role operation: dsr.extend.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"reason": {"type": "string"}}, "required": ["reason"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/requests/{id}/close": {
      "post": {
        "summary": "Close a request",
        "description": "Role operation: dsr.close.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"outcome": {"type": "string", "enum": ["fulfilled", "refused", "withdrawn", "no_data_held"]}}, "required": ["outcome"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/members/{id}/erase": {
      "post": {
        "summary": "Erase a member (Art. 17), keeping what retention and holds require",
        "description": "Role operation: dsr.erase.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}, "description": "the member id (UUID)"}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"request": {"type": "string"}, "dry_run": {"type": "boolean"}}}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"member": {"type": "string"}, "dry_run": {"type": "boolean"}, "erased": {"type": "array", "items": {"type": "string"}}, "wal_cleared": {"type": "boolean"}, "kept": {"type": "array", "items": {"type": "object"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/requests": {
      "post": {
        "summary": "Open a data subject request",
        "description": "Role operation: dsr.open.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"type": {"type": "string"}, "member": {"type": "string"}, "email": {"type": "string"}, "phone": {"type": "string"}, "received_on": {"type": "string"}, "channel": {"type": "string", "enum": ["store", "app", "web", "callcenter", "import", "email", "letter", "phone"]}}, "required": ["type"]}}}},
        "responses": {"201": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      },
      "get": {
        "summary": "List data subject requests",
        "description": "Role operation: dsr.list.",
        "parameters": [{"name": "overdue", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}}, {"name": "all", "in": "query", "schema": {"type": "string", "enum": ["true", "false"]}, "description": "closed requests too"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"requests": {"type": "array", "items": {"$ref": "#/components/schemas/Request"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/requests/{id}": {
      "get": {
        "summary": "One data subject request",
        "description": "Role operation: dsr.show.",
        "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Request"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/prompts/redact": {
      "post": {
        "summary": "Replace personal data in a prompt with placeholders",
        "description": "Role operation: prompt.redact.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}, "purpose": {"type": "string"}, "member": {"type": "string"}, "session": {"type": "string"}}, "required": ["text", "purpose"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Redaction"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/prompts/build": {
      "post": {
        "summary": "Fill a template with a member's placeholders",
        "description": "Role operation: prompt.build.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"template": {"type": "string"}, "member": {"type": "string"}, "purpose": {"type": "string"}}, "required": ["template", "member", "purpose"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Redaction"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/prompts/demask": {
      "post": {
        "summary": "Put the values a purpose covers back into generated text",
        "description": "Role operation: prompt.demask.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}, "session": {"type": "string"}}, "required": ["text", "session"]}}}},
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"text": {"type": "string"}, "restored": {"type": "integer"}, "left_in_place": {"type": "array", "items": {"type": "object", "properties": {"placeholder": {"type": "string"}, "reason": {"type": "string"}}}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/tokens": {
      "post": {
        "summary": "Create a token (shown once)",
        "description": "Role operation: token.create.",
        "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}, "role": {"type": "string"}}, "required": ["name", "role"]}}}},
        "responses": {"201": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}, "role": {"type": "string"}, "token": {"type": "string"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      },
      "get": {
        "summary": "List tokens by name (never the token)",
        "description": "Role operation: token.list.",
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"tokens": {"type": "array", "items": {"type": "object"}}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/tokens/{name}/revoke": {
      "post": {
        "summary": "Revoke a token at once",
        "description": "Role operation: token.revoke.",
        "parameters": [{"name": "name", "in": "path", "required": true, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"name": {"type": "string"}, "revoked": {"type": "boolean"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/audit/verify": {
      "get": {
        "summary": "Verify the audit chain and the row seals",
        "description": "Role operation: audit.verify.",
        "parameters": [{"name": "head", "in": "query", "schema": {"type": "string"}, "description": "SEQ:HASH kept outside the vault"}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object"}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/audit/head": {
      "get": {
        "summary": "The audit chain's head, to keep outside the vault",
        "description": "Role operation: audit.head.",
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"head": {"type": "string"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    },
    "/v1/events": {
      "get": {
        "summary": "Consent changes and erasures in order, without values",
        "description": "Role operation: events.read.",
        "parameters": [{"name": "after", "in": "query", "schema": {"type": "integer"}, "description": "the last seq seen (0 for the start)"}, {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 1000}}],
        "responses": {"200": {"description": "success", "content": {"application/json": {"schema": {"type": "object", "properties": {"events": {"type": "array", "items": {"type": "object", "properties": {"seq": {"type": "integer"}, "at": {"type": "string"}, "kind": {"type": "string"}, "member": {"type": "string"}, "purpose": {"type": "string"}, "field": {"type": "string"}}, "required": ["seq", "at", "kind", "member"]}}, "next": {"type": "integer"}}}}}}, "default": {"$ref": "#/components/responses/Problem"}}
      }
    }
  },
  "components": {
    "securitySchemes": {
      "bearer": {
        "type": "http",
        "scheme": "bearer",
        "description": "a token from `consent-vault token create`; its role decides"
      }
    },
    "responses": {
      "Problem": {
        "description": "an error: 400, 401, 403, 404, 405, 408, 409, 411, 413, 415, 422, 429, 431, 503",
        "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
      }
    },
    "schemas": {
      "Problem": {
        "type": "object",
        "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"}, "detail": {"type": "string"}, "code": {"type": "string"}},
        "required": ["type", "title", "status", "code"]
      },
      "Grant": {
        "type": "object",
        "properties": {"member": {"type": "string"}, "purpose": {"type": "string"}, "field": {"type": "string"}, "state": {"type": "string"}, "token": {"type": "string"}}
      },
      "Request": {
        "type": "object",
        "properties": {"request": {"type": "string"}, "type": {"type": "string"}, "member": {"type": "string"}, "by_contact": {"type": "boolean"}, "received_on": {"type": "string"}, "due_on": {"type": "string"}, "status": {"type": "string"}, "extension_reason": {"type": "string"}, "outcome": {"type": "string"}, "days_left": {"type": "integer"}}
      },
      "Redaction": {
        "type": "object",
        "properties": {"text": {"type": "string"}, "session": {"type": "string"}, "entities": {"type": "array", "items": {"type": "object", "properties": {"type": {"type": "string"}, "placeholder": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"}}}}}
      }
    }
  }
}
"""#
}
