﻿job "lex" {}
