{
  "variable": {
    "env": {
      "type": "string",
      "description": "Deployment environment",
      "validation": {
        "condition": "${can(regex_replace(var.env, \"^(dev|staging|prod)$\", \"\")) && var.env != \"\"}",
        "error_message": "The env must be dev, staging or prod."
      }
    }
  },
  "job": {
    "web": {
      "meta": {
        "env": "${var.env}"
      }
    }
  }
}
