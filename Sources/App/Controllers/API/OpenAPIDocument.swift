/// The OpenAPI 3.0 description of the JSON API, served at `/api/openapi.json`.
/// (Kept by hand beside `routes.swift`; `APITests` checks that every API route is in it.)
enum OpenAPIDocument {
    static let json = #"""
{
 "openapi": "3.0.3",
 "info": {
  "title": "ChiSo API",
  "version": "1.0.0",
  "description": "The assessment cycle, the task register and monitoring for machine clients. Authenticate with `Authorization: Bearer <token>` (`chiso user token USERNAME`). The same policy as the pages decides every request; refusals carry a typed code."
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
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
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
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
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
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/tasks": {
   "get": {
    "summary": "The task register with each task's status on a day (agency users: their own agency)",
    "parameters": [
     {
      "name": "agency",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "agency code"
     },
     {
      "name": "asOf",
      "in": "query",
      "required": false,
      "schema": {
       "type": "string"
      },
      "description": "YYYY-MM-DD or dd/mm/yyyy; default today"
     },
     {
      "name": "page",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 100000
      },
      "description": "page number, from 1 (default 1) to 100000"
     },
     {
      "name": "limit",
      "in": "query",
      "required": false,
      "schema": {
       "type": "integer",
       "minimum": 1,
       "maximum": 1000
      },
      "description": "tasks per page (default 500, at most 1000)"
     }
    ],
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/TaskList"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   },
   "post": {
    "summary": "The task office registers a task",
    "requestBody": {
     "required": true,
     "content": {
      "application/json": {
       "schema": {
        "$ref": "#/components/schemas/TaskInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/tasks/{taskID}": {
   "post": {
    "summary": "The task office updates a task (completion included)",
    "parameters": [
     {
      "name": "taskID",
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
        "$ref": "#/components/schemas/TaskInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/tasks/{taskID}/extensions": {
   "post": {
    "summary": "The task office records a deadline extension",
    "parameters": [
     {
      "name": "taskID",
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
        "$ref": "#/components/schemas/ExtensionInput"
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/monitoring": {
   "get": {
    "summary": "Provisional scores, task figures and sourced inputs as of today",
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
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Monitoring"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/surveys": {
   "post": {
    "summary": "The organiser imports survey results (CSV or .xlsx: agency,criterion,percentage,survey,sample_size); all rows or none",
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
      "multipart/form-data": {
       "schema": {
        "type": "object",
        "properties": {
         "file": {
          "type": "string",
          "format": "binary"
         }
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "413": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/ratings/{agencyID}": {
   "post": {
    "summary": "A provincial leader gives levels on `leaders` criteria (fields level-<criterion code>)",
    "parameters": [
     {
      "name": "periodID",
      "in": "path",
      "required": true,
      "schema": {
       "type": "string"
      }
     },
     {
      "name": "agencyID",
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
        "additionalProperties": {
         "type": "string"
        }
       }
      }
     }
    },
    "responses": {
     "200": {
      "description": "OK",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Done"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "409": {
      "$ref": "#/components/responses/Error"
     },
     "422": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
     }
    }
   }
  },
  "/api/v1/periods/{periodID}/results": {
   "get": {
    "summary": "Final results per group: ranking, class, the head's proposed rating (agencies: once published)",
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
      "description": "Results",
      "content": {
       "application/json": {
        "schema": {
         "$ref": "#/components/schemas/Results"
        }
       }
      }
     },
     "400": {
      "$ref": "#/components/responses/Error"
     },
     "401": {
      "$ref": "#/components/responses/Error"
     },
     "403": {
      "$ref": "#/components/responses/Error"
     },
     "404": {
      "$ref": "#/components/responses/Error"
     },
     "405": {
      "$ref": "#/components/responses/Error"
     },
     "415": {
      "$ref": "#/components/responses/Error"
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
   },
   "TaskExtension": {
    "type": "object",
    "required": [
     "document",
     "newDeadline"
    ],
    "properties": {
     "document": {
      "type": "string"
     },
     "documentDate": {
      "type": "string",
      "nullable": true
     },
     "newDeadline": {
      "type": "string",
      "description": "YYYY-MM-DD"
     }
    }
   },
   "Task": {
    "type": "object",
    "required": [
     "id",
     "sourceID",
     "document",
     "issuer",
     "agency",
     "content",
     "deadline",
     "effectiveDeadline",
     "extensions",
     "completionNote",
     "status"
    ],
    "properties": {
     "id": {
      "type": "string"
     },
     "sourceID": {
      "type": "string"
     },
     "document": {
      "type": "string"
     },
     "documentDate": {
      "type": "string",
      "nullable": true
     },
     "issuer": {
      "type": "string"
     },
     "agency": {
      "type": "string"
     },
     "content": {
      "type": "string"
     },
     "deadline": {
      "type": "string"
     },
     "effectiveDeadline": {
      "type": "string"
     },
     "extensions": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/TaskExtension"
      }
     },
     "completedOn": {
      "type": "string",
      "nullable": true
     },
     "completionNote": {
      "type": "string"
     },
     "status": {
      "type": "string",
      "enum": [
       "doneOnTime",
       "doneLate",
       "openWithinDeadline",
       "openOverdue"
      ]
     }
    }
   },
   "TaskList": {
    "type": "object",
    "required": [
     "asOf",
     "page",
     "pageSize",
     "total",
     "tasks"
    ],
    "properties": {
     "asOf": {
      "type": "string"
     },
     "page": {
      "type": "integer"
     },
     "pageSize": {
      "type": "integer"
     },
     "total": {
      "type": "integer",
      "description": "tasks in all pages"
     },
     "tasks": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/Task"
      }
     }
    }
   },
   "TaskInput": {
    "type": "object",
    "description": "Dates as dd/mm/yyyy or YYYY-MM-DD. Validated like an imported row.",
    "properties": {
     "sourceID": {
      "type": "string"
     },
     "document": {
      "type": "string"
     },
     "documentDate": {
      "type": "string"
     },
     "issuer": {
      "type": "string"
     },
     "agency": {
      "type": "string"
     },
     "content": {
      "type": "string"
     },
     "deadline": {
      "type": "string"
     },
     "completedOn": {
      "type": "string"
     },
     "completionNote": {
      "type": "string"
     }
    },
    "additionalProperties": false
   },
   "ExtensionInput": {
    "type": "object",
    "properties": {
     "extensionDocument": {
      "type": "string"
     },
     "extensionDate": {
      "type": "string"
     },
     "extendedDeadline": {
      "type": "string"
     }
    },
    "additionalProperties": false
   },
   "TaskFigures": {
    "type": "object",
    "required": [
     "due",
     "doneOnTime",
     "doneLate",
     "openOverdue",
     "dueSoon"
    ],
    "properties": {
     "due": {
      "type": "integer"
     },
     "doneOnTime": {
      "type": "integer"
     },
     "doneLate": {
      "type": "integer"
     },
     "openOverdue": {
      "type": "integer"
     },
     "dueSoon": {
      "type": "integer"
     },
     "onTimeRate": {
      "type": "string",
      "nullable": true
     }
    }
   },
   "AgencyMonitoring": {
    "type": "object",
    "required": [
     "agency",
     "name",
     "group",
     "rank",
     "provisional",
     "classCode",
     "sources"
    ],
    "properties": {
     "agency": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "group": {
      "type": "string"
     },
     "rank": {
      "type": "integer"
     },
     "provisional": {
      "type": "string"
     },
     "classCode": {
      "type": "string"
     },
     "tasks": {
      "$ref": "#/components/schemas/TaskFigures"
     },
     "sources": {
      "type": "object",
      "additionalProperties": {
       "type": "string"
      }
     }
    }
   },
   "Monitoring": {
    "type": "object",
    "required": [
     "period",
     "asOf",
     "agencies"
    ],
    "properties": {
     "period": {
      "type": "string"
     },
     "asOf": {
      "type": "string"
     },
     "agencies": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/AgencyMonitoring"
      }
     }
    }
   },
   "RankedAgency": {
    "type": "object",
    "required": [
     "rank",
     "agency",
     "name",
     "raw",
     "applicableMax",
     "normalized",
     "bonus",
     "deduction",
     "final",
     "classCode",
     "classTitle"
    ],
    "properties": {
     "rank": {
      "type": "integer"
     },
     "agency": {
      "type": "string"
     },
     "name": {
      "type": "string"
     },
     "raw": {
      "type": "string"
     },
     "applicableMax": {
      "type": "string"
     },
     "normalized": {
      "type": "string"
     },
     "bonus": {
      "type": "string"
     },
     "deduction": {
      "type": "string"
     },
     "final": {
      "type": "string"
     },
     "classCode": {
      "type": "string"
     },
     "classTitle": {
      "type": "string"
     },
     "headProposal": {
      "type": "string",
      "nullable": true
     }
    }
   },
   "GroupRanking": {
    "type": "object",
    "required": [
     "group",
     "index",
     "ranking",
     "pending"
    ],
    "properties": {
     "group": {
      "type": "string"
     },
     "index": {
      "type": "string"
     },
     "ranking": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/RankedAgency"
      }
     },
     "pending": {
      "type": "array",
      "items": {
       "type": "string"
      }
     }
    }
   },
   "Results": {
    "type": "object",
    "required": [
     "period",
     "published",
     "groups"
    ],
    "properties": {
     "period": {
      "type": "string"
     },
     "published": {
      "type": "boolean"
     },
     "groups": {
      "type": "array",
      "items": {
       "$ref": "#/components/schemas/GroupRanking"
      }
     }
    }
   }
  },
  "responses": {
   "Error": {
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
}
"""#
}
