/// The OpenAPI 3.0 description of the JSON API, served at `/api/openapi.json`.
/// (Kept by hand beside `routes.swift`; `APITests` checks that every API route is in it.)
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "ChiSo API",
  "version": "1.0.0",
  "description": "The assessment cycle for machine clients. Authenticate with `Authorization: Bearer <token>` (`chiso user token USERNAME`). The same policy as the pages decides every request; refusals carry a typed code."
 },
 "servers": [
  {
   "url": "/"
  }
 ],
 "security": [
  {
   "bearerAuth": []
  }
 ],
 "paths": {
  "/api/v1/me": {
   "get": {
    "summary": "Who the token acts as",
    "responses": {
     "200": {
      "description": "The user",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Me"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments": {
   "get": {
    "summary": "Assessments this user may see",
    "responses": {
     "200": {
      "description": "Assessments",
      "content": {
       "application/json": {
        "schema": {
         "type": "array",
         "items": {
          "$ref": "#/components/schemas/Summary"
         }
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}": {
   "get": {
    "summary": "One assessment, every leaf with its points (appraisal when visible)",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The assessment",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Assessment"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/entries/{code}": {
   "post": {
    "summary": "Save a leaf's self-assessment (optimistic concurrency: send the revision you read)",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "code",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "value": {
          "type": "string"
         },
         "note": {
          "type": "string"
         },
         "na": {
          "type": "string"
         },
         "revision": {
          "type": "integer"
         }
        },
        "required": [
         "revision"
        ],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/submit": {
   "post": {
    "summary": "The head submits",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/return": {
   "post": {
    "summary": "The organiser returns, with a reason",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "reason"
        ],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/exception": {
   "post": {
    "summary": "The organiser allows editing after the deadline",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "until": {
          "type": "string",
          "format": "date"
         },
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "until",
         "reason"
        ],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/appraisal/confirm": {
   "post": {
    "summary": "Confirm every untouched leaf assigned to this appraiser",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/appraisal/{code}": {
   "post": {
    "summary": "Confirm (no value) or adjust (value and comment) a leaf",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "code",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "value": {
          "type": "string"
         },
         "comment": {
          "type": "string"
         }
        },
        "required": [],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/release": {
   "post": {
    "summary": "The chair releases the preliminary result",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/explanations/{code}": {
   "post": {
    "summary": "The agency explains a leaf",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "code",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "explanation": {
          "type": "string"
         }
        },
        "required": [
         "explanation"
        ],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/finalise": {
   "post": {
    "summary": "The chair finalises",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/reopen": {
   "post": {
    "summary": "The admin reopens, with a reason",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    },
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "reason": {
          "type": "string"
         }
        },
        "required": [
         "reason"
        ],
        "additionalProperties": false
       }
      }
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/publish": {
   "post": {
    "summary": "The organiser publishes the period",
    "parameters": [
     {
      "name": "periodID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "422": {
      "description": "Refused or invalid, with a typed code (missing_role, other_agency, not_assigned, not_released, wrong_state, self_assessment_deadline_passed, explanation_deadline_passed, reason_required, invalid_input, stale_revision, …)",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/openapi.json": {
   "get": {
    "summary": "This document",
    "security": [],
    "responses": {
     "200": {
      "description": "OpenAPI 3.0"
     }
    }
   }
  },
  "/api/v1/assessments/{assessmentID}/entries/{code}/evidence": {
   "post": {
    "summary": "Upload an evidence file for a leaf (multipart, field `file`; PDF, PNG, JPEG, Word, Excel or ZIP by content; size limit CHISO_UPLOAD_MAX_MB)",
    "parameters": [
     {
      "name": "assessmentID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "code",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "properties": {
         "file": {
          "type": "string",
          "format": "binary"
         }
        },
        "required": [
         "file"
        ]
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "409": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "413": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "415": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/assignments": {
   "post": {
    "summary": "The organiser assigns an appraiser to a node",
    "parameters": [
     {
      "name": "periodID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "type": "object",
        "properties": {
         "indexCode": {
          "type": "string"
         },
         "criterionCode": {
          "type": "string"
         },
         "userID": {
          "type": "string",
          "format": "uuid"
         }
        },
        "required": [
         "indexCode",
         "criterionCode",
         "userID"
        ],
        "additionalProperties": false
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "Done",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "401": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  },
  "/api/v1/evidence/{linkID}": {
   "get": {
    "summary": "An evidence file's content",
    "parameters": [
     {
      "name": "linkID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     }
    ],
    "responses": {
     "200": {
      "description": "The file, with its recognised content type"
     },
     "401": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "403": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     },
     "404": {
      "description": "Refused or invalid, with a typed code",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Error"
        }
       }
      }
     }
    }
   }
  }
 },
 "components": {
  "securitySchemes": {
   "bearerAuth": {
    "type": "http",
    "scheme": "bearer"
   }
  },
  "schemas": {
   "Error": {
    "type": "object",
    "required": [
     "error"
    ],
    "properties": {
     "error": {
      "type": "object",
      "required": [
       "code",
       "message"
      ],
      "properties": {
       "code": {
        "type": "string"
       },
       "message": {
        "type": "string"
       }
      }
     }
    }
   },
   "Done": {
    "type": "object",
    "required": [
     "ok",
     "message",
     "location"
    ],
    "properties": {
     "ok": {
      "type": "string"
     },
     "message": {
      "type": "string"
     },
     "location": {
      "type": "string"
     }
    }
   },
   "Me": {
    "type": "object",
    "required": [
     "username",
     "displayName",
     "agency",
     "roles"
    ],
    "properties": {
     "username": {
      "type": "string"
     },
     "displayName": {
      "type": "string"
     },
     "agency": {
      "type": "string"
     },
     "roles": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "Summary": {
    "type": "object",
    "required": [
     "id",
     "agency",
     "period",
     "state"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "agency": {
      "type": "string"
     },
     "period": {
      "type": "string"
     },
     "state": {
      "type": "string"
     }
    }
   },
   "Leaf": {
    "type": "object",
    "required": [
     "code",
     "title",
     "max",
     "applicable",
     "selfPoints",
     "why",
     "revision",
     "evidence"
    ],
    "properties": {
     "code": {
      "type": "string"
     },
     "title": {
      "type": "string"
     },
     "max": {
      "type": "string"
     },
     "applicable": {
      "type": "boolean"
     },
     "selfInput": {
      "type": "string",
      "nullable": true
     },
     "selfPoints": {
      "type": "string"
     },
     "why": {
      "type": "string"
     },
     "note": {
      "type": "string",
      "nullable": true
     },
     "revision": {
      "type": "integer"
     },
     "evidence": {
      "type": "integer"
     },
     "appraisedInput": {
      "type": "string",
      "nullable": true
     },
     "appraisedPoints": {
      "type": "string",
      "nullable": true
     },
     "appraisalComment": {
      "type": "string",
      "nullable": true
     },
     "explanation": {
      "type": "string",
      "nullable": true
     }
    }
   },
   "Assessment": {
    "type": "object",
    "required": [
     "id",
     "agency",
     "period",
     "state",
     "selfTotal",
     "leaves"
    ],
    "properties": {
     "id": {
      "type": "string",
      "format": "uuid"
     },
     "agency": {
      "type": "string"
     },
     "period": {
      "type": "string"
     },
     "state": {
      "type": "string"
     },
     "selfTotal": {
      "type": "string"
     },
     "appraisedTotal": {
      "type": "string",
      "nullable": true
     },
     "finalScore": {
      "type": "string",
      "nullable": true
     },
     "classCode": {
      "type": "string",
      "nullable": true
     },
     "leaves": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Leaf"
      }
     }
    }
   }
  }
 }
}
"""#
}
